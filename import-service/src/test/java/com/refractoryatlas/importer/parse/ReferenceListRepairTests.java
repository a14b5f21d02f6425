package com.refractoryatlas.importer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.importer.parse.layout.Layout;
import com.refractoryatlas.importer.parse.layout.LayoutLine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The repairs made to a reference list after its zones are labelled: columns of an author-year list read
 * interleaved, a table column headed "Reference" read as a list, a DOI set apart from its entry by a blank row.
 */
class ReferenceListRepairTests {

    private static final DocumentParser PARSER = new DocumentParser();

    private static final String FRONT = """
            Ketamine infusion for treatment-resistant depression: a cohort

            Ana Costa1, Peter J. Lindqvist2 and Mei Chen1

            1 Department of Psychiatry, University of Porto, Porto, Portugal
            Received: 12 March 2021; Accepted: 2 May 2021

            Introduction
            Ketamine lowers depressive symptoms within hours (Adams, 2001; Miller and Stone, 2003), and repeated
            infusions keep the response in some patients.

            """;

    private static JournalArticle parse(String text) {
        return (JournalArticle) PARSER.parse("article.txt", text);
    }

    private static List<String> firstAuthors(JournalArticle a) {
        return a.references().stream().map(r -> r.authors().get(0).family()).toList();
    }

