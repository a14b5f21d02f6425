package com.refractoryatlas.references.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReferenceIdentityTests {

    private static final String TITLE = "Ketamine for treatment-refractory depression: a narrative review.";

    private static String id(String doi, String family, Integer year, String title) {
        return ReferenceIdentity.idOf(doi, List.of(new Author(family, "Carlos A.", null)), year, title);
    }

    @Nested
    class WithADoi {

        @Test
        void ignoresCaseAndResolverPrefixes() {
            var plain = id("10.1111/nyas.14664", "Wilkinson", 2021, TITLE);

            assertThat(id("10.1111/NYAS.14664", "Wilkinson", 2021, TITLE)).isEqualTo(plain);
            assertThat(id("https://doi.org/10.1111/nyas.14664", "Wilkinson", 2021, TITLE))
                    .isEqualTo(plain);
            assertThat(id("http://dx.doi.org/10.1111/nyas.14664", "Wilkinson", 2021, TITLE))
                    .isEqualTo(plain);
            assertThat(id(" doi:10.1111/nyas.14664 ", "Wilkinson", 2021, TITLE)).isEqualTo(plain);
        }

        @Test
        void dependsOnTheDoiAloneSoThatDifferentlyTranscribedCopiesMatch() {
            assertThat(id("10.1111/nyas.14664", "Other", 1999, "Other title"))
                    .isEqualTo(id("10.1111/nyas.14664", "Wilkinson", 2021, TITLE));
        }

        @Test
        void differsForDifferentDois() {
            assertThat(id("10.1111/nyas.14665", "Wilkinson", 2021, TITLE))
                    .isNotEqualTo(id("10.1111/nyas.14664", "Wilkinson", 2021, TITLE));
        }
    }

    @Nested
    class WithoutADoi {

        private final String plain = id(null, "Zarate", 2021, TITLE);

        @Test
        void isAShortStableHash() {
            assertThat(plain).matches("ref-[0-9a-f]{16}");
            assertThat(id(null, "Zarate", 2021, TITLE)).isEqualTo(plain);
        }

        @Test
        void ignoresCasePunctuationAndWhitespace() {
            assertThat(id(null, "ZARATE", 2021, "KETAMINE for Treatment Refractory Depression -- a  narrative review"))
                    .isEqualTo(plain);
        }

        @Test
        void ignoresStrayEmphasisMarkers() {
            assertThat(id(null, "Zarate", 2021, "*Ketamine* for _treatment-refractory_ depression: a narrative review"))
                    .isEqualTo(plain);
        }

        @Test
        void ignoresGenerationalSuffixesInTheFamilyName() {
            assertThat(id(null, "Zarate Jr.", 2021, TITLE)).isEqualTo(plain);
            assertThat(id(null, "Zarate, III", 2021, TITLE)).isEqualTo(plain);
        }

        @Test
        void ignoresDiacritics() {
            assertThat(id(null, "Müller", 2020, "Über Epilepsie"))
                    .isEqualTo(id(null, "Muller", 2020, "Uber epilepsie"));
        }

        @Test
        void tellsApartDifferentYearsAuthorsAndTitles() {
            assertThat(id(null, "Zarate", 2022, TITLE)).isNotEqualTo(plain);
            assertThat(id(null, "Wilkinson", 2021, TITLE)).isNotEqualTo(plain);
            assertThat(id(null, "Zarate", 2021, TITLE + " Part 2")).isNotEqualTo(plain);
            assertThat(id(null, "Zarate", null, TITLE)).isNotEqualTo(plain);
        }

        @Test
        void usesOnlyTheFirstAuthor() {
            var two = ReferenceIdentity.idOf(
                    null, List.of(new Author("Zarate", null, null), new Author("Wilkinson", null, null)), 2021, TITLE);

            assertThat(two).isEqualTo(plain);
        }
    }
}
