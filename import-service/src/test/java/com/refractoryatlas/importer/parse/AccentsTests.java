package com.refractoryatlas.importer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.importer.parse.layout.LayoutLine;
import org.junit.jupiter.api.Test;

/** Accents PDF viewers and pdftotext print beside their letters are merged as the text is read. */
class AccentsTests {

    private static String read(String line) {
        return TextReader.read(line).lines().stream()
                .map(LayoutLine::text)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void anAccentAfterItsLetterJoinsIt() {
        assertThat(read("10 S. Birtic´ et al. / Phytochemistry 115 (2015) 9–19"))
                .isEqualTo("10 S. Birtić et al. / Phytochemistry 115 (2015) 9–19");
        assertThat(read("Klancˇnik A, Me´rola F")).isEqualTo("Klančnik A, Mérola F");
        assertThat(read("Laboratoire, Universite´ Paris Sud")).isEqualTo("Laboratoire, Université Paris Sud");
    }

    @Test
    void anAccentBeforeAVowelJoinsThatVowel() {
        assertThat(read("[1] W. R¨omer and G. Schilling")).isEqualTo("[1] W. Römer and G. Schilling");
        assertThat(read("P´erez J, Rodr´ıguez D, Echeverr´ıa M")).isEqualTo("Pérez J, Rodríguez D, Echeverría M");
    }

    @Test
    void theSpacePdfJsPutsAfterAnAccentInsideAWordGoes() {
        assertThat(read("Asma Fredj1, He´ le` ne Pasquier1, Vale´ rie Derrien1, Stro¨ m A"))
                .isEqualTo("Asma Fredj1, Hélène Pasquier1, Valérie Derrien1, Ström A");
        assertThat(read("Carra´ A, Delboulbe´ A, et al.")).isEqualTo("Carrá A, Delboulbé A, et al.");
    }

    @Test
    void aLetterAndItsCombiningMarkReadAsOneLetter() {
        String decomposed = "Mu\u0308ller K, Muthe\u0301n B, Pe\u0301rez J";

        assertThat(read(decomposed)).isEqualTo("Müller K, Muthén B, Pérez J").hasSize(decomposed.length() - 3);
    }

    @Test
    void asciiMarksAndCodeSpansStayAsTheyAre() {
        assertThat(read("Run `echo` then `ls`, about ~5 mg, x^2")).isEqualTo("Run `echo` then `ls`, about ~5 mg, x^2");
        assertThat(read("a lone accent ´ between spaces")).isEqualTo("a lone accent ´ between spaces");
    }
}
