package com.refractoryatlas.importer.parse;

import static com.refractoryatlas.importer.parse.SeedDocumentsTests.treatment;
import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.importer.extract.TreatmentRole;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Documents written for these tests (src/test/resources/documents): other journals, topics and layouts. */
class GeneralizationTests {

    private static final DocumentParser PARSER = new DocumentParser();

    private static ParsedDocument parse(String name) {
        return PARSER.parse(name, Documents.resource(name));
    }

    @Test
    void readsAPlainArticleWithSuperscriptAffiliationsIssuesDoisAndExtraSections() {
        JournalArticle a = (JournalArticle) parse("plain-cardiology-article.txt");
        ArticleMetadata m = a.metadata();

        assertThat(m.title()).isEqualTo("Resistant Hypertension and Refractory Angina: Where Devices Meet Drugs");
        assertThat(m.authors())
                .containsExactly(
                        new ParsedAuthor("Van der Berg", "Jean-Luc", null),
                        new ParsedAuthor("de la Cruz", "Maria", null),
                        new ParsedAuthor("O'Brien", "Thomas", "Jr."));
        assertThat(m.affiliation())
                .isEqualTo("Department of Cardiology, Leiden University Medical Center, Leiden, Netherlands; "
                        + "Institute of Cardiovascular Research, University of Lisbon, Lisbon, Portugal");
        assertThat(m.correspondenceEmail()).isEqualTo("m.delacruz@ulisboa.example.pt");
        assertThat(m.journal()).isEqualTo("Cardiol Res Pract");
        assertThat(m.articleNumber()).isEqualTo("e4521");
        assertThat(m.received()).isEqualTo(LocalDate.of(2024, 3, 12));
        assertThat(m.published()).isEqualTo(LocalDate.of(2024, 4, 2));
        assertThat(m.doi()).isEqualTo("10.5555/crp.2024.4521");
        assertThat(a.sections())
                .extracting(Section::heading)
                .containsExactly("Background", "Methods", "Limitations", "Conclusion");
        assertThat(a.sections().get(1).text()).contains("summarised the evidence by device class");

        assertThat(a.references()).hasSize(7);
        ParsedReference first = a.references().get(0);
        assertThat(first.issue()).isEqualTo("5");
        assertThat(first.pages()).isEqualTo("e53-e90");
        assertThat(first.doi()).isEqualTo("10.1161/HYP.0000000000000084");
        assertThat(a.references().get(2).authors()).last().isEqualTo(new ParsedAuthor("Schmieder", "Roland E", "Jr."));
        assertThat(a.references().get(3).title())
                .endsWith("a randomised, multicentre, single-blind, sham-controlled trial");
        assertThat(a.references().get(5).pages()).isEqualTo("110");
        assertThat(a.references().get(6).pages()).isEqualTo("102506");

        assertThat(a.citations()).extracting(ParsedCitation::number).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(a.citations().get(3).contexts()).singleElement().asString().contains("[3-5]");
        assertThat(a.issues()).noneMatch(i -> i.severity() == ParseIssue.Severity.WARNING);

        assertThat(treatment(Documents.knowledge(a), "refractory-angina", "spinal-cord-stimulation"))
                .hasValueSatisfying(t -> {
                    assertThat(t.role()).isEqualTo(TreatmentRole.EMERGING);
                    assertThat(t.referenceNumbers()).containsExactly(6);
                });
        assertThat(treatment(Documents.knowledge(a), "resistant-hypertension", "renal-denervation"))
                .hasValueSatisfying(t -> assertThat(t.referenceNumbers()).contains(3, 4, 5));
        assertThat(Documents.knowledge(a).conditions())
                .filteredOn(c -> c.id().equals("resistant-hypertension"))
                .singleElement()
                .satisfies(c -> assertThat(c.refractoryCriteria())
                        .singleElement()
                        .asString()
                        .contains("three or more"));
    }

