package com.refractoryatlas.importer.parse;

import static com.refractoryatlas.importer.parse.SeedDocumentsTests.treatment;
import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.importer.extract.TreatmentRole;
import org.junit.jupiter.api.Test;

class LayoutVariantsTests {

    private static final DocumentParser PARSER = new DocumentParser();

    @Test
    void aShortHeadingAfterTheTitleOfAnExplainerIsNotTakenForAByline() {
        ExplainerPage page = (ExplainerPage) PARSER.parse("x", Documents.resource("explainer-plain-short-heading.txt"));
        assertThat(page.sections()).extracting(Section::heading).containsExactly("Key Facts", "What Helps");
        assertThat(Documents.knowledge(page).conditions())
                .filteredOn(c -> c.id().equals("epilepsy"))
                .singleElement()
                .satisfies(c -> assertThat(c.refractoryCriteria()).hasSize(1));
        assertThat(treatment(Documents.knowledge(page), "epilepsy", "epilepsy-surgery"))
                .isPresent();
    }

    @Test
    void readsUpperCaseHeadingsBracketNumbersAndMixedReferenceStyles() {
        JournalArticle a = (JournalArticle) PARSER.parse("x", Documents.resource("uppercase-references-heading.txt"));
        assertThat(a.metadata().authors())
                .containsExactly(new ParsedAuthor("Okafor", "Peter", null), new ParsedAuthor("Fischer", "Lena", null));
        assertThat(a.sections()).extracting(Section::heading).containsExactly("INTRODUCTION");
        assertThat(a.references()).hasSize(2);
        assertThat(a.references().get(0).journal()).isEqualTo("J Clin Oncol");
        assertThat(a.references().get(0).issue()).isEqualTo("18");
        assertThat(a.references().get(1).authors())
                .containsExactly(
                        new ParsedAuthor("Moskowitz", "Craig H.", null),
                        new ParsedAuthor("Nademanee", "Auayporn", null));
        assertThat(a.citations()).extracting(ParsedCitation::number).containsExactly(1, 2);
        assertThat(treatment(Documents.knowledge(a), "hodgkin-lymphoma", "immunotherapy"))
                .hasValueSatisfying(t -> assertThat(t.role()).isEqualTo(TreatmentRole.SALVAGE));
    }

    @Test
    void readsCurlyQuotesReferencesBrokenByPageBreaksLongDatesAndBylineMarks() {
        String text = Documents.seed("001")
                .replace(
                        "\"Treatment-refractory depression: an update.\"",
                        "“Treatment-refractory depression: an update.”")
                .replace(
                        "*Expert Review of Neurotherapeutics* 22 (2022):41-52.",
                        "*Expert Review of\n\nNeurotherapeutics* 22(1) (2022):41–52. doi: 10.1080/14737175.2022.2030001")
                .replace("Received: 01-Aug-2025", "Received: August 1, 2025")
                .replace("Elena Petrova*", "Elena Petrova1*, Jean-Pierre Dupont2");
        JournalArticle a = (JournalArticle) PARSER.parse("001-variant.txt", text);

        assertThat(a.metadata().authors())
                .containsExactly(
                        new ParsedAuthor("Petrova", "Elena", null), new ParsedAuthor("Dupont", "Jean-Pierre", null));
        assertThat(a.metadata().received()).isEqualTo(java.time.LocalDate.of(2025, 8, 1));
        assertThat(a.references()).hasSize(10);
        assertThat(a.references().get(0).title()).isEqualTo("Treatment-refractory depression: an update");
        ParsedReference second = a.references().get(1);
        assertThat(second.journal()).isEqualTo("Expert Review of Neurotherapeutics");
        assertThat(second.issue()).isEqualTo("1");
        assertThat(second.pages()).isEqualTo("41-52");
        assertThat(second.doi()).isEqualTo("10.1080/14737175.2022.2030001");
    }

    @Test
    void splitsHeadingsGluedToTheirParagraphs() {
        ExplainerPage page = (ExplainerPage) PARSER.parse("x", Documents.resource("explainer-without-blank-lines.txt"));
        assertThat(page.title()).isEqualTo("Why Some Infections Resist Antibiotics");
        assertThat(page.sections())
                .extracting(Section::heading)
                .containsExactly("Why Some Infections Resist Antibiotics", "Introduction");
        assertThat(Documents.knowledge(page).mechanisms())
                .extracting(m -> m.id())
                .containsExactlyInAnyOrder("metabolic-inactivation", "drug-efflux-pumps");
        assertThat(Documents.knowledge(page).mechanisms())
                .allSatisfy(m -> assertThat(m.conditionIds()).contains("bacterial-infections"));
    }
}
