package com.refractoryatlas.importer.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExactnessTests {

    @Test
    void textIgnoresCaseWhitespacePunctuationAndHyphens() {
        assertThat(Field.JOURNAL.exact("J Biol Chem", "J. Biol. Chem.")).isTrue();
        assertThat(Field.TITLE.exact("Meta-analysis of X", "meta analysis of x."))
                .isFalse();
        assertThat(Field.TITLE.exact("Meta-analysis of X", "Metaanalysis of  X."))
                .isTrue();
        assertThat(Field.TITLE.exact("Dogfish ( Squalus suckleye) in Washington", "Dogfish (Squalus suckleye) in"))
                .isFalse();
        assertThat(Field.TITLE.exact(
                        "Dogfish ( Squalus suckleye) in Washington", "dogfish (Squalus suckleye) in washington"))
                .isTrue();
    }

    @Test
    void textComparesUnicodeInNfcButKeepsAccents() {
        assertThat(Field.FIRST_AUTHOR.exact("Dal\u00e9n", "Dale\u0301n")).isTrue();
        assertThat(Field.FIRST_AUTHOR.exact("Dal\u00e9n", "Dalen")).isFalse();
    }

    @Test
    void pagesAcceptAnyDashAndAnAbbreviatedLastPage() {
        assertThat(Field.PAGES.exact("2508-2516", "2508\u201316")).isTrue();
        assertThat(Field.PAGES.exact("2508-2516", "2508 \u2013 2516")).isTrue();
        assertThat(Field.PAGES.exact("2508-2516", "2508-2517")).isFalse();
        assertThat(Field.PAGES.exact("2508-2516", "2508")).isFalse();
        assertThat(Field.PAGES.exact("e1000359", "E1000359")).isTrue();
        assertThat(Field.PAGES.exact("e1000359", "1000359")).isFalse();
    }

    @Test
    void doiIsCaseInsensitiveWithoutResolverPrefix() {
        assertThat(Field.DOI.exact("10.1016/0022-5193(79)90081-X", "https://doi.org/10.1016/0022-5193(79)90081-x."))
                .isTrue();
        assertThat(Field.DOI.exact("10.1038/nn.2489", "doi: 10.1038/nn.2489")).isTrue();
        assertThat(Field.DOI.exact("10.1038/nn.2489", "10.1038/nn.248")).isFalse();
    }

    @Test
    void yearAndAuthorCountMustBeEqual() {
        assertThat(Field.YEAR.exact("2004", "2004")).isTrue();
        assertThat(Field.YEAR.exact("2004", "2005")).isFalse();
        assertThat(Field.AUTHOR_COUNT.exact("5", "6")).isFalse();
    }

    @Test
    void aMissingParsedValueIsNeverExact() {
        for (Field f : Field.values()) {
            assertThat(f.exact("1", null)).isFalse();
        }
    }
}