    @Test
    void readsAMarkdownArticleWithABrokenReferenceListAndReportsEveryProblem() {
        JournalArticle a = (JournalArticle) parse("markdown-nephrology-article.txt");

        assertThat(a.metadata().title())
                .isEqualTo("Salvage Options in Steroid-Resistant Nephrotic Syndrome and Refractory Chylothorax");
        assertThat(a.metadata().authors())
                .containsExactly(
                        new ParsedAuthor("García-Márquez", "Ana Lucía", null),
                        new ParsedAuthor("de Vries", "Pieter", null));
        assertThat(a.metadata().manuscriptNumber()).isEqualTo("NEPH-24-1001");
        assertThat(a.metadata().received()).isEqualTo(LocalDate.of(2024, 1, 15));
        assertThat(a.metadata().revised()).isEqualTo(LocalDate.of(2024, 2, 3));
        assertThat(a.metadata().published()).isEqualTo(LocalDate.of(2024, 2, 20));
        assertThat(a.metadata().year()).isEqualTo(2024);
        assertThat(a.sections())
                .extracting(Section::heading)
                .containsExactly("Introduction", "Case Vignettes", "Conclusion");

        assertThat(a.references()).extracting(ParsedReference::number).containsExactly(1, 2, 3, 4, 6, 7, 8);
        assertThat(a.references().get(0).authors())
                .hasSize(10)
                .element(8)
                .isEqualTo(new ParsedAuthor("Saleem", "Moin A", "Jr"));
        assertThat(a.references().get(0).issue()).isEqualTo("8");
        assertThat(a.references().get(1).journal()).isEqualTo("Pediatric Nephrology: Journal of the IPNA");
        assertThat(a.references().get(2).title()).isEqualTo("Calcineurin inhibitors in SRNS: a meta-analysis");
        assertThat(a.references().get(2).pages()).isEqualTo("e0123456");

        assertThat(a.issues())
                .extracting(ParseIssue::code)
                .contains(
                        ParseIssue.Code.DUPLICATE_REFERENCE_NUMBER,
                        ParseIssue.Code.MISSING_REFERENCE_NUMBER,
                        ParseIssue.Code.MALFORMED_REFERENCE,
                        ParseIssue.Code.UNKNOWN_CITATION,
                        ParseIssue.Code.UNCITED_REFERENCE);
        // extraction runs after parsing: its note about the unknown condition comes with the extraction
        assertThat(Documents.extraction(a).notes()).isNotEmpty();
        assertThat(a.issues())
                .filteredOn(i -> i.severity() != ParseIssue.Severity.INFO)
                .allMatch(i -> i.line() != null);
        assertThat(a.issues())
                .filteredOn(i -> i.code() == ParseIssue.Code.UNKNOWN_CITATION)
                .extracting(ParseIssue::message)
                .anyMatch(msg -> msg.contains("[5]"))
                .anyMatch(msg -> msg.contains("[14]"));
        assertThat(a.citations()).extracting(ParsedCitation::number).containsExactly(1, 2, 3, 4, 6, 7);

        assertThat(Documents.knowledge(a).conditions())
                .filteredOn(c -> c.id().equals("chylothorax"))
                .singleElement()
                .satisfies(c -> assertThat(c.fromVocabulary()).isFalse());
        assertThat(treatment(Documents.knowledge(a), "nephrotic-syndrome", "rituximab"))
                .hasValueSatisfying(t -> assertThat(t.role()).isEqualTo(TreatmentRole.SALVAGE));
        assertThat(treatment(Documents.knowledge(a), "nephrotic-syndrome", "plasma-exchange"))
                .hasValueSatisfying(t -> {
                    assertThat(t.role()).isEqualTo(TreatmentRole.RESCUE);
                    assertThat(t.referenceNumbers()).containsExactly(4, 6);
                });
    }

    @Test
    void readsVancouverAndApaReferenceLists() {
        JournalArticle a = (JournalArticle) parse("vancouver-references-article.txt");
        assertThat(a.references()).hasSize(3);
        ParsedReference first = a.references().get(0);
        assertThat(first.authors()).hasSize(6).first().isEqualTo(new ParsedAuthor("Gaynes", "BN", null));
        assertThat(first.title()).isEqualTo("Defining treatment-resistant depression");
        assertThat(first.journal()).isEqualTo("Depress Anxiety");
        assertThat(first.volume()).isEqualTo("37");
        assertThat(first.issue()).isEqualTo("2");
        assertThat(first.pages()).isEqualTo("134-145");
        assertThat(first.year()).isEqualTo(2020);
        assertThat(first.doi()).isEqualTo("10.1002/da.22968");
        assertThat(a.references().get(1).journal()).isEqualTo("JAMA Psychiatry");
        assertThat(a.references().get(2).authors())
                .extracting(ParsedAuthor::family)
                .containsExactly("Kellner", "Greenberg");
        assertThat(treatment(Documents.knowledge(a), "depression", "electroconvulsive-therapy"))
                .hasValueSatisfying(t -> assertThat(t.role()).isEqualTo(TreatmentRole.GOLD_STANDARD));
        assertThat(treatment(Documents.knowledge(a), "depression", "esketamine"))
                .hasValueSatisfying(t -> assertThat(t.role()).isEqualTo(TreatmentRole.AUGMENTATION));
    }

