package com.refractoryatlas.importer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.importer.parse.layout.Layout;
import com.refractoryatlas.importer.parse.layout.LayoutLine;
import com.refractoryatlas.importer.parse.layout.TextStyle;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The segmenter's labels, for the artefacts PDF text carries and for styled PDF layouts. */
class ZoneSegmenterTests {

    private static final String PDF_TEXT = """
            Clin Cardiol Rev 2021; 14: 101-109

            ORIGINAL ARTICLE

            Renal denervation for resistant hypertension:
            a pragmatic cohort
            Ana Costa1,2, Peter J. Lindqvist2* and Mei Chen1

            1 Department of Medicine, University of Porto, Porto, Portugal
            Received: 12 March 2021; Accepted: 2 May 2021
            DOI: 10.5555/ccr. 2021.0101

            INTRODU CT ION
            Resistant hypertension remains common despite three drugs.1,2 Renal denervation lowers pressure in
            selected patients,3–5 and its place in meta- analysis pooled evidence is debated.

            COSTA ET AL.
            Downloaded from https://example.org on 3 June 2021
            2

            The remaining treat-
            ment options include spironolactone.6

            COSTA ET AL.
            3

            R E F E R E N C E S
            1.
            2.
            3.
            Carey RM, Calhoun DA. Resistant hypertension. Hypertension. 2018;72:e53-e90.
            Smith J, Jones K. Spironolactone in resistant hypertension. Lancet. 2015;386:2059-68.
            Lee A. Denervation trials. N Engl J Med. 2014;370:1393-401.

            COSTA ET AL.
            4

            4. Böhm M, Kario K. Sham-controlled trials. Lancet. 2020;395:1444-51.
            5. Townsend RR. Renal denervation. Lancet. 2017;390:2160-70.
            6. Williams B. Pathway 2. Lancet. 2015;386:2059-68.
            """;

    private static Zones zones(String text) {
        return TextPipeline.zones(TextReader.read(text));
    }

    @Test
    void labelsPdfTextArtefacts() {
        Zones z = zones(PDF_TEXT);
        assertThat(z.zones())
                .filteredOn(Zone.Title.class::isInstance)
                .singleElement()
                .satisfies(t -> assertThat(((Zone.Title) t).title())
                        .isEqualTo("Renal denervation for resistant hypertension: a pragmatic cohort"));
        assertThat(z.zones()).filteredOn(Zone.Byline.class::isInstance).hasSize(1);
        assertThat(z.zones()).filteredOn(Zone.Affiliation.class::isInstance).hasSize(1);
        assertThat(z.zones())
                .filteredOn(Zone.Heading.class::isInstance)
                .extracting(h -> ((Zone.Heading) h).heading())
                .containsExactly("INTRODUCTION", "REFERENCES");
        assertThat(z.zones())
                .filteredOn(Zone.PageFurniture.class::isInstance)
                .extracting(Zone::text)
                .contains("COSTA ET AL.", "2", "3")
                .anyMatch(t -> t.startsWith("Downloaded from"));
        assertThat(z.zones())
                .filteredOn(Zone.ReferenceEntry.class::isInstance)
                .extracting(e -> ((Zone.ReferenceEntry) e).number())
                .containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(z.debug())
                .contains("REFERENCE_HEADING")
                .contains("FURNITURE")
                .contains("BYLINE");
    }

    @Test
    void assemblesPdfTextIntoAnArticleWithSuperscriptCitations() {
        JournalArticle a = (JournalArticle) new DocumentParser().parse("pdf.txt", PDF_TEXT);
        assertThat(a.metadata().title()).isEqualTo("Renal denervation for resistant hypertension: a pragmatic cohort");
        assertThat(a.metadata().authors())
                .extracting(ParsedAuthor::family)
                .containsExactly("Costa", "Lindqvist", "Chen");
        assertThat(a.metadata().doi()).isEqualTo("10.5555/ccr.2021.0101");
        assertThat(a.references()).hasSize(6);
        assertThat(a.references().get(1).authors().get(0).family()).isEqualTo("Smith");
        assertThat(a.references().get(5).title()).isEqualTo("Pathway 2");
        assertThat(a.citations()).extracting(ParsedCitation::number).containsExactly(1, 2, 3, 4, 5, 6);
        String text = a.sections().get(0).text();
        assertThat(text).contains("treatment options", "meta-analysis").doesNotContain("COSTA ET AL.");
    }

