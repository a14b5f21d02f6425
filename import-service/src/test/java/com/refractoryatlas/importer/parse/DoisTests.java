package com.refractoryatlas.importer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DoisTests {

    @Test
    void putsBackTheIssnHyphenALineEndTookFromAnElsevierPiiOrAWileyDoi() {
        assertThat(Dois.find("doi:10.1016/S01406736(10)61270-6")).isEqualTo("10.1016/S0140-6736(10)61270-6");
        assertThat(Dois.find("doi: 10.1046/j.14718286.2002.00305.x")).isEqualTo("10.1046/j.1471-8286.2002.00305.x");
    }

    @Test
    void leavesDoisAloneWhoseEightDigitsAreNoIssnOrStandElsewhere() {
        // the check digit does not fit: not an ISSN
        assertThat(Dois.find("10.1016/S01406737(10)61270-6")).isEqualTo("10.1016/S01406737(10)61270-6");
        // Taylor & Francis prints the ISSN without its hyphen
        assertThat(Dois.find("10.1080/00207454.2016.1185421")).isEqualTo("10.1080/00207454.2016.1185421");
        // already hyphenated
        assertThat(Dois.find("10.1016/S0140-6736(10)61270-6")).isEqualTo("10.1016/S0140-6736(10)61270-6");
    }

    @Test
    void theDoiLabelBeforeADoiUrlBelongsToTheDoi() {
        String entry = "Science, 334(6060): 1182–1182. DOI: http://dx.doi.org/10.1126/science.1216775";
        int[] span = Dois.span(entry);
        assertThat(span).isNotNull();
        assertThat(entry.substring(span[0], span[1])).isEqualTo("DOI: http://dx.doi.org/10.1126/science.1216775");
        assertThat(Dois.find("DOI: http://dx.doi. org/10.5334/jopd.e1")).isEqualTo("10.5334/jopd.e1");
    }
}
