package com.refractoryatlas.importer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.importer.parse.layout.Layout;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FurnitureTests {

    private static List<String> flagged(String text) {
        Layout layout = TextReader.read(text);
        boolean[] furniture = Furniture.find(layout);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < furniture.length; i++) {
            if (furniture[i]) {
                out.add(layout.lines().get(i).text().strip());
            }
        }
        return out;
    }

    @Test
    void theReferenceHeadingRepeatedAsATableColumnHeaderStaysTheListsHeading() {
        String table = "Species\n\nReferences\n\nRosmarinus officinalis\nSalvia officinalis\n\f";
        String body = "Body text of the first page, line %d.\n".repeat(30);
        String text = body.formatted((Object[])
                        java.util.stream.IntStream.range(0, 30).boxed().toArray(Integer[]::new))
                + table + table.replace("Species", "Genus") + table.replace("Species", "Tribe")
                + "Conclusions come here.\n\nReferences\n\nAbreu, M.E., Muller, M., Alegre, L., 2008. Phenolic"
                + " diterpenes in\nSalvia species. J. Sci. Food Agric. 88, 2648–2653.\n";
        Layout layout = TextReader.read(text);
        boolean[] furniture = Furniture.find(layout);
        List<Integer> headings = new ArrayList<>();
        for (int i = 0; i < furniture.length; i++) {
            if (layout.lines().get(i).text().equals("References") && !furniture[i]) {
                headings.add(i);
            }
        }
        assertThat(headings).hasSize(1);
        assertThat(layout.lines().get(headings.getFirst() + 2).text()).startsWith("Abreu, M.E.");
    }

    @Test
    void keepsTheWrappedNumbersOfIeeeEntriesThatRecurOnEveryEntry() {
        StringBuilder text = new StringBuilder("References\n");
        for (int i = 1; i <= 6; i++) {
            text.append("[")
                    .append(i)
                    .append("] A. Author and B. Writer, “A study of topic ")
                    .append(i)
                    .append(" in plants,” Journal of Plant Studies, vol.\n")
                    .append(10 + i)
                    .append(", no. ")
                    .append(i)
                    .append(", pp. ")
                    .append(100 * i)
                    .append("–")
                    .append(100 * i + 9)
                    .append(", 199")
                    .append(i)
                    .append(".\n");
        }
        assertThat(flagged(text.toString())).isEmpty();
    }

    @Test
    void stillFlagsARunningHeaderThatRecursWithItsPageNumber() {
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= 5; page++) {
            text.append("Journal of Plant Studies ")
                    .append(page)
                    .append("\nSome body text of the page that goes on for a while.\n\f");
        }
        assertThat(flagged(text.toString())).contains("Journal of Plant Studies 2", "Journal of Plant Studies 5");
    }

    @Test
    void keepsWrappedJournalTailsThatRecurWithDifferentYears() {
        // Elsevier's PAIN list as pdftotext wraps it: "J" ends one line, "Neurosci 1984;4:3101–11." opens the next
        String[] years = {"1984;4:3101–11", "2006;26:2991–3001", "2010;11:823–36", "2003;23:9491–9"};
        StringBuilder text = new StringBuilder("References\n");
        for (int i = 0; i < years.length; i++) {
            text.append("[")
                    .append(i + 1)
                    .append("] Author A, Writer B. Lamina ")
                    .append(i + 1)
                    .append(" neurons of the rat spinal cord. J\nNeurosci ")
                    .append(years[i])
                    .append(".\n");
        }
        assertThat(flagged(text.toString())).isEmpty();
    }

    @Test
    void keepsWrappedJournalTailsThatRecurWithDifferentVolumesAndPages() {
        // PLOS prints no year in the tail: "… Proc Natl Acad" ends one line, "Sci U S A 91: 12501–12504." the next
        String[] tails = {"91: 12501–12504", "104: 13005–13009", "102: 12712–12717", "94: 2306–2311"};
        StringBuilder text = new StringBuilder("References\n");
        for (int i = 0; i < tails.length; i++) {
            text.append(i + 1)
                    .append(". Heim R, Tsien RY (199")
                    .append(i)
                    .append(") Wavelength mutations of green fluorescent protein ")
                    .append(i + 1)
                    .append(". Proc Natl Acad\nSci U S A ")
                    .append(tails[i])
                    .append(".\n\f");
        }
        assertThat(flagged(text.toString())).isEmpty();
        // a running footer printing its one volume and page range on every page is still furniture
        String footer = text.toString().replaceAll("Sci U S A \\d+: \\d+–\\d+", "Sci U S A 91: 12501–12504");
        assertThat(flagged(footer)).isNotEmpty().allMatch(line -> line.startsWith("Sci U S A 91"));
    }

    @Test
    void flagsALongRunningTitleCutWithAnEllipsis() {
        // De Gruyter prints the article's title as its running header, cut after a hundred characters
        String header = "\b Correlation between CTLA-4 gene rs221775A>G single nucleotide polymorphism and multiple"
                + " sclerosis...";
        StringBuilder text = new StringBuilder();
        String[] bodies = {"Methods were", "Results show", "Discussion of", "Limitations are"};
        for (String body : bodies) {
            text.append(header).append('\n').append(body).append(" what the page says, and it goes on.\n\f");
        }
        // the first may be the title itself (a heading-like line near the top): the later pages' are the header
        assertThat(flagged(text.toString())).hasSize(3).allMatch(line -> line.startsWith("Correlation between"));
    }

    @Test
    void stillFlagsARunningHeaderPrintingItsIssuesYearOnEveryPage() {
        String[] bodies = {"Methods were", "Results show", "Discussion of", "Limitations are"};
        StringBuilder text = new StringBuilder();
        for (String body : bodies) {
            text.append("N. Author et al. / PAIN 155 (2014) 2291–2300\n")
                    .append(body)
                    .append(" what the page says, and it goes on for a while.\n\f");
        }
        assertThat(flagged(text.toString())).hasSize(4).allMatch(line -> line.contains("PAIN 155 (2014)"));
    }

    @Test
    void readsTheYearARunningHeaderOrAReferencePrintsButNotAPageRange() {
        assertThat(Furniture.year("N. Baseer et al. / PAIN 155 (2014) 2291–2300"))
                .isEqualTo(2014);
        assertThat(Furniture.year("Neurosci 1984;4:3101–11.")).isEqualTo(1984);
        assertThat(Furniture.year("Pages 1998–2005 of volume 12")).isZero();
        assertThat(Furniture.year("page 12345 and 2101")).isZero();
    }

    @Test
    void keepsReferenceDoisOfOnePublisherWrappedOntoTheirOwnLines() {
        String[] topics = {"barley roots", "wheat leaves", "maize yield", "rice tillers", "oat grain"};
        StringBuilder text = new StringBuilder("References\n");
        for (int i = 0; i < topics.length; i++) {
            text.append("Author, A. (200")
                    .append(i)
                    .append("). A study of ")
                    .append(topics[i])
                    .append(". Proceedings of the Academy, ")
                    .append(90 + i)
                    .append(", 10–19.\nhttps://doi.org/10.1073/pnas.06097831")
                    .append(i)
                    .append("\n");
        }
        assertThat(flagged(text.toString())).isEmpty();
    }

    @Test
    void stillFlagsTheSameDoiPrintedAtTheFootOfEveryPage() {
        String[] topics = {"barley roots", "wheat leaves", "maize yield", "rice tillers"};
        StringBuilder text = new StringBuilder();
        for (String topic : topics) {
            text.append("The body of the page is about ")
                    .append(topic)
                    .append(" and goes on for a while.\ndoi:10.5555/jfs.2015.0042\n\f");
        }
        assertThat(flagged(text.toString()))
                .containsExactly(
                        "doi:10.5555/jfs.2015.0042",
                        "doi:10.5555/jfs.2015.0042",
                        "doi:10.5555/jfs.2015.0042",
                        "doi:10.5555/jfs.2015.0042");
    }

    @Test
    void keepsNumberedReferencesOfOneCorporateAuthor() {
        String text = """
                References
                4. World Health Organization. 2011.
                5. Ministry of Public Health. Annual report. 2010.
                6. World Health Organization. 2010.
                7. World Health Organization. 2010.
                """;
        assertThat(flagged(text)).isEmpty();
    }

    @Test
    void theArticlesDoiPrintedWithEachPagesNumberIsARunningFooter() {
        // SciELO as pdftotext -layout prints it: the article's DOI and the page number on one line of every page
        StringBuilder text = new StringBuilder();
        for (int page = 7; page <= 10; page++) {
            text.append("Page text ")
                    .append("about blood pressure in adolescents, ".repeat(page - 6))
                    .append("\n\n")
                    .append("            DOI:10.1590/S1518-8787.2016050006236         ")
                    .append(page)
                    .append("\f");
        }
        text.append("1. Abolfotouh MA. Prevalence of elevated blood pressure. Int J Hypertens. 2011;2011:952537.\n")
                .append("   DOI:10.4061/2011/952537\n");

        List<String> furniture = flagged(text.toString());

        assertThat(furniture).hasSize(4).allMatch(l -> l.startsWith("DOI:10.1590/S1518-8787.2016050006236"));
    }

    @Test
    void wrappedTailsEndingInLinkLabelsAreNoRunningHeader() {
        // MDPI ends every entry with "[CrossRef] [PubMed]": the wrapped tails share the key "crossref pubmed"
        StringBuilder text = new StringBuilder("References\n");
        for (int i = 1; i <= 6; i++) {
            text.append(i)
                    .append(". Author")
                    .append((char) ('A' + i))
                    .append(", N. A title of the study. Arch. Med. Res. 2008,\n")
                    .append(30 + i)
                    .append(", 125–1")
                    .append(i)
                    .append("0. [CrossRef] [PubMed]\n\f");
        }

        assertThat(flagged(text.toString())).noneMatch(l -> l.contains("[CrossRef]"));
    }

    @Test
    void aFooterWhoseHalvesLayoutSetsAPageWidthApartIsARunningFooter() {
        // Wiley as pdftotext -layout prints it: the copyright at the left margin, the citation at the right
        String footer =
                "Copyright © 2004 John Wiley & Sons, Ltd." + " ".repeat(70) + "Statist. Med. 2005; 24:1185–1202";
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= 4; page++) {
            text.append(bodyLines(page, 10)).append("\n").append(footer).append("\f");
        }

        // the first page's copyright line is front matter; every later page's is furniture
        assertThat(flagged(text.toString())).hasSize(3).allMatch(l -> l.startsWith("Copyright © 2004"));
    }

    @Test
    void keepsOneJournalsTailsInConsecutiveEntries() {
        // BMC Trials: three entries in a row cite Trials 2007, each tail wrapped onto its own line; with the journal's
        // banner ("TRIALS") and a sentence ending "trials [15]." the key "trials" recurs five times
        String text = """
                TRIALS

                Outcome reporting in trials: a study
                Body text about outcome reporting in randomised trials [15].
                \f
                Body text of the second page about outcome reporting and its bias.
                \f
                References
                Clark M. Standardising outcomes for clinical trials and systematic reviews.
                Trials. 2007;8:39.
                Cooney RM, Warren BF, Altman DG. Outcome measurement in clinical trials.
                Trials. 2007;8:17.
                Tugwell P, Boers M, Brooks P. OMERACT: an international initiative.
                Trials. 2007;8:38.
                """;

        assertThat(flagged(text)).noneMatch(l -> l.startsWith("Trials. 2007"));
    }

    @Test
    void aBannerInCapitalsIsNotTheJournalNameOfAnEntrysWrappedTail() {
        // BMC Trials as pdftotext prints it: the banner "TRIALS" heads every page, the body speaks of "trials [12].",
        // and entries far apart wrap their tails "Trials. 2011;12:220." onto lines of their own; one key in lower
        // case, they made every such tail a running header
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= 4; page++) {
            text.append("TRIALS\n")
                    .append(bodyLines(page, 6))
                    .append("as reported in earlier trials [1")
                    .append(page)
                    .append("].\n")
                    .append(bodyLines(page + 4, 2))
                    .append("\f");
        }
        text.append("References\n");
        for (int entry = 1; entry <= 4; entry++) {
            text.append(entry)
                    .append(". Author")
                    .append((char) ('A' + entry))
                    .append(" B, Writer C. Outcome measures in study number ")
                    .append(entry)
                    .append(" of pain.\nTrials. 201")
                    .append(entry)
                    .append(";12:22")
                    .append(entry)
                    .append(".\n")
                    .append(entry + 4)
                    .append(". Other")
                    .append((char) ('A' + entry))
                    .append(" D. Ketamine for refractory depression: a review of\nthe evidence. Lancet. 2009;37")
                    .append(entry)
                    .append(":10-1")
                    .append(entry)
                    .append(".\n");
        }

        List<String> flagged = flagged(text.toString());

        assertThat(flagged).noneMatch(l -> l.startsWith("Trials."));
        assertThat(flagged).filteredOn("TRIALS"::equals).hasSize(3);
    }

    @Test
    void aReferenceHeadingRepeatedOnEveryPageOfTheListStaysTheListsHeading() {
        // SIGN's guidelines: "References" heads every page of the list, each entry's number stands on a line of its
        // own, and an entry's year comes on its fourth line
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= 3; page++) {
            text.append(bodyLines(page, 30)).append("\f");
        }
        int entry = 1;
        for (int page = 1; page <= 4; page++) {
            text.append("References\n");
            for (int k = 0; k < 3; k++, entry++) {
                text.append(entry)
                        .append(".\nBaker A, Cole B, Dunn C. Management of refractory\nseizures of type ")
                        .append((char) ('a' + entry))
                        .append(" in adults: a national\nguideline. Edinburgh: SIGN;\n20")
                        .append(10 + entry)
                        .append(". (SIGN publication no. ")
                        .append(100 + entry)
                        .append(").\n");
            }
            text.append("\f");
        }

        Layout layout = TextReader.read(text.toString());
        boolean[] furniture = Furniture.find(layout);
        List<Boolean> headings = new ArrayList<>();
        for (int i = 0; i < furniture.length; i++) {
            if (layout.lines().get(i).text().equals("References")) {
                headings.add(furniture[i]);
            }
        }

        assertThat(headings).containsExactly(false, true, true, true);
    }

    /** Lines of a page's text, each its own words (digits alone would make them one key). */
    private static String bodyLines(int page, int count) {
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < count; k++) {
            out.append("Body text of page ")
                    .append((char) ('a' + page))
                    .append(" row ")
                    .append((char) ('a' + k))
                    .append(" about ketamine infusions.\n");
        }
        return out.toString();
    }
}
