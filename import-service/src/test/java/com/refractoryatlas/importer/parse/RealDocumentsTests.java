package com.refractoryatlas.importer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A real open-access article as pdftotext gives it (two-column BMC layout: running headers, page counters, reference
 * numbers and a References heading among page furniture). Expected values come from the article's JATS.
 */
class RealDocumentsTests {

    private static final DocumentParser PARSER = new DocumentParser();

    private static JournalArticle bmcTrials() {
        ParsedDocument doc = PARSER.parse(
                "bmc-trials-16-1-2.pdftotext.txt", Documents.resource("real/bmc-trials-16-1-2.pdftotext.txt"));
        assertThat(doc).isInstanceOf(JournalArticle.class);
        return (JournalArticle) doc;
    }

    @Test
    void readsTheFrontMatterOfARealPdfText() {
        ArticleMetadata m = bmcTrials().metadata();
        assertThat(m.title())
                .startsWith("Effectiveness of a computerized drug-monitoring program to detect and prevent adverse")
                .endsWith("study protocol of a randomized controlled trial");
        assertThat(m.authors()).hasSize(7);
        assertThat(m.authors().get(0).family()).isEqualTo("Forster");
        assertThat(m.authors().get(5).family()).isEqualTo("van Walraven");
        assertThat(m.doi()).isEqualTo("10.1186/1745-6215-16-2");
        assertThat(m.received()).isEqualTo(java.time.LocalDate.of(2014, 5, 27));
    }

    @Test
    void readsEveryReferenceOfARealPdfText() {
        JournalArticle a = bmcTrials();
        assertThat(a.references()).hasSize(21);
        assertThat(a.references()).extracting(ParsedReference::number).doesNotHaveDuplicates();
        ParsedReference third = a.references().get(2);
        assertThat(third.authors().get(0)).isEqualTo(new ParsedAuthor("Tamblyn", "R", null));
        assertThat(third.authors()).hasSize(6);
        assertThat(third.journal()).isEqualTo("J Am Med Inform Assoc");
        assertThat(third.year()).isEqualTo(2008);
        assertThat(third.volume()).isEqualTo("15");
        assertThat(third.pages()).isEqualTo("430-8");
        ParsedReference first = a.references().get(0);
        assertThat(first.title())
                .isEqualTo("Usability of a computerised drug monitoring programme to detect adverse drug events and"
                        + " non-compliance in outpatient ambulatory care");
        assertThat(first.journal()).isEqualTo("BMJ Qual Saf");
    }

    @Test
    void linksTheBracketCitationsAndSaysWhyItIsAnArticle() {
        JournalArticle a = bmcTrials();
        assertThat(a.citations()).hasSizeGreaterThan(15);
        assertThat(a.issues())
                .filteredOn(i -> i.code() == ParseIssue.Code.DOCUMENT_KIND)
                .singleElement()
                .satisfies(i -> assertThat(i.message()).contains("21 references", "a byline", "DOI"));
        assertThat(a.sections()).extracting(Section::heading).contains("Background", "Methods/design", "Discussion");
        assertThat(a.sections()).allSatisfy(s -> assertThat(s.text()).doesNotContain("Page 2 of"));
    }
}