    @Test
    void readsAMarkdownExplainerAndDropsItsLinks() {
        ExplainerPage page = (ExplainerPage) parse("explainer-markdown.md");
        assertThat(page.title()).isEqualTo("What Makes Chronic Cough Refractory?");
        assertThat(page.sections())
                .extracting(Section::heading)
                .contains("Why the Cough Keeps Going", "What Doctors Try Next");
        assertThat(page.navigationLinks()).containsExactly("Read more about asthma", "Related: Understanding Reflux");
        assertThat(Documents.knowledge(page).conditions())
                .filteredOn(c -> c.id().equals("chronic-cough"))
                .singleElement()
                .satisfies(c -> assertThat(c.refractoryCriteria()).isNotEmpty());
    }

    @Test
    void readsAnArticleWithMissingFields() {
        JournalArticle a = (JournalArticle) parse("minimal-article-missing-fields.txt");
        assertThat(a.metadata().authors()).hasSize(2);
        assertThat(a.metadata().affiliation()).isNull();
        assertThat(a.metadata().doi()).isNull();
        assertThat(a.metadata().published()).isNull();
        assertThat(a.references()).singleElement().satisfies(r -> {
            assertThat(r.journal()).isEqualTo("JAMA");
            assertThat(r.year()).isEqualTo(2011);
        });
        assertThat(Documents.knowledge(a).conditions()).extracting(c -> c.id()).contains("gout");
    }

    @Test
    void takesTheTitleAboveTheBylineNotTheJournalBannerAboveIt() {
        String text = """
                International Journal of Neuroscience

                ISSN: 0020-7454 (Print) 1543-5245 (Online) Journal homepage: http://www.tandfonline.com/loi/ines20

                A longitudinal uncontrolled study of cerebral gray
                matter volume in patients receiving natalizumab
                for multiple sclerosis
                Fariha Khalid, Shahamat Tauhid, Alicia S. Chua, Brian C. Healy, James M.
                Stankiewicz, Howard L. Weiner & Rohit Bakshi

                Natalizumab reduces relapses in multiple sclerosis, and its effect on gray matter volume is
                studied here over two years in patients treated at one center [1].

                References
                1. Vidal-Jordana A, Sastre-Garriga J, Rovira A. Treating relapsing-remitting multiple sclerosis:
                therapy effects on brain atrophy. J Neurol 2015;262:2617-26.
                """;
        JournalArticle a = (JournalArticle) new DocumentParser().parse("ijn.txt", text);
        assertThat(a.metadata().title())
                .isEqualTo("A longitudinal uncontrolled study of cerebral gray matter volume in patients receiving "
                        + "natalizumab for multiple sclerosis");
    }

    @Test
    void readsAListNumberedWithoutStopsFromItsFirstEntry() {
        String text = """
                Medication use in people with multiple sclerosis
                George A. Jelinek, Tracey J. Weiland

                Medication use was studied in a large international sample [1, 2].

                References
                1 Wingerchuk DM, Carter JL. Multiple sclerosis: current and
                emerging disease-modifying therapies. Mayo Clin Proc. 2014;89:225-40.
                2 Cree BA. 2014 multiple sclerosis therapeutic update.
                Neurohospitalist. 2014;4:63-5.
                """;
        JournalArticle a = (JournalArticle) new DocumentParser().parse("nres.txt", text);
        assertThat(a.references()).extracting(ParsedReference::number).containsExactly(1, 2);
        assertThat(a.references().get(0).authors())
                .first()
                .extracting(ParsedAuthor::family)
                .isEqualTo("Wingerchuk");
        assertThat(a.references().get(0).journal()).isEqualTo("Mayo Clin Proc");
    }
}
