package com.refractoryatlas.importer.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.importer.parse.ParsedCitation;
import com.refractoryatlas.importer.write.ArticleInput.CitationInput;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContextFitTests {

    private static final String SENTENCE = "Ketamine relieved treatment-resistant depression within hours [3].";

    @Test
    void keepsTheCitingSentencesOfAnOrdinaryArticleAsTheyAre() {
        var citations = List.of(
                new ParsedCitation(1, List.of(SENTENCE)), new ParsedCitation(2, List.of(SENTENCE, "Another [2]")));

        var fitted = ContextFit.fit(citations, 50_000);

        assertThat(fitted.citations())
                .containsExactly(
                        new CitationInput(1, List.of(SENTENCE)),
                        new CitationInput(2, List.of(SENTENCE, "Another [2]")));
        assertThat(fitted.warnings()).isEmpty();
    }

    @Test
    void shortensASentenceThatNeverEndsAtAWord() {
        var runOn = "refractory depression resists ketamine ".repeat(500);

        var fitted = ContextFit.fit(List.of(new ParsedCitation(1, List.of(runOn))), runOn.length());

        var context = fitted.citations().getFirst().contexts().getFirst();
        assertThat(context).hasSizeLessThanOrEqualTo(ContextFit.CONTEXT_CHARS).endsWith("\u2026");
        assertThat(runOn).startsWith(context.substring(0, context.length() - 1));
        assertThat(fitted.warnings())
                .singleElement()
                .satisfies(w -> assertThat(w.code()).isEqualTo(ContextFit.SHORTENED))
                .satisfies(w -> assertThat(w.message()).contains("1 shortened").doesNotContain("ketamine"));
    }

    @Test
    void keepsAllContextsInProportionToTheDocumentAndEveryCitationItsFirst() {
        // a range cited by many long sentences: each sentence is stored once per reference
        var sentence = "x".repeat(ContextFit.CONTEXT_CHARS - 1);
        var citations = new ArrayList<ParsedCitation>();
        for (int number = 1; number <= 500; number++) {
            citations.add(new ParsedCitation(number, List.of(sentence, sentence, sentence)));
        }
        long documentCharacters = 70_000;

        var fitted = ContextFit.fit(citations, documentCharacters);

        long stored = fitted.citations().stream()
                .flatMap(c -> c.contexts().stream())
                .mapToLong(String::length)
                .sum();
        long budget = Math.max(ContextFit.MIN_BUDGET, ContextFit.BUDGET_PER_CHARACTER * documentCharacters);
        assertThat(stored)
                .isLessThanOrEqualTo(budget + (long) fitted.citations().size() * sentence.length());
        assertThat(fitted.citations()).hasSize(500).allSatisfy(c -> assertThat(c.contexts())
                .isNotEmpty());
        assertThat(fitted.citations().getFirst().contexts()).hasSize(3);
        assertThat(fitted.citations().getLast().contexts()).hasSize(1);
        assertThat(fitted.warnings()).singleElement().satisfies(w -> assertThat(w.message())
                .contains("left out"));
    }
}