    @Test
    void usesFontSizeAndWeightWhenTheLayoutHasThem() {
        List<LayoutLine> lines = new ArrayList<>();
        lines.add(styled(1, "Journal of Things 2020", 8, false, 40));
        lines.add(styled(2, "A Large Title Printed", 18, false, 80));
        lines.add(styled(3, "Across Two Lines", 18, false, 100));
        lines.add(styled(4, "Jane Roe, John Doe", 10, false, 130));
        lines.add(styled(5, "Results in short", 10, true, 170));
        lines.add(styled(6, "Body text of the article continues for a while here.", 10, false, 190));
        lines.add(styled(7, "and ends on this line.", 10, false, 202));
        Zones z = TextPipeline.zones(new Layout(lines, 1));
        assertThat(z.zones().get(0)).isInstanceOf(Zone.FrontMatter.class);
        assertThat(z.zones().get(1)).isInstanceOfSatisfying(Zone.Title.class, t -> assertThat(t.title())
                .isEqualTo("A Large Title Printed Across Two Lines"));
        assertThat(z.zones().get(2)).isInstanceOf(Zone.Byline.class);
        assertThat(z.zones().get(3)).isInstanceOfSatisfying(Zone.Heading.class, h -> assertThat(h.heading())
                .isEqualTo("Results in short"));
        assertThat(z.zones().get(4)).isInstanceOf(Zone.Paragraph.class);
    }

    private static LayoutLine styled(int number, String text, float size, boolean bold, float y) {
        return new LayoutLine(number, text, new TextStyle(1, 50, y, 400, size, bold, false, 0));
    }

    @Test
    void linksAuthorYearCitationsToAnUnnumberedList() {
        String text = """
                Exercise and Refractory Angina

                Jane Roe, John Doe

                Background

                Training helps (Smith et al., 2019). Jones and Lee (2020) disagreed about this in a trial of
                forty patients.

                References

                Jones, A., & Lee, B. (2020). Exercise in angina. Heart, 12(3), 45-50.
                Smith, J., Park, K., & Wu, L. (2019). Training in angina. Circulation, 140, 100-110.
                """;
        JournalArticle a = (JournalArticle) new DocumentParser().parse("ay.txt", text);
        assertThat(a.references()).extracting(r -> r.authors().get(0).family()).containsExactly("Jones", "Smith");
        assertThat(a.citations()).extracting(ParsedCitation::number).containsExactly(1, 2);
        assertThat(a.issues()).extracting(ParseIssue::code).contains(ParseIssue.Code.REFERENCES_NUMBERED_BY_POSITION);
    }

    @Test
    void numbersPastNineThousandNineHundredNinetyNineOpenTheirOwnEntries() {
        StringBuilder text = new StringBuilder("A Long Review\n\nJane Roe, John Doe\n\nReferences\n\n");
        for (int n = 1; n <= 10_002; n++) {
            text.append(n)
                    .append(". ")
                    .append(word(n))
                    .append(" J, Lee K. Trial of ")
                    .append(word(n * 7));
            text.append(" number ").append(n).append(". Lancet.\n");
            if (n == 10_001) {
                text.append("102506. Epub 2020.\n");
            }
        }
        List<Zone.ReferenceEntry> entries = zones(text.toString()).zones().stream()
                .filter(Zone.ReferenceEntry.class::isInstance)
                .map(Zone.ReferenceEntry.class::cast)
                .toList();
        assertThat(entries).hasSize(10_002);
        assertThat(entries.get(9_999).number()).isEqualTo(10_000);
        assertThat(entries.get(9_998).text()).endsWith("number 9999. Lancet.");
        assertThat(entries.get(10_000).text()).endsWith("number 10001. Lancet. 102506. Epub 2020.");
        assertThat(entries.get(10_001).number()).isEqualTo(10_002);
    }

    /** A distinct word for each number (repeated lines would be running headers). */
    private static String word(int n) {
        StringBuilder w = new StringBuilder("Q");
        for (int k = n; k > 0; k /= 26) {
            w.append((char) ('a' + k % 26));
        }
        return w.toString();
    }
}
