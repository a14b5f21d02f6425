package com.refractoryatlas.catalog.curation;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.refractoryatlas.catalog.CatalogProperties;
import com.refractoryatlas.subgraph.ApiException;
import com.refractoryatlas.subgraph.ErrorCode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InputRulesTests {

    private final InputRules rules = new InputRules(new CatalogProperties(
            new CatalogProperties.Limits(1000, 200, 120, 200, 4000),
            10000,
            new CatalogProperties.Writes(40, Duration.ofMillis(100))));

    @ParameterizedTest
    @ValueSource(
            strings = {"\u0000", "\u0007", "\u202E", "\u202D", "\u2066", "\u200B", "\u200D", "\uFEFF", "\u00AD", "\n"})
    void refusesControlBidiAndZeroWidthCharactersInNamesAndAliases(String character) {
        var name = "Ketamine" + character + "gro";
        assertThatThrownBy(() -> rules.name("input.name", name))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("input.name")
                .hasMessageContaining("U+%04X".formatted(character.codePointAt(0)))
                .extracting(e -> ((ApiException) e).code())
                .isEqualTo(ErrorCode.BAD_USER_INPUT);
        assertThatThrownBy(() -> rules.aliases("input.aliases", List.of("ECT", name)))
                .hasMessageContaining("input.aliases[1]");
    }

    @Test
    void refusesALoneSurrogate() {
        assertThatThrownBy(() -> rules.name("input.name", "abc\uD800def")).hasMessageContaining("U+D800");
    }

    @Test
    void acceptsOrdinaryTextInAnyScriptAndLineBreaksInProse() {
        assertThatCode(() -> rules.name("input.name", "Sjögren's syndrome – β-Thalassämie 抗うつ薬 😀"))
                .doesNotThrowAnyException();
        assertThatCode(() -> rules.text("input.summary", "Two trials.\nThen ECT.\tDone."))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> rules.text("input.summary", "x\u202Ey"))
                .hasMessageContaining("RIGHT-TO-LEFT OVERRIDE");
    }
}
