package com.refractoryatlas.references.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTests {

    @Test
    void lowerCasesStripsDiacriticsAndPunctuation() {
        assertThat(TextNormalizer.normalize("  Müller–Lüdenscheidt: *Crohn's*   DISEASE! "))
                .isEqualTo("muller ludenscheidt crohn s disease");
    }

    @Test
    void dropsEmphasisMarkersInsideWords() {
        assertThat(TextNormalizer.normalize("*Ann N Y Acad Sci*")).isEqualTo("ann n y acad sci");
        assertThat(TextNormalizer.normalize("treat_ment")).isEqualTo("treatment");
    }

    @Test
    void foldsCompatibilityCharacters() {
        assertThat(TextNormalizer.normalize("ﬁbrosis ²")).isEqualTo("fibrosis 2");
    }

    @Test
    void tokenizesIntoDistinctWords() {
        assertThat(TextNormalizer.tokens("Epilepsy and epilepsy: EPILEPSY surgery"))
                .containsExactly("epilepsy", "and", "surgery");
        assertThat(TextNormalizer.tokens(".* (a+)+$")).containsExactly("a");
        assertThat(TextNormalizer.tokens(null)).isEmpty();
    }

    @Test
    void canonicalizesDois() {
        assertThat(TextNormalizer.doi("https://doi.org/10.1111/NYAS.14664")).isEqualTo("10.1111/nyas.14664");
        assertThat(TextNormalizer.doi("DOI: 10.1111/nyas.14664")).isEqualTo("10.1111/nyas.14664");
        assertThat(TextNormalizer.doi("  ")).isNull();
        assertThat(TextNormalizer.isDoi("10.1111/nyas.14664")).isTrue();
        assertThat(TextNormalizer.isDoi("nyas.14664")).isFalse();
    }

    @Test
    void dropsNameSuffixesFromFamilyNames() {
        assertThat(TextNormalizer.familyName("Zarate Jr.")).isEqualTo("zarate");
        assertThat(TextNormalizer.familyName("van der Berg")).isEqualTo("van der berg");
    }
}