    @Test
    void anAuthorYearListReadAsTwoInterleavedColumnsIsPutBackInAlphabeticalOrder() {
        // pdftotext took this page entry by entry from alternate columns: left A–E, right M–P
        String text = FRONT + """
                References

                Adams, J., 2001. Ketamine in depression. J. Affect. Disord. 12, 1–9.

                Miller, K., Stone, P., 2003. Infusion schedules. Biol. Psychiatry 54, 10–19.

                Baker, L., 2005. Relapse after infusion. J. Affect. Disord. 20, 30–39.

                Nolan, R., 2007. Dissociation scales. Psychol. Med. 37, 40–49.

                Clark, S., 2009. Esketamine spray. Am. J. Psychiatry 166, 50–59.

                Owens, T., 2011. Maintenance dosing. Lancet Psychiatry 2, 60–69.

                Evans, M., 2013. Bipolar depression. Bipolar Disord. 15, 70–79.

                Price, W., 2015. Suicidal ideation. JAMA Psychiatry 72, 80–89.
                """;

        JournalArticle a = parse(text);

        assertThat(firstAuthors(a))
                .containsExactly("Adams", "Baker", "Clark", "Evans", "Miller", "Nolan", "Owens", "Price");
        assertThat(a.references()).extracting(ParsedReference::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(a.references().get(4).pages()).isEqualTo("10-19");
        assertThat(a.issues()).anySatisfy(i -> assertThat(i.message()).contains("alphabetical order"));
    }

    @Test
    void anUnnumberedListInCitationOrderKeepsTheOrderItWasRead() {
        // a Vancouver list whose numbers were lost: names in no alphabetical order fall into many runs
        String[] names = {"Wood", "Baker", "Stone", "Adams", "Price", "Clark", "Young", "Evans", "Nolan", "Hill"};
        StringBuilder text = new StringBuilder(FRONT).append("References\n\n");
        for (int i = 0; i < names.length; i++) {
            text.append(names[i])
                    .append(" J. Infusion study ")
                    .append(i + 1)
                    .append(". J Affect Disord. ")
                    .append(2000 + i)
                    .append(";")
                    .append(10 + i)
                    .append(":1-9.\n\n");
        }

        JournalArticle a = parse(text.toString());

        assertThat(firstAuthors(a)).containsExactly(names);
        assertThat(a.issues()).noneSatisfy(i -> assertThat(i.message()).contains("alphabetical order"));
    }

    @Test
    void aFragmentWithoutAuthorsMovesWithTheEntryItWasReadAfter() {
        IssueLog log = new IssueLog(10);
        List<ParsedReference> read = List.of(
                reference(1, "Adams"),
                reference(2, "Miller"),
                reference(3, null), // the tail of Miller's entry, cut by the column break
                reference(4, "Baker"),
                reference(5, "Nolan"),
                reference(6, "Clark"),
                reference(7, "Owens"),
                reference(8, "Evans"));

        List<ParsedReference> restored = AuthorYearOrder.restore(read, log);

        assertThat(restored)
                .extracting(ParsedReference::raw)
                .containsExactly("Adams", "Baker", "Clark", "Evans", "Miller", "(no author)", "Nolan", "Owens");
        assertThat(restored).extracting(ParsedReference::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void aListWithOneNameOutOfPlaceIsLeftAsItIs() {
        // "van Gogh" sorted under G by the journal, under V by us: one descent is no interleaving
        List<ParsedReference> read =
                List.of(reference(1, "Adams"), reference(2, "Vangogh"), reference(3, "Hill"), reference(4, "Nolan"));

        assertThat(AuthorYearOrder.restore(read, new IssueLog(10))).isSameAs(read);
    }

    private static ParsedReference reference(int number, String family) {
        List<ParsedAuthor> authors = family == null ? List.of() : List.of(new ParsedAuthor(family, "J", null));
        String raw = family == null ? "(no author)" : family;
        return new ParsedReference(number, authors, "A title", "J Med", "1", null, "1-9", 2001, null, raw, number);
    }

    @Test
    void aTableColumnHeadedReferenceIsNoReferenceListWhenTheRealListFollows() {
        // Elsevier's methods table: a bold "Reference" column header over gene names and primer sequences
        String[][] rows = {
            {"Ketamine raises BDNF in the rat cortex", "18"},
            {"Jane Roe, John Doe", "10"},
            {"Methods", "b"},
            {"Rats received ketamine and were killed after one day (Adams, 2001).", "10"},
            {"Table 1 Primers used for qPCR", "9"},
            {"Reference", "b"},
            {"GAPDH forward ACCTTGCCGATGCCATCAA", "9"},
            {"BDNF forward GGCTGACACTTTCGAACAC", "9"},
            {"Results", "b"},
            {"Ketamine raised BDNF expression in all animals.", "10"},
            {"References", "b"},
            {"Adams, J., 2001. Ketamine in depression. J. Affect. Disord. 12, 1–9.", "9"},
            {"Baker, L., 2005. Relapse after infusion. J. Affect. Disord. 20, 30–39.", "9"},
            {"Clark, S., 2009. Esketamine spray. Am. J. Psychiatry 166, 50–59.", "9"}
        };
        Zones z = styledZones(rows, 24, false);

        assertThat(z.zones())
                .filteredOn(Zone.ReferenceEntry.class::isInstance)
                .extracting(Zone::text)
                .hasSize(3)
                .allMatch(t -> t.contains("J. Affect. Disord.") || t.contains("Am. J. Psychiatry"));
        assertThat(z.zones())
                .filteredOn(Zone.Paragraph.class::isInstance)
                .extracting(Zone::text)
                .anyMatch(t -> t.contains("GAPDH forward"));
    }

    @Test
    void proseUnderATableColumnHeadedReferenceIsNoReferenceListThoughItCitesYears() {
        // the same column header over the table's rows, then body paragraphs citing "(Miller et al., 2009)"
        String prose = "Trees were inferred for each gene with one hundred replicates (Miller et al., 2009), "
                + "and the partitions were compared by their likelihood scores before the final analysis. ";
        String[][] rows = {
            {"Ketamine raises BDNF in the rat cortex", "18"},
            {"Jane Roe, John Doe", "10"},
            {"Methods", "b"},
            {"Table 1 Primers used for qPCR", "9"},
            {"Reference", "b"},
            {"3. Results " + prose.repeat(5), "10"},
            {
                "the partitions were then compared by likelihood and the best scheme was kept for all genes in "
                        + "the final analysis, whose trees were summarised by their consensus.",
                "10"
            },
            {"2009) and the second gene. " + prose.repeat(4), "10"},
            {"Results", "b"},
            {"Ketamine raised BDNF expression in all animals.", "10"},
            {"References", "b"},
            {"Adams, J., 2001. Ketamine in depression. J. Affect. Disord. 12, 1–9.", "9"},
            {"Miller, K., 2009. Infusion schedules. Biol. Psychiatry 54, 10–19.", "9"}
        };
        Zones z = styledZones(rows, 24, true); // each row a block of its own, as the PDF reader prints it

        assertThat(z.zones())
                .filteredOn(Zone.ReferenceEntry.class::isInstance)
                .extracting(Zone::text)
                .containsExactly(rows[11][0], rows[12][0]);
    }

    @Test
    void aLongBoldLineInsideAnEntryIsItsTitleNotAHeading() {
        // BMC's provisional PDFs print each reference's title in bold
        String[][] rows = {
            {"Inhaled prostaglandin E1 in neonates: a pilot trial", "18"},
            {"Jane Roe, John Doe", "10"},
            {"References", "b"},
            {"1. Meyer J, Theilmeier G, Van Aken H, Bone HG, Busse H, Waurick R, Hinder F, Booke", "10"},
            {"M: Inhaled prostaglandin E1 for treatment of acute lung injury in severe multiple organ", "b"},
            {"failure. Anesth Analg 1998, 86:753–758.", "10"},
            {"2. Ivy DD, Doran AK, Smith KJ: Short- and long-term effects of inhaled iloprost", "10"},
            {"therapy in children. J Am Coll Cardiol 2008, 51:161–169.", "10"}
        };
        Zones z = styledZones(rows, 14, false);

        assertThat(z.zones())
                .filteredOn(Zone.ReferenceEntry.class::isInstance)
                .extracting(Zone::text)
                .hasSize(2)
                .first()
                .asString()
                .contains("Booke", "multiple organ", "Anesth Analg 1998");
    }

    @Test
    void aNumberedListThatAColumnOfBodyTextInterruptsGoesOnAfterIt() {
        // pdftotext reads the page's columns in turn: the right column's last section falls inside the list
        String text = FRONT + """
                References

                [1] Adams J. Ketamine in depression. J Affect Disord. 2001;12:1-9.
                [2] Miller K, Stone P. Infusion schedules. Biol Psychiatry. 2003;54:10-19.
                [3] Baker L. Relapse after infusion. J Affect Disord. 2005;20:30-39.

                Limitations

                The cohort was small and the raters were not blinded to the dose.

                [4] Nolan R. Dissociation scales. Psychol Med. 2007;37:40-49.
                [5] Clark S. Esketamine spray. Am J Psychiatry. 2009;166:50-59.
                """;

        JournalArticle a = parse(text);

        assertThat(firstAuthors(a)).containsExactly("Adams", "Miller", "Baker", "Nolan", "Clark");
        assertThat(a.sections()).extracting(Section::heading).contains("Limitations");
    }

    @Test
    void aListWithInitialsFirstGoesOnAfterATablesColumnReadIntoIt() {
        // Hindawi -layout: the right half of a wide table at the page's top falls between entries 3 and 4
        String text = FRONT + """
                References

                [1] W. Song, S.-J. Wu, and Y.-L. He, “Clinicopathologic features of mucinous cancer,” Chinese
                Medical Journal, vol. 122, no. 13, pp. 1486–1491, 2009.
                [2] J. C. B. Dakubo and R. K. Gyasi, “Adenocarcinoma of the large bowel,” Journal of Surgical
                Oncology, vol. 109, no. 3, pp. 245–249, 2014.
                [3] U. Nitsche, A. Zimmermann, C. Späth, and T. Müller, “Mucinous and signet-ring cell colorectal
                cancers differ from classical adenocarcinomas in tumor biology and prognosis,” Annals of Surgery,
                vol. 258, no. 5, pp. 775–783, 2013.

                Multivariate regression analysis

                P value               RR                95% CI
                0.028              1.341            1.118–1.610
                0.407              1.560            1.283–1.896

                [4] M.-G. Choi, C. O. Sung, and J. H. Noh, “Mucinous gastric cancer,” Annals of Surgical
                Oncology, vol. 17, no. 11, pp. 3053–3058, 2010.
                [5] Y. Adachi and K. Yasuda, “Early-stage mucinous gastric carcinoma,” Cancer, vol. 91, no. 4,
                pp. 698–703, 2001.
                """;

        JournalArticle a = parse(text);

        assertThat(firstAuthors(a)).containsExactly("Song", "Dakubo", "Nitsche", "Choi", "Adachi");
    }

    @Test
    void aDoiSetApartFromItsEntryByABlankRowEndsThatEntry() {
        // pdftotext -layout prints a blank row where the column beside the list has a paragraph break
        String text = FRONT + """
                References

                1. Adams J. Ketamine in depression. J Affect Disord. 2001;12:1-9.
                2. Miller K, Stone P. Infusion schedules. Biol Psychiatry. 2003;54:10-19.

                doi:10.1016/j.biopsych.2003.01.002
                3. Baker L. Relapse after infusion. J Affect Disord. 2005;20:30-39.
                """;

        JournalArticle a = parse(text);

        assertThat(a.references()).hasSize(3);
        assertThat(a.references().get(1).doi()).isEqualTo("10.1016/j.biopsych.2003.01.002");
        assertThat(a.references().get(2).authors().get(0).family()).isEqualTo("Baker");
    }

    @Test
    void theArticlesOwnDoiAfterTheLastEntryIsNotThatEntrysDoi() {
        String text = FRONT.replace("Received:", "doi:10.5555/ccr.2021.0101\nReceived:") + """
                References

                1. Adams J. Ketamine in depression. J Affect Disord. 2001;12:1-9.
                2. Miller K, Stone P. Infusion schedules. Biol Psychiatry. 2003;54:10-19.

                doi:10.5555/ccr.2021.0101
                """;

        JournalArticle a = parse(text);

        assertThat(a.references()).hasSize(2);
        assertThat(a.references()).extracting(ParsedReference::doi).containsOnlyNulls();
    }

    /**
     * The zones of a one-page layout of {@code rows} ({text, size} or {text, "b"} for a bold heading at size 10),
     * {@code spacing} points apart, each row its own block when {@code blockEach}.
     */
    private static Zones styledZones(String[][] rows, int spacing, boolean blockEach) {
        List<LayoutLine> lines = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            boolean bold = rows[i][1].equals("b");
            float size = bold ? 10 : Float.parseFloat(rows[i][1]);
            if (blockEach) {
                lines.add(LayoutLine.plain(lines.size() + 1, ""));
            }
            lines.add(ZoneSegmenterTests.styled(lines.size() + 1, rows[i][0], size, bold, 40 + spacing * i));
        }
        return TextPipeline.zones(new Layout(lines, 1));
    }
}
