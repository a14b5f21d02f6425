package com.refractoryatlas.importer.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.importer.ImportProperties;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ParserDocumentPlannerTests {

    private final ParserDocumentPlanner planner =
            new ParserDocumentPlanner(new Binder(new MapConfigurationPropertySource(Map.of()))
                    .bindOrCreate("atlas.import", ImportProperties.class));

    private static final String MULTI_PAGE_PDF = "rsos-150395.pdf";

    private static final String ARTICLE = """
            # Ketamine for treatment-resistant depression: a cohort study

            Jane A. Smith, Robert Jones

            DOI: 10.1234/example.2021.001

            ## Introduction

            Treatment-resistant depression often responds to ketamine [1]. Esketamine is approved [2], and
            electroconvulsive therapy remains the standard [4].

            ## References

            1. Murrough JW, Iosifescu DV, Chang LC. Antidepressant efficacy of ketamine in treatment-resistant major depression. Am J Psychiatry. 2013;170(10):1134-42.
            2. Food and Drug Administration. Spravato (esketamine) prescribing information. Silver Spring: FDA.
            2. Daly EJ, Singh JB, Fedgchin M. Efficacy and safety of intranasal esketamine. JAMA Psychiatry. 2018;75(2):139-48.
            4. Kellner CH, Greenberg RM, Murrough JW. ECT in treatment-resistant depression. Am J Psychiatry. 2012;169(12):1238-44.
            """;

    @Test
    void importsAnArticleWhoseReferenceListHasOddEntriesWithTypedWarnings() {
        var plan = planner.plan("cohort.md", ARTICLE);

        assertThat(plan).isInstanceOf(DocumentPlan.Write.class);
        var write = (DocumentPlan.Write) plan;
        assertThat(write.article().references()).hasSize(3);
        assertThat(write.warnings())
                .extracting(DocumentPlan.Issue::code)
                .contains("MISSING_REFERENCE_NUMBER", "DUPLICATE_REFERENCE_NUMBER", "MALFORMED_REFERENCE");
    }

    @Test
    void refusesAnArticleWhoseReferenceListIsMostlyUnreadable() {
        var broken = ARTICLE.substring(0, ARTICLE.indexOf("1. Murrough"))
                + "1. ???\n2. !!! ---\n3. Kellner CH. ECT in depression. Am J Psychiatry. 2012;169:1238-44.\n";

        var plan = planner.plan("broken.md", broken);

        assertThat(plan).isInstanceOf(DocumentPlan.Reject.class);
        assertThat(((DocumentPlan.Reject) plan).errors())
                .extracting(DocumentPlan.Issue::code)
                .contains("REFERENCE_LIST_UNREADABLE");
    }

    @Test
    void importsAReferenceFileWhoseValuesAreOverTheReferencesServiceLimitsFittedWithWarnings() {
        var ris = "TY  - MISC\nAU  - Abu-El-Haija, Sami\nPY  - 2019\nDO  - see the PDF\nTI  - "
                + "Sparsified neighbourhood mixing ".repeat(3_000) + "\nER  - \n";

        var plan = planner.plan("library.ris", ris.getBytes(java.nio.charset.StandardCharsets.UTF_8), null);

        assertThat(plan).isInstanceOf(DocumentPlan.Write.class);
        var write = (DocumentPlan.Write) plan;
        var reference = write.article().references().getFirst();
        assertThat(reference.title()).hasSizeLessThanOrEqualTo(ArticleFit.STRING_CHARS);
        assertThat(reference.doi()).isNull();
        assertThat(write.warnings()).extracting(DocumentPlan.Issue::code).contains(ArticleFit.VALUE_SHORTENED);
    }

    @Test
    void refusesAReferenceFileWithMoreEntriesThanAnArticleMayHoldNamingTheLimit() {
        var bib = new StringBuilder();
        for (int i = 0; i <= 2000; i++) {
            bib.append("@article{k")
                    .append(i)
                    .append(", title = {Entry ")
                    .append(i)
                    .append("}, year = 2001}\n");
        }

        var plan = planner.plan("library.bib", bib.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), null);

        assertThat(plan).isInstanceOf(DocumentPlan.Reject.class);
        assertThat(((DocumentPlan.Reject) plan).errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("TOO_MANY_REFERENCES");
            assertThat(e.message()).contains("limit: references per document");
        });
    }

    @Test
    void stillRefusesADocumentItCannotRecognize() {
        var plan = planner.plan("noise.txt", "\u0000\u0001 ### ### ###");

        assertThat(plan).isInstanceOf(DocumentPlan.Reject.class);
    }

    @Test
    void importsAnArticleWhoseTreatmentSentenceIsLongerThanTheCatalogTakesWithAShortenedSummary() {
        // a flattened table or a run-on "sentence" without a full stop, as PDFs give them
        var runOn = "Treatment-resistant depression responds to ketamine [1] "
                + "and other measures were taken ".repeat(300);
        var article = ARTICLE.replace("Treatment-resistant depression often responds to ketamine [1].", runOn + ".");

        var plan = planner.plan("run-on.md", article);

        assertThat(plan).isInstanceOf(DocumentPlan.Write.class);
        var write = (DocumentPlan.Write) plan;
        assertThat(write.catalog().treatments()).isNotEmpty().allSatisfy(t -> assertThat(t.summary())
                .hasSizeLessThanOrEqualTo(CatalogFit.TEXT_CHARS));
        assertThat(write.warnings()).extracting(DocumentPlan.Issue::code).contains(CatalogFit.VALUE_SHORTENED);
    }

    @Test
    void readsPdfsWithinTheConfiguredPdfBounds() throws Exception {
        var onePage = new ParserDocumentPlanner(
                new Binder(new MapConfigurationPropertySource(Map.of("atlas.import.pdf.max-pages", "1")))
                        .bindOrCreate("atlas.import", ImportProperties.class));
        byte[] pdf;
        try (var in = getClass().getResourceAsStream("/pdf/" + MULTI_PAGE_PDF)) {
            pdf = in.readAllBytes();
        }

        var truncated = onePage.plan(MULTI_PAGE_PDF, pdf, "application/pdf");
        var whole = planner.plan(MULTI_PAGE_PDF, pdf, "application/pdf");

        assertThat(issueCodes(truncated)).contains("PDF_PAGES_TRUNCATED");
        assertThat(issueCodes(whole)).doesNotContain("PDF_PAGES_TRUNCATED");
    }

    @Test
    void storesCitingSentencesInProportionToTheDocumentWhenARunOnSentenceCitesAWholeRange() {
        // no full stop in the body: the whole paragraph is one "sentence", cited by every reference of the range
        var runOn = "Treatment-resistant depression responds to ketamine [1, 2, 4] and "
                + "the measures taken were many and varied for each patient ".repeat(400);
        var article = ARTICLE.replace("Treatment-resistant depression often responds to ketamine [1].", runOn);

        var write = (DocumentPlan.Write) planner.plan("run-on.md", article);

        assertThat(write.article().citations()).isNotEmpty().allSatisfy(c -> assertThat(c.contexts())
                .allSatisfy(context -> assertThat(context).hasSizeLessThanOrEqualTo(ContextFit.CONTEXT_CHARS)));
        assertThat(write.warnings()).extracting(DocumentPlan.Issue::code).contains(ContextFit.SHORTENED);
    }

    private static java.util.List<String> issueCodes(DocumentPlan plan) {
        var issues =
                switch (plan) {
                    case DocumentPlan.Write write -> write.warnings();
                    case DocumentPlan.Reject reject -> reject.errors();
                };
        return issues.stream().map(DocumentPlan.Issue::code).toList();
    }
}
