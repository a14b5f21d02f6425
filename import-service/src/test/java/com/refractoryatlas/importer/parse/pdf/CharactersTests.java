package com.refractoryatlas.importer.parse.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.importer.parse.layout.Accents;
import org.junit.jupiter.api.Test;

class CharactersTests {

    @Test
    void expandsEveryLatinLigature() {
        assertThat(Characters.normalizeGlyph("\uFB00")).isEqualTo("ff");
        assertThat(Characters.normalizeGlyph("\uFB01")).isEqualTo("fi");
        assertThat(Characters.normalizeGlyph("\uFB02")).isEqualTo("fl");
        assertThat(Characters.normalizeGlyph("\uFB03")).isEqualTo("ffi");
        assertThat(Characters.normalizeGlyph("\uFB04")).isEqualTo("ffl");
        assertThat(Characters.normalizeGlyph("e\uFB03cacy")).isEqualTo("efficacy");
    }

    @Test
    void makesOddSpacesPlainAndDropsInvisibles() {
        assertThat(Characters.normalizeGlyph("\u00A0")).isEqualTo(" ");
        assertThat(Characters.normalizeGlyph("\u2009")).isEqualTo(" ");
        assertThat(Characters.normalizeGlyph("\u202F")).isEqualTo(" ");
        assertThat(Characters.normalizeGlyph("\u200B")).isEmpty();
        assertThat(Characters.normalizeGlyph("\uFEFF")).isEmpty();
        assertThat(Characters.normalizeGlyph("\u2011")).isEqualTo("-");
        assertThat(Characters.normalizeGlyph("\u2013")).isEqualTo("\u2013");
    }

    @Test
    void keepsASoftHyphenOnlyWhereTheLineBreaks() {
        assertThat(Characters.finishLine("refrac\u00AD")).isEqualTo("refrac-");
        assertThat(Characters.finishLine("epi\u00ADlepticus  and  more ")).isEqualTo("epilepticus and more");
    }

    @Test
    void composesCombiningAccents() {
        assertThat(Characters.finishLine("Caf" + "e\u0301")).isEqualTo("Caf\u00E9");
        assertThat(Accents.combining('\u00B4')).isEqualTo('\u0301');
        assertThat(Accents.combining('a')).isEqualTo((char) 0);
    }

    @Test
    void tellsUnmappedGlyphsFromCharacters() {
        assertThat(Characters.unmapped("\uFFFD")).isTrue();
        assertThat(Characters.unmapped("\u0003")).isTrue();
        assertThat(Characters.unmapped("\uE001")).isTrue();
        assertThat(Characters.unmapped("a")).isFalse();
    }

    @Test
    void spotsGarbledLinesButNotAccentedNames() {
        assertThat(Mojibake.garbled("¿Äº¿Ä½ Å¼ · ¼ÂËÅÈ»É¹»Ä¹»")).isTrue();
        assertThat(Mojibake.garbled("Åström, Müller and Pérez-García reported")).isFalse();
    }
}
