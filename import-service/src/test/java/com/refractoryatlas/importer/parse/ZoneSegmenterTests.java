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

    @Test
    void theTitleIsTheLargestTypeThatIsNoBannerAndItsLinesAreJoined() {
        List<LayoutLine> lines = new ArrayList<>();
        lines.add(styled(1, "TRIALS", 20, false, 40));
        lines.add(styled(2, "Open Access", 13, true, 70));
        lines.add(styled(3, "A pilot cluster-", 18, false, 100));
        lines.add(styled(4, "randomised trial of exercise for refractory", 18, false, 126));
        lines.add(LayoutLine.plain(5, ""));
        lines.add(styled(6, "angina", 18, false, 152));
        lines.add(styled(7, "Jane Roe, John Doe", 10, false, 180));
        for (int i = 0; i < 30; i++) {
            lines.add(styled(8 + i, "Body text of the article continues here for a while", 10, false, 220 + 12 * i));
        }
        lines.add(styled(38, "Figure 1 is printed in large type", 24, false, 600));
        Zones z = TextPipeline.zones(new Layout(lines, 1));
        assertThat(z.zones())
                .filteredOn(Zone.Title.class::isInstance)
                .singleElement()
                .satisfies(t -> assertThat(((Zone.Title) t).title())
                        .isEqualTo("A pilot cluster-randomised trial of exercise for refractory angina"));
    }

    @Test
    void aRunningTitleInLargeTypeOnEveryPageIsNotTheTitle() {
        List<LayoutLine> lines = new ArrayList<>();
        int n = 1;
        for (int page = 1; page <= 3; page++) {
            lines.add(onPage(page, n++, "Annals of Refractory Disease Research", 22, 40));
            if (page == 1) {
                lines.add(onPage(page, n++, "Ketamine for refractory status epilepticus", 16, 80));
                lines.add(onPage(page, n++, "Jane Roe, John Doe", 10, 110));
            }
            for (int i = 0; i < 20; i++) {
                lines.add(
                        onPage(page, n++, "Body text of page " + page + " goes on here for a while", 10, 140 + 12 * i));
            }
        }
        Zones z = TextPipeline.zones(new Layout(lines, 3));
        assertThat(z.zones())
                .filteredOn(Zone.Title.class::isInstance)
                .singleElement()
                .satisfies(t ->
                        assertThat(((Zone.Title) t).title()).isEqualTo("Ketamine for refractory status epilepticus"));
    }

    private static LayoutLine onPage(int page, int number, String text, float size, float y) {
        return new LayoutLine(number, text, new TextStyle(page, 50, y, 400, size, false, false, 0));
    }

    static LayoutLine styled(int number, String text, float size, boolean bold, float y) {
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

    @Test
    void aJournalsNameInTheLargestTypeIsNotTheTitle() {
        // BMC's provisional PDFs set "BMC Evolutionary Biology" larger than the title; Phytochemistry its byline
        List<LayoutLine> lines = new ArrayList<>();
        lines.add(styled(1, "BMC Evolutionary Biology", 24, false, 40));
        lines.add(styled(2, "Colony size is linked to paternity frequency in wasps", 16, true, 80));
        lines.add(styled(3, "Kevin J. Loope¹*, Chun Chien², Michael Juhl³", 17, false, 110));
        lines.add(styled(4, "Body text of the article that runs on for one line and more.", 10, false, 150));

        Zones z = TextPipeline.zones(new Layout(lines, 1));

        assertThat(titles(z)).containsExactly("Colony size is linked to paternity frequency in wasps");
    }

    @Test
    void theJournalNameTheCitationLinePrintsIsNotTheTitleWhereverItStands() {
        // an Elsevier PDF whose content order puts the journal box first and its name right above the title
        List<LayoutLine> lines = new ArrayList<>();
        lines.add(styled(1, "journal homepage: www.elsevier.com/locate/conclintrial", 7, false, 90));
        lines.add(styled(2, "Contemporary Clinical Trials 41 (2015) 69–74", 8, false, 20));
        lines.add(styled(3, "Contemporary Clinical Trials", 14, false, 120));
        lines.add(styled(4, "Effect of switching from one oral drug to another in a trial", 14, false, 140));
        lines.add(styled(5, "Xiangyi Meng a,1, Peter S. Chin a,1", 10, false, 170));
        lines.add(styled(6, "Body text of the article that runs on for one line and more.", 10, false, 400));
        lines.add(styled(7, "The body goes on down the page as the article's text does.", 10, false, 700));

        Zones z = TextPipeline.zones(new Layout(lines, 1));

        assertThat(titles(z)).containsExactly("Effect of switching from one oral drug to another in a trial");
    }

    @Test
    void boldAuthorsOpeningEachEntryAreNoHeadings() {
        // Ubiquity Press sets each entry's author list in bold
        List<LayoutLine> lines = new ArrayList<>();
        lines.add(styled(1, "Why Data Sharing Matters Now", 18, false, 40));
        lines.add(styled(2, "Jelte M. Wicherts, Marjan Bakker", 10, false, 70));
        lines.add(styled(3, "Body text of the article that runs on for one line and more.", 10, false, 100));
        lines.add(styled(4, "References", 10, true, 130));
        lines.add(styled(5, "Wicherts J M, Borsboom D, Kats K and", 10, true, 150));
        lines.add(styled(
                6,
                "Molenaar D 2006 The poor availability of data. American Psychologist, 61: 726–728.",
                10,
                false,
                162));
        lines.add(styled(7, "Crocker J and Cooper M L 2011 Address-", 10, true, 184));
        lines.add(styled(8, "ing scientific fraud. Science, 334(6060): 1182–1182.", 10, false, 196));
        lines.add(styled(9, "Acknowledgements", 10, true, 220));

        Zones z = TextPipeline.zones(new Layout(lines, 1));

        assertThat(z.zones())
                .filteredOn(Zone.ReferenceEntry.class::isInstance)
                .extracting(Zone::text)
                .hasSize(2)
                .allMatch(text -> text.contains(" 20"));
        assertThat(z.zones())
                .filteredOn(Zone.Heading.class::isInstance)
                .extracting(zone -> ((Zone.Heading) zone).heading())
                .containsExactly("References", "Acknowledgements");
    }

    @Test
    void aStrayGlyphBetweenTwoPagesOfTheListDoesNotEndIt() {
        // pdftotext prints the journal logo's glyph ("Ò") on a line of its own at the head of the next page
        String text = HEAD + """

                [1] Al-Khater KM, Todd AJ. Collateral projections of neurons. J Comp Neurol 2009;515:629–46.
                [2] Alvarez FJ, Villalba RM. Vesicular glutamate transporters. J Comp Neurol 2004;472:257–80.

                2300

                Ò

                [3] Landry M, Nagy F. Expression of vesicular glutamate transporters. J Comp Neurol 2004;468:380–94.
                [4] Lawson SN, Perl ER. Calcitonin gene-related peptide. J Physiol 2002;540:989–1002.
                """;

        Zones zones = zones(text);

        assertThat(entries(text)).extracting(Zone.ReferenceEntry::number).containsExactly(1, 2, 3, 4);
        assertThat(zones.zones())
                .noneMatch(z -> z instanceof Zone.Heading h && h.heading().equals("Ò"));
        assertThat(zones.zones())
                .anyMatch(z -> z instanceof Zone.PageFurniture && z.text().equals("Ò"));
    }

    private static List<Zone.ReferenceEntry> entries(String text) {
        return zones(text).zones().stream()
                .filter(Zone.ReferenceEntry.class::isInstance)
                .map(Zone.ReferenceEntry.class::cast)
                .toList();
    }

    private static final String HEAD = "Odorant receptors in mosquitoes\n\nJane Roe, John Doe\n\nReferences\n";

    @Test
    void keepsProseOfTheOtherColumnOutOfEntriesWhoseNumbersWereListedApart() {
        String text = HEAD + """
                1.
                2.
                3.

                Patient consent Obtained.
                Ethics approval Ethics approval was obtained from the Cambridge Psychology
                Research Ethics Committee (Pre.2013.40).

                bias under the recessive genetic model

                Corder K, Atkin AJ, Ekelund U, et al. What do adolescents want in
                order to become more active? BMC Public Health 2013;13:718.
                Raustorp A, Ekroth Y. Tracking of pedometer determined physical
                activity. J Phys Act Health 2013;10:1186-92.
                Gill JM, Cooper AR. Physical activity and prevention of type 2
                diabetes mellitus. Sports Med 2008;38:807-24.
                """;
        List<Zone.ReferenceEntry> entries = entries(text);
        assertThat(entries).extracting(Zone.ReferenceEntry::number).containsExactly(1, 2, 3);
        assertThat(entries.get(0).text()).startsWith("Corder K");
        assertThat(entries)
                .noneMatch(e -> e.text().contains("Ethics") || e.text().contains("recessive"));
        assertThat(zones(text).zones())
                .filteredOn(Zone.Paragraph.class::isInstance)
                .anyMatch(z -> z.text().startsWith("Patient consent"));
    }

    @Test
    void givesNumbersPrintedAfterTheirEntriesToThoseEntries() {
        String text = HEAD + """
                1.

                Clyne PJ, Warr CG: A novel family of proteins. Neuron. 1999; 22(2): 327-38.
                Murphy EJ, Booth JC: Interactions of binding proteins. J Biol Chem. 2013; 288(6): 4475-85.
                Tsitsanou KE, Thireou T: Crystal complex with DEET. Cell Mol Life Sci. 2012; 69(2): 283-97.

                2.

                3.

                4.

                Iovinella I, Bozza F: Ligand-binding study of proteins. Chem Senses. 2013; 38(5): 409-19.
                """;
        List<Zone.ReferenceEntry> entries = entries(text);
        assertThat(entries)
                .extracting(Zone.ReferenceEntry::number, e -> e.text()
                        .substring(0, e.text().indexOf(' ')))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "Clyne"),
                        org.assertj.core.groups.Tuple.tuple(2, "Murphy"),
                        org.assertj.core.groups.Tuple.tuple(3, "Tsitsanou"),
                        org.assertj.core.groups.Tuple.tuple(4, "Iovinella"));
    }

    @Test
    void joinsAnEntryCutByTheNextColumnsNumbersAndSplitsEntriesWithoutAuthors() {
        String text = HEAD + """
                1.
                2.
                3.

                Cieza A, Stucki G, Weigl M: ICF core sets for low back pain. J Rehabil Med 2004,
                Suppl 44:69-74.
                The ICHOM Standard Set for Low Back Pain. [http://www.ichom.org/
                project/low-back-pain]
                Idzerda L, Rader T, Tugwell P: Can we decide which outcomes should be
                measured in every clinical trial? A scoping review of the

                4.
                5.

                existing conceptual frameworks and processes. J Rheumatol 2014, 41:986-993.
                Wilson IB, Cleary PD: Linking clinical variables with quality
                of life. JAMA 1995, 273:59-65.
                Binkley J, Finch E: Diagnostic classification of low back pain. Phys Ther 1993, 73:138-150.
                """;
        List<Zone.ReferenceEntry> entries = entries(text);
        assertThat(entries).extracting(Zone.ReferenceEntry::number).containsExactly(1, 2, 3, 4, 5);
        assertThat(entries.get(1).text()).startsWith("The ICHOM Standard Set");
        assertThat(entries.get(2).text()).startsWith("Idzerda L").endsWith("J Rheumatol 2014, 41:986-993.");
        assertThat(entries.get(3).text()).startsWith("Wilson IB").endsWith("JAMA 1995, 273:59-65.");
        assertThat(entries.get(4).text()).startsWith("Binkley J");
    }

    @Test
    void entriesAfterANumberBlockHoldingAnotherColumnsNumberTakeTheRunBeforeTheNextPrintedNumber() {
        // pdftotext of a Royal Society page: "1." (whose entry is printed later) above "4." to "6."; the block of
        // entries opens with the tail of an entry of the previous column; printed numbers resume at 7.
        String text = HEAD + """
                1.

                4.

                5.

                6.

                of phage tails. Mol. Microbiol. 70, 557–569. (doi:10.1111/j.1365-2958.2008.06435.x)
                Liao PY, Choi YS, Lee KH. 2009 FSscan: a program to identify hotspots. Nucleic Acids Res. 37,
                7302–7311. (doi:10.1093/nar/gkp796)
                Belcourt MF, Farabaugh PJ. 1990 Ribosomal frameshifting in the yeast retrotransposon Ty. Cell
                62, 339–352. (doi:10.1016/0092-8674(90)90371-K)
                Morris DK, Lundblad V. 1997 Programmed translational frameshifting. Curr. Biol. 7, 969–976.

                7. Aigner S, Cech TR. 2000 Euplotes telomerase contains an La motif protein.
                EMBO J. 19, 6230–6239. (doi:10.1093/emboj/19.22.6230)
                8. Atkins JF, Reid BR. 1979 Normal tRNAs promote frameshifting.
                Cell 18, 1119–1131.

                Craigen WJ, Caskey CT. 1986 Expression of release factor 2. Nature 322, 273–275.
                2. Bekaert M, Baranov PV. 2006 ARFA: a program. Bioinformatics 22, 2463–2465.
                3. Ivanov IP, Atkins JF. 2007 Ribosomal frameshifting in antizyme. Nucleic Acids Res. 35, 1842–1858.
                """;
        List<Zone.ReferenceEntry> entries = entries(text);
        assertThat(entries)
                .extracting(
                        Zone.ReferenceEntry::number,
                        e -> e.text().replaceFirst("^\\d+\\. ", "").split(" ")[0])
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(4, "Liao"),
                        org.assertj.core.groups.Tuple.tuple(5, "Belcourt"),
                        org.assertj.core.groups.Tuple.tuple(6, "Morris"),
                        org.assertj.core.groups.Tuple.tuple(7, "Aigner"),
                        org.assertj.core.groups.Tuple.tuple(8, "Atkins"),
                        org.assertj.core.groups.Tuple.tuple(1, "Craigen"),
                        org.assertj.core.groups.Tuple.tuple(2, "Bekaert"),
                        org.assertj.core.groups.Tuple.tuple(3, "Ivanov"));
        assertThat(entries.get(3).text()).endsWith("(doi:10.1093/emboj/19.22.6230)");
        assertThat(entries.get(4).text()).endsWith("Cell 18, 1119–1131.");
    }

    @Test
    void readsAYearOpeningALineAsTheTailOfItsEntry() {
        String text = HEAD + """
                [13] Bilinska M. Progression of multiple sclerosis. Acta Neurol Scand. 2004. 110(1): 67-71
                [14] Teutsch SM, Booth DR. Association of common gene polymorphisms with sclerosis. J Neuroimmunol.
                2004. 148(1-2): 218-230
                [15] Fukazawa T. CTLA-4 gene polymorphism in Japanese. J Neuroimmunol. 2005. 159(1-2): 225-229
                """;
        List<Zone.ReferenceEntry> entries = entries(text);
        assertThat(entries).extracting(Zone.ReferenceEntry::number).containsExactly(13, 14, 15);
        assertThat(entries.get(1).text()).endsWith("J Neuroimmunol. 2004. 148(1-2): 218-230");
    }

    /** A distinct word for each number (repeated lines would be running headers). */
    private static String word(int n) {
        StringBuilder w = new StringBuilder("Q");
        for (int k = n; k > 0; k /= 26) {
            w.append((char) ('a' + k % 26));
        }
        return w.toString();
    }

    private static String title(String text) {
        return zones(text).zones().stream()
                .filter(Zone.Title.class::isInstance)
                .map(t -> ((Zone.Title) t).title())
                .findFirst()
                .orElse("");
    }

    @Test
    void aPublishersBannerBlockWithItsVolumeAndDoiLinesIsNotTheTitle() {
        String text = """
                Acme Publishing House
                Journal of Field Studies
                Volume 2015, Article ID 123456, 9 pages
                http://dx.doi.org/10.5555/2015/123456

                Research Article
                Nitrogen Uptake of Spring Barley under
                Reduced Tillage
                Ana Costa,1 Peter J. Lindqvist,2 and Mei Chen1

                1 Department of Agronomy, University of Porto, Porto, Portugal
                """;
        assertThat(title(text)).isEqualTo("Nitrogen Uptake of Spring Barley under Reduced Tillage");
    }

    @Test
    void labelLinesGluedAboveTheTitleInRawTextAreNotTitle() {
        String text = """
                Costa et al. Field Trials 2015, 16:2
                STUDY PROTOCOL Open Access
                Nitrogen uptake of spring barley under reduced tillage: a protocol
                Ana Costa1, Peter J Lindqvist2 and Mei Chen1
                Abstract
                Background: Tillage changes how barley takes up nitrogen, and we test it here at length.
                """;
        assertThat(title(text)).isEqualTo("Nitrogen uptake of spring barley under reduced tillage: a protocol");
        String plos = """
                FIELD STUDIES OPEN ACCESS | RESEARCH ARTICLE
                Nitrogen Uptake of Spring Barley under Reduced Tillage
                Ana Costa, Peter J. Lindqvist, Mei Chen
                Tillage changes how barley takes up nitrogen, and we test it here at length in four trials.
                """;
        assertThat(title(plos)).isEqualTo("Nitrogen Uptake of Spring Barley under Reduced Tillage");
    }

    @Test
    void aRunningHeaderWithEtAlOnTheFirstLineIsFurnitureNotTheTitle() {
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= 4; page++) {
            text.append("Field Studies | 2015 | Volume 4 | Costa et al. Page ")
                    .append(page)
                    .append('\n');
            if (page == 1) {
                text.append("Nitrogen Uptake of Spring Barley under Reduced Tillage\n")
                        .append("Ana Costa, Peter J. Lindqvist, Mei Chen\n\n");
            }
            text.append("Tillage changes how barley takes up nitrogen, and we test it on page ")
                    .append(page)
                    .append(" at length.\n\f");
        }
        assertThat(title(text.toString())).isEqualTo("Nitrogen Uptake of Spring Barley under Reduced Tillage");
    }

    @Test
    void aTitlesLastWordWrappedAloneOnItsLineStaysInTheTitle() {
        String text = """
                A Gene Expression Signature of Environmental Geography in Leukocytes of Moroccan
                Amazighs
                Youssef Idrissi, John D. Storey, Sami J. Jadallah

                Tillage changes how barley takes up nitrogen, and we test it here at length in four trials.
                """;
        assertThat(title(text))
                .isEqualTo("A Gene Expression Signature of Environmental Geography in Leukocytes of Moroccan Amazighs");
    }

    /** De Gruyter's front page: the byline above the title. */
    private static final String OPEN_MED_FRONT = """
            Open Med. 2016; 11: 264-269

            Research Article

            Ana Costa*, Peter Lindqvist, Mei Chen

            Correlation between a gene polymorphism
            and multiple sclerosis. A meta-analysis
            DOI 10.5555/med-2016-0052
            received March 29, 2016; accepted June 13, 2016

            Abstract: Objective. The aim of this meta-analysis was to pool the evidence, at length.
            """;

    @Test
    void aBylinePrintedAboveTheTitleIsTheBylineAndTheNextBlockTheTitle() {
        String text = OPEN_MED_FRONT;
        Zones z = zones(text);
        assertThat(title(text))
                .isEqualTo("Correlation between a gene polymorphism and multiple sclerosis. A meta-analysis");
        assertThat(z.zones()).filteredOn(Zone.Byline.class::isInstance).hasSize(1);
    }

    @Test
    void aBylineGluedAboveTheTitleInTextWithoutBlankLinesIsTheByline() {
        // pdf.js and pdftotext -raw print De Gruyter's front page without blank lines
        String text = OPEN_MED_FRONT.replace("\n\n", "\n");
        Zones z = zones(text);
        assertThat(title(text))
                .isEqualTo("Correlation between a gene polymorphism and multiple sclerosis. A meta-analysis");
        assertThat(z.zones())
                .filteredOn(Zone.Byline.class::isInstance)
                .singleElement()
                .satisfies(b -> assertThat(((Zone.Byline) b).lines()).hasSize(1));
        // names over body text are no byline over a title: nothing ends a title there
        String prose = """
                Ana Costa*, Peter Lindqvist, Mei Chen
                Tillage changes how barley takes up nitrogen
                and we test it here at length in four trials over
                several seasons, with the results given below in turn
                for each of the four sites and each season, one by one,
                as the tables show for each of the trials in the study,
                which ran from the spring of one year to the next.
                """;
        assertThat(zones(prose).zones()).noneMatch(Zone.Byline.class::isInstance);
    }

    @Test
    void authorsPrintedOneALineWithTheirAddressesUnderACitationLineAreTheByline() {
        // BMC's provisional PDFs, as pdftotext prints them
        String text = """
                BMC Evolutionary Biology
                This Provisional PDF corresponds to the article as it appeared upon acceptance. Fully formatted
                PDF and full text (HTML) versions will be made available soon.

                Colony size is linked to paternity frequency and paternity skew in yellowjacket
                wasps and hornets
                BMC Evolutionary Biology 2014, 14:277 doi:10.1186/s12862-014-0277-x
                Kevin J Loope (kjl75@cornell.edu)
                Chun Chien (cc747@cornell.edu)
                Michael Juhl (mikejuhl@comcast.net)

                Tillage changes how barley takes up nitrogen, and we test it here at length in four trials.
                """;
        assertThat(title(text))
                .isEqualTo("Colony size is linked to paternity frequency and paternity skew in yellowjacket wasps and"
                        + " hornets");
        assertThat(LineCues.bylineNames("Kevin J Loope (kjl75@cornell.edu) Chun Chien (cc747@cornell.edu)"))
                .isEqualTo("Kevin J Loope, Chun Chien");
        assertThat(zones(text).zones())
                .filteredOn(Zone.Byline.class::isInstance)
                .hasSize(1);
    }

    @Test
    void aShortTitleInTheLargestTypeOverItsBylineIsTheTitleWhereverTheJournalBoxStands() {
        // Phytochemistry: "Carnosic acid" comes before the journal box in content order, the byline after it
        List<LayoutLine> lines = new ArrayList<>();
        lines.add(styled(1, "A series on plant compounds", 9.6f, false, 167)); // title-shaped, set small
        lines.add(LayoutLine.plain(2, ""));
        lines.add(styled(3, "Carnosic acid", 13.4f, false, 189));
        lines.add(LayoutLine.plain(4, ""));
        lines.add(styled(5, "Phytochemistry 115 (2015) 9–19", 6.4f, false, 53));
        lines.add(LayoutLine.plain(6, ""));
        lines.add(styled(7, "Contents lists available at ScienceDirect", 8, false, 80));
        lines.add(LayoutLine.plain(8, ""));
        lines.add(styled(9, "Phytochemistry", 13.9f, false, 108));
        lines.add(LayoutLine.plain(10, ""));
        lines.add(styled(11, "journal homepage: www.elsevier.com/locate/phytochem", 8, false, 136));
        lines.add(LayoutLine.plain(12, ""));
        lines.add(styled(13, "Simona Birtić ⇑, Pierre Dussort, François-Xavier Pierre", 10.6f, false, 212));
        lines.add(LayoutLine.plain(14, ""));
        Zones z = withBody(lines, 9f, 300, 12);
        assertThat(titles(z)).containsExactly("Carnosic acid");
        assertThat(z.zones()).filteredOn(Zone.Byline.class::isInstance).hasSize(1);
    }

    @Test
    void aTwoWordJournalNameInTheLargestTypeIsNotTheTitle() {
        List<LayoutLine> lines = new ArrayList<>();
        lines.add(styled(1, "Molecular Cell", 24, true, 40));
        lines.add(styled(2, "Article", 11, false, 70));
        lines.add(styled(3, "Proteasome-Mediated Processing", 18, false, 100));
        lines.add(styled(4, "of Def1 in the Response to Transcription Stress", 18, false, 124));
        lines.add(styled(5, "Marcus D. Wilson,1,3 Michelle Harreman,1,3 and Jesper Q. Svejstrup1,*", 9, false, 150));
        Zones z = withBody(lines, 10, 200, 12);
        // the title's first line has two words: it is the title's, not the journal's
        assertThat(titles(z))
                .containsExactly("Proteasome-Mediated Processing of Def1 in the Response to Transcription Stress");
    }

    @Test
    void aBylineRightAboveAStyledTitleIsTheByline() {
        List<LayoutLine> lines = new ArrayList<>();
        lines.add(styled(1, "Open Med. 2016; 11: 264-269", 8, false, 40));
        lines.add(styled(2, "Research Article", 12, true, 77));
        lines.add(styled(3, "Ana Costa*, Peter Lindqvist, Mei Chen", 12, false, 110));
        lines.add(styled(4, "Correlation between a gene polymorphism", 22, true, 136));
        lines.add(styled(5, "and multiple sclerosis. A meta-analysis", 22, true, 162));
        lines.add(styled(6, "DOI 10.5555/med-2016-0052", 8, false, 214));
        Zones z = withBody(lines, 9.5f, 246, 13);
        assertThat(z.zones())
                .filteredOn(Zone.Byline.class::isInstance)
                .singleElement()
                .satisfies(b -> assertThat(((Zone.Byline) b).lines())
                        .extracting(LayoutLine::number)
                        .containsExactly(3));
    }

    @Test
    void aBylineWithItsAffiliationsUnderItInOneBlockIsTheByline() {
        // Hindawi's front page as pdftotext -layout prints it: names and affiliations indented alike, no blank line
        String text = """
                Research Article
                Effect of Seed Distribution and Population on
                Maize (Zea mays L.) Grain Yield

                          Bee Khim Chim, Peter Omara, Natasha Macnack, Jeremiah Mullock,
                          Sulochana Dhital, and William Raun
                          Department of Plant and Soil Science, Oklahoma State University, Stillwater, OK 74075, USA

                          Correspondence should be addressed to William Raun; bill.raun@okstate.edu

                Tillage changes how barley takes up nitrogen, and we test it here at length in four trials.
                """;
        assertThat(zones(text).zones())
                .filteredOn(Zone.Byline.class::isInstance)
                .singleElement()
                .satisfies(b -> assertThat(((Zone.Byline) b).lines()).hasSize(2));
    }

    @Test
    void aPageRangeCutAfterItsDashIsNoNumberedEntryOfAnAuthorYearList() {
        String text = """
                Body text that cites its sources (Aqeilan & Croce, 2007; Jiang & Hui, 2008) at some length here.

                References
                Amatruda, J. F., & Zon, L. I. (2002). Zebrafish as a cancer model system. Cancer Cell, 1, 229–231.
                Gardenswartz, A., & Aqeilan, R. I. (2014). A role in myriad cancers. Experimental Biology, 239, 253–
                263. https://doi.org/10.1177/1535370213519213
                Jiang, J., & Hui, C. C. (2008). Hedgehog signaling in development. Developmental Cell, 5, 801–812.
                Lewandowska, U., & Bednarek, A. K. (2009). WWOX, the tumour suppressor gene. Journal of Physiology,
                60, 47–56.
                """;
        assertThat(entries(text))
                .extracting(Zone::text)
                .hasSize(4)
                .anySatisfy(e -> assertThat(e).startsWith("Gardenswartz").contains("253– 263.", "10.1177/"))
                .anySatisfy(e -> assertThat(e).startsWith("Jiang"));
    }

    @Test
    void aJournalsNameReadingLikeANameOnAnApaSourceLineContinuesItsEntry() {
        // "Genes, Brain, and Behavior", "Brain, Behavior, and Immunity": journals printed like "Family, Given"
        String text = """
                Body text that cites its sources (Suzuki et al., 2009; Webb & Miller, 2007) at some length here.

                References
                Suzuki, H., Katayama, K., & Saito, K. (2009). A spontaneous mutation of the Wwox gene and
                audiogenic seizures in rats.
                Genes, Brain, and Behavior, 8, 650–660.
                https://doi.org/10.1111/j.1601-183X.2009.00502.x
                Tsuruwaka, Y., & Takagi, M. (2007). Real-time monitoring of calcium during early embryogenesis.
                Brain, Behavior, and Immunity, 4(2), 253–260. https://doi.org/10.1089/zeb.2007.0519
                Webb, S. E., & Miller, A. L. (2007). Ca2+ signalling and early embryonic patterning. Clinical and
                Experimental Pharmacology & Physiology, 34, 897–904.
                """;
        assertThat(entries(text))
                .extracting(Zone::text)
                .hasSize(3)
                .anySatisfy(e -> assertThat(e).startsWith("Suzuki").contains("Genes, Brain, and Behavior, 8"))
                .anySatisfy(e -> assertThat(e).startsWith("Tsuruwaka").contains("Brain, Behavior, and Immunity"))
                .anySatisfy(e -> assertThat(e).startsWith("Webb"));
    }

    @Test
    void anEntryDatedNoDateOrInPressEndsBeforeTheNextAuthors() {
        String text = """
                Body text that cites its sources (ten Brinke & Porter, n.d.; Chapman & Chapman, 1967) at length here.

                References
                Brinke, L., & Porter, S. (n.d.). Cry me a river: Identifying the behavioral consequences of
                deception. Law Hum Behav.
                Chapman, L. J., & Chapman, J. P. (1967). Genesis of popular but erroneous psychodiagnostic
                observations. J Abnorm Psychol, 72, 193–204.
                Ekman, P. (in press). Lie catching and microexpressions. Oxford University Press.
                Frank, M. G., & Ekman, P. (1997). The ability to detect deceit. J Pers Soc Psychol, 72, 1429–1439.
                """;
        assertThat(entries(text))
                .extracting(Zone::text)
                .hasSize(4)
                .anySatisfy(e -> assertThat(e).startsWith("Chapman"))
                .anySatisfy(e -> assertThat(e).startsWith("Frank"));
    }

    /** The front lines, then 20 lines of body text in one type from {@code y} down: one styled page. */
    private static Zones withBody(List<LayoutLine> lines, float size, float y, float step) {
        List<LayoutLine> all = new ArrayList<>(lines);
        for (int i = 0; i < 20; i++) {
            all.add(styled(
                    lines.size() + 1 + i,
                    "Body text of the article continues here for a while",
                    size,
                    false,
                    y + step * i));
        }
        return TextPipeline.zones(new Layout(all, 1));
    }

    private static List<String> titles(Zones z) {
        return z.zones().stream()
                .filter(Zone.Title.class::isInstance)
                .map(zone -> ((Zone.Title) zone).title())
                .toList();
    }

    @Test
    void aBodyWithItsYearInBracketsOpensAnEntryOfAnAuthorYearList() {
        // Springer's author-year lists cite R as "R Development Core Team (2008) R: a language…"
        String text = """
                Body text that cites its sources (Pomeroy et al. 2005; R Core Team 2008) at some length here.

                References
                Pomeroy PP, Redman PR, Ruddell SJS (2005) Breeding site choice fails to explain associations of
                female grey seals. Behav Ecol Sociobiol 57:546–556
                R Development Core Team (2008) R: a language and environment for statistical computing. R
                Foundation for Statistical Computing, Vienna
                Wood SN (2006) Generalized additive models: an introduction with R. Chapman and Hall, London
                """;
        assertThat(entries(text)).extracting(Zone::text).hasSize(3).anySatisfy(e -> assertThat(e)
                .startsWith("R Development Core Team (2008)"));
        assertThat(AuthorNames.corporate("R Development Core Team"))
                .isEqualTo(new ParsedAuthor("R Development Core Team", null, null));
        assertThat(AuthorNames.corporate("R Smith")).isNull();
    }
}
