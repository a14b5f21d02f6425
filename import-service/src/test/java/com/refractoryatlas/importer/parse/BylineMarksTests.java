package com.refractoryatlas.importer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The marks publishers set after the names of a byline, as the PDF reader or pdftotext gives them. */
class BylineMarksTests {

    @Test
    void wileysMarksSeparatedBySemicolonsGoWithTheMarks() {
        // Statistics in Medicine: numbered affiliations, then footnote marks, each pair a semicolon apart
        assertThat(LineCues.bylineNames("Peter Martus1;∗;†, Andrea Stroux1, Anselm M. Junemann2"))
                .isEqualTo("Peter Martus, Andrea Stroux, Anselm M. Junemann");
        assertThat(LineCues.bylineNames("Scott Evans∗;† and Lingling Li‡")).isEqualTo("Scott Evans and Lingling Li");
        assertThat(LineCues.byline("Scott Evans∗; † and Lingling Li‡")).isTrue(); // pdftotext spaces the marks
        assertThat(LineCues.byline("Wei Pan1;∗;†, John E. Connett1, Giovanni C. Porzio2 and Sanford Weisberg3"))
                .isTrue();
    }

    @Test
    void elseviersLettersGluedToTheNamesLeaveTheirSemicolonBeforeTheComma() {
        // pdftotext of a 2005 Elsevier front page: the superscript letters join the names, the marks stay apart
        assertThat(LineCues.byline("John S. Preissera;∗ , Daniel I. Garciab")).isTrue();
    }

    @Test
    void elseviersLettersGluedToTheNamesAreMarksWhenTheyRunFromA() {
        assertThat(LineCues.bylineNames("Kellie J. Archera,∗ , Stanley Lemeshowb , David W. Hosmerc"))
                .isEqualTo("Kellie J. Archer, Stanley Lemeshow, David W. Hosmer");
        assertThat(LineCues.bylineNames("Daniel F. McCaffreya,*, Beth Ann Griffinb, Daniel Almirallc, Mary Slaughtera"))
                .isEqualTo("Daniel F. McCaffrey, Beth Ann Griffin, Daniel Almirall, Mary Slaughter");
        // names that happen to end in "a" (no run past it), or in letters that do not run from "a", stay whole
        assertThat(LineCues.bylineNames("Maria Costa, Joao Silva")).isEqualTo("Maria Costa, Joao Silva");
        assertThat(LineCues.bylineNames("Ana Pereira, Ivan Petrovic")).isEqualTo("Ana Pereira, Ivan Petrovic");
    }

    @Test
    void aSemicolonBetweenNamesStaysASeparator() {
        assertThat(LineCues.bylineNames("Jane Smith; John Doe")).isEqualTo("Jane Smith; John Doe");
    }

    @Test
    void wileysLettersAfterTheCommaGoWithTheNameBeforeThem() {
        // Statistics in Medicine 2014 as pdftotext gives it: "Wu,a*†" prints its letter after the comma
        assertThat(LineCues.bylineNames("P. Wu,a * † X. M. Tu,b and J. Kowalski"))
                .isEqualTo("P. Wu, X. M. Tu, and J. Kowalski");
        assertThat(LineCues.byline("P. Wu,a * † X. M. Tua,b and J. Kowalskic")).isTrue();
    }
}
