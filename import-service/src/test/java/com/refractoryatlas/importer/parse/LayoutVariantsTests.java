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

    /** The head of an article as copied from a PDF viewer: no blank lines, the parts of the page glued together. */
    private static String copiedArticle(String head) {
        return head + """
                Anna Berg1, Jonas Meyer2 and Lea Novak1
                Abstract
                Background: Ketamine was given to patients with treatment-resistant depression.
                Methods: We compared response rates.
                Introduction
                Treatment-resistant depression affects many patients [1]. Ketamine is one option [2].
                References
                1. Smith J, Doe A. Treatment-resistant depression: a review. J Psychiatr Res. 2019;117:100-109.
                2. Roe R, Poe P. Ketamine infusions for depression. Am J Psychiatry. 2020;177:20-30.
                """;
    }

    @Test
    void aLetterSpacedArticleTypeLabelGluedAboveTheTitleIsNoPartOfIt() {
        // pdf.js (Firefox) copies BMC's letter-spaced "RESEARCH ARTICLE" with a space between every letter
        var a = (JournalArticle) PARSER.parse("x.txt", copiedArticle("""
                R E S E A R C H A R T I C L E Open Access
                Ketamine for treatment-resistant depression:
                a randomised trial
                """));

        assertThat(a.metadata().title()).isEqualTo("Ketamine for treatment-resistant depression: a randomised trial");
    }

    @Test
    void aPublishersCoverPageAboveTheTitleIsNoPartOfIt() {
        // Taylor & Francis's download cover sheet: terms, download stamp, the journal's name, its ISSN and homepage
        var a = (JournalArticle) PARSER.parse("x.txt", copiedArticle("""
                Full Terms & Conditions of access and use can be found at
                http://www.tandfonline.com/action/journalInformation?journalCode=ines20
                Download by: [A University] Date: 23 January 2017, At: 12:45
                International Journal of Neuroscience
                ISSN: 0020-7454 (Print) 1543-5245 (Online) Journal homepage: http://www.tandfonline.com/loi/ines20
                Ketamine for treatment-resistant depression:
                a randomised trial
                """));

        assertThat(a.metadata().title()).isEqualTo("Ketamine for treatment-resistant depression: a randomised trial");
    }
}
