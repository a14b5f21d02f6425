package com.refractoryatlas.catalog.naming;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTests {

    @Test
    void slugsFoldCaseAccentsAndPunctuation() {
        assertThat(Names.slug("Treatment-resistant  Depression")).isEqualTo("treatment-resistant-depression");
        assertThat(Names.slug("Sjögren's syndrome")).isEqualTo("sjogren-s-syndrome");
        assertThat(Names.slug("  E-CPR ")).isEqualTo("e-cpr");
        assertThat(Names.slug("***")).isEmpty();
    }

    @Test
    void recognisesWellFormedSlugsOnly() {
        assertThat(Names.isSlug("electroconvulsive-therapy")).isTrue();
        assertThat(Names.isSlug("Ketamine")).isFalse();
        assertThat(Names.isSlug("a--b")).isFalse();
        assertThat(Names.isSlug("-a")).isFalse();
        assertThat(Names.isSlug("")).isFalse();
    }

    @Test
    void searchTokensAreTheDistinctWordsOfNameAndAliases() {
        assertThat(Names.searchTokens("Depression", List.of("TRD", "treatment-resistant depression")))
                .containsExactly("depression", "trd", "treatment", "resistant");
    }

    @ParameterizedTest
    @ValueSource(strings = {".*", "$", "{}", "^[]()", "\\"})
    void textWithoutWordsYieldsNoFilterSoItMatchesNothing(String text) {
        assertThat(Names.prefixFilters("searchTokens", text)).isEmpty();
    }

    @Test
    void everyWordBecomesAQuotedAnchoredPrefix() {
        var filters = Names.prefixFilters("searchTokens", "{\"$gt\": \"\"} (a+)+$");
        assertThat(filters).hasSize(2);
        assertThat(filters.getFirst().toBsonDocument().toJson()).contains("^\\\\Qgt\\\\E");
        assertThat(filters.get(1).toBsonDocument().toJson()).contains("^\\\\Qa\\\\E");
    }
}
