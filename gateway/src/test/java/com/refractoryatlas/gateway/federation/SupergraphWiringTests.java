package com.refractoryatlas.gateway.federation;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

class SupergraphWiringTests {

    private static boolean usesAliases(String query) {
        return SupergraphWiring.usesAliases(Parser.parse(query));
    }

    @Test
    void findsNoAliasInAnOperationWithoutAny() {
        assertThat(usesAliases("query Q { conditions { name ... on Query { __typename } } }"))
                .isFalse();
    }

    @Test
    void findsAnAliasAtAnyDepth() {
        assertThat(usesAliases("{ conditions { treatments { label: role } } }")).isTrue();
        assertThat(usesAliases("{ first: conditions { name } }")).isTrue();
    }

    @Test
    void findsAnAliasInsideFragments() {
        assertThat(usesAliases("{ search(text: \"e\") { ... on Condition { label: name } } }"))
                .isTrue();
        assertThat(usesAliases("{ conditions { ...F } } fragment F on Condition { label: name }"))
                .isTrue();
    }
}
