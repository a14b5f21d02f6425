package com.refractoryatlas.subgraph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DoiShapeTests {

    @Test
    void takesTheResolverPrefixOffAndLowerCases() {
        assertThat(DoiShape.canonical(" https://doi.org/10.1111/EPI.16500 ")).isEqualTo("10.1111/epi.16500");
        assertThat(DoiShape.canonical("doi: 10.1000/XYZ")).isEqualTo("10.1000/xyz");
        assertThat(DoiShape.canonical("  ")).isNull();
    }

    @Test
    void acceptsOnlyTheRegistrantSlashSuffixShape() {
        assertThat(DoiShape.isCanonicalDoi("10.1000.5/xyz")).isTrue();
        assertThat(DoiShape.isCanonicalDoi("see the pdf")).isFalse();
        assertThat(DoiShape.isCanonicalDoi("10.12/too-short-registrant")).isFalse();
        assertThat(DoiShape.isCanonicalDoi("10.1000/with space")).isFalse();
    }
}
