package com.refractoryatlas.importer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Columns printed side by side (pdftotext -layout) unfolded into reading order. */
class ColumnsTests {

    private static final String TWO_COLUMNS = """
            Mentalizing Deficits Constrain Belief in a Personal God and Other Agents of the Mind
            Ara Norenzayan, Will M. Gervais

            Introduction                                      self-identify as atheist and less likely
            Belief in God and other supernatural agents       organized religion.
            is culturally and historically widespread,
            and is a deeply affecting aspect of human         The Present Research
            life [1]. Yet relatively little is known          We used an individual differences approach
            about the cognitive foundations of these          to test three interrelated hypotheses: the
            complex beliefs. Believers treat gods as          autistic spectrum is inversely related to
            intentional agents with mental states.            belief in God.
            \fReferences                                        3. Lee A. Denervation trials. N Engl J Med.
            1. Carey RM, Calhoun DA. Resistant                   2014;370:1393-401.
               hypertension. Hypertension. 2018;72:e53-90.    4. Böhm M, Kario K. Sham-controlled trials.
            2. Smith J, Jones K. Spironolactone in               Lancet. 2020;395:1444-51.
               resistant hypertension. Lancet.                5. Townsend RR. Renal denervation. Lancet.
               2015;386:2059-68.                                 2017;390:2160-70.
            """;

    @Test
    void readsTheLeftColumnBeforeTheRightOnEachPage() {
        String unfolded = Columns.unfold(TWO_COLUMNS);
        assertThat(unfolded)
                .startsWith(
                        "Mentalizing Deficits Constrain Belief in a Personal God and Other Agents of the Mind\n"
                                + "Ara Norenzayan, Will M. Gervais\n\nIntroduction\nBelief in God and other supernatural agents\n");
        assertThat(unfolded.indexOf("intentional agents with mental states."))
                .isLessThan(unfolded.indexOf("self-identify as atheist"));
        assertThat(unfolded).contains("self-identify as atheist and less likely\norganized religion.\n\nThe Present");
        String references = unfolded.substring(unfolded.indexOf('\f') + 1);
        assertThat(references.indexOf("2015;386:2059-68.")).isLessThan(references.indexOf("3. Lee A."));
        assertThat(references).contains("3. Lee A. Denervation trials. N Engl J Med.\n2014;370:1393-401.\n4. Böhm");
    }

    @Test
    void readsThreeColumnsSideBySideInOrder() {
        // a Royal Society reference page: three columns, hanging indents inside the second and third
        String page = String.join(
                "\n",
                "References",
                "1.  Craigen WJ, Caskey CT. 1986 Expression of     12.   Liao PY, Choi YS, Lee KH. 2009 FSscan: a     23. Aigner S, Cech TR. 2000 Euplotes",
                "    peptide chain release factor 2. Nature             mechanism-based program. Nucleic Acids Res.       telomerase contains an La motif protein.",
                "    322, 273–275.                                      37, 7302–7311.                                    EMBO J. 19, 6230–6239.",
                "2. Bekaert M, Baranov PV. 2006 ARFA: a          13.   Belcourt MF, Farabaugh PJ. 1990 Ribosomal    24. Vallabhaneni H, Farabaugh PJ. 2009",
                "    program for annotating release factor              frameshifting in the yeast retrotransposon       Connection between stop codon",
                "    genes. Bioinformatics 22, 2463–2465.               Ty. Cell 62, 339–352.                            reassignment. RNA 15, 889–897.",
                "3. Ivanov IP, Atkins JF. 2007 Ribosomal         14.   Farabaugh PJ, Zhao H. 1993 A novel           25. Atkins JF, Reid BR. 1979 Normal",
                "    frameshifting in decoding antizyme                 programed frameshift. Cell 74, 93–103.           tRNAs promote frameshifting.",
                "    mRNAs. Nucleic Acids Res. 35, 1842–1858.           (doi:10.1016/0092-8674(93)90297-4)               Cell 18, 1119–1131.",
                "");
        String unfolded = Columns.unfold(page);
        int[] order = {
            unfolded.indexOf("1.  Craigen"),
            unfolded.indexOf("mRNAs. Nucleic"),
            unfolded.indexOf("12.   Liao"),
            unfolded.indexOf("(doi:10.1016/0092-8674(93)90297-4)"),
            unfolded.indexOf("23. Aigner"),
            unfolded.indexOf("Cell 18, 1119–1131.")
        };
        assertThat(order).doesNotContain(-1).isSorted();
        assertThat(unfolded).contains("12.   Liao PY, Choi YS, Lee KH. 2009 FSscan: a\nmechanism-based program.");
        JournalArticle a = (JournalArticle) new DocumentParser().parse("three.txt", "Frameshifting\n\n" + unfolded);
        assertThat(a.references()).extracting(ParsedReference::number).containsExactly(1, 2, 3, 12, 13, 14, 23, 24, 25);
    }

    @Test
    void parsesTheReferencesOfSideBySideColumns() {
        JournalArticle a = (JournalArticle) new DocumentParser().parse("layout.txt", TWO_COLUMNS);
        assertThat(a.references()).extracting(ParsedReference::number).containsExactly(1, 2, 3, 4, 5);
        assertThat(a.references().get(2).journal()).isEqualTo("N Engl J Med");
        assertThat(a.references().get(2).pages()).isEqualTo("1393-401");
    }

    @Test
    void readsRegionsOfColumnsStackedOnOnePageOneAfterTheOther() {
        String page = """
                The remaining text of the discussion           silkworm moth has been crystallized with
                continues in the left column here and          two molecules of the odorant, and fatty
                ends at the bottom of the body region.         acid binding proteins bind two ligands.
                Studies to test these hypotheses may           Data availability
                lead to better reporters.                      The data are in a public repository.



                References                                     7. Ishida Y, Leal WS: Identification of a
                1. Clyne PJ, Warr CG: A novel family of           protein. J Chem Ecol. 2002; 28(4): 867-71.
                   receptors. Neuron. 1999; 22(2): 327-38.     8. Bohbot J, Pitts RJ: Molecular
                2. Gao Q, Chess A: Identification of              characterization of the receptor family.
                   receptors. Genomics. 1999; 60(1): 31-9.        Insect Mol Biol. 2007; 16(5): 525-37.
                """;
        String unfolded = Columns.unfold(page);
        int bodyRight = unfolded.indexOf("The data are in a public repository.");
        assertThat(unfolded.indexOf("lead to better reporters.")).isLessThan(unfolded.indexOf("silkworm moth"));
        assertThat(bodyRight).isLessThan(unfolded.indexOf("References"));
        assertThat(unfolded.indexOf("60(1): 31-9.")).isLessThan(unfolded.indexOf("7. Ishida Y"));
    }

    @Test
    void findsTheGutterBetweenColumnsNotInsideTheRightColumnsNumberedList() {
        String page = """
                often requires long papers which may be hard to          REFERENCES
                publish. By combining feasibility and pilot                1.   Corder K, Atkin AJ. What do adolescents want
                in one paper, we are highlighting the most                      to become more active? BMC Public Health 2013;13:718.
                                                                           2.   Collings PJ, Wijndaele K. Levels of physical
                useful and salient messages without an excessive                activity in UK adolescents. Int J Behav Nutr
                number of publications. We did not collect cost                 Phys Act 2014;11:23.
                effectiveness data in the feasibility studies and          3.   Raustorp A, Ekroth Y. Tracking of pedometer
                will put in place school-relevant mechanisms.                   determined activity. J Phys Act Health 2013;10:1186-92.
                                                                           4.   Telema R, Yang X. Physical activity from childhood to
                CONCLUSION                                                      adulthood. Am J Prev Med 2005;28:267-73.
                """;
        String unfolded = Columns.unfold(page);
        assertThat(unfolded.indexOf("school-relevant mechanisms.")).isLessThan(unfolded.indexOf("REFERENCES"));
        assertThat(unfolded).contains("1.   Corder K, Atkin AJ. What do adolescents want\nto become more active?");
        assertThat(unfolded.indexOf("2013;13:718.")).isLessThan(unfolded.indexOf("2.   Collings PJ"));
    }

    @Test
    void splitsALastPageWhoseRightColumnIsShortWhenNoLineCrossesTheGutter() {
        StringBuilder page = new StringBuilder();
        page.append(
                        "[22] R. C. Kirkwood, Recent developments in our understanding of        [39] R. Thiraporn, B. Feil,\n")
                .append(
                        "      the cuticle as a barrier to foliar uptake, Pest Sci, 1999.           and P. Stamp, Effect of nitrogen,\n")
                .append(
                        "[23] H. Koontz and O. Biddulph, Factors affecting absorption and           J Agron Crop Sci, 1992.\n")
                .append(
                        "      translocation of foliar phosphorus, Plant Physiol, 1957.         [40] D. Rodriguez, F. H. Andrade,\n")
                .append(
                        "[24] S. H. Witter and F. G. Teubner, Foliar absorption of mineral          Effects of phosphorus, 1999.\n")
                .append(
                        "      nutrients, Annual Review of Physiology, vol. 10, 1959.           [41] C. A. Grant, D. N. Flaten,\n")
                .append(
                        "[25] D. W. Reed and H. B. Tukey, Factors affecting foliar                  Can J Plant Sci, 2001.\n");
        for (int n = 26; n < 50; n++) {
            page.append("[")
                    .append(n)
                    .append("] A. Author and B. Author, A title of entry ")
                    .append(n)
                    .append(",\n")
                    .append("      Journal of Things, vol. ")
                    .append(n)
                    .append(", pp. 1-9, 2000.\n");
        }
        String unfolded = Columns.unfold(page.toString());
        assertThat(unfolded).contains("[22] R. C. Kirkwood, Recent developments in our understanding of\n      the");
        assertThat(unfolded.indexOf("[49] A. Author")).isLessThan(unfolded.indexOf("[39] R. Thiraporn"));
        assertThat(unfolded)
                .contains("[39] R. Thiraporn, B. Feil,\nand P. Stamp, Effect of nitrogen,\nJ Agron Crop Sci");
    }

    @Test
    void keepsTheRightColumnWholeAcrossABlankBandBesideAFigure() {
        String page = """
                  3.5              a                         [4] D. H. Sander, E. J. Penas, and B. Eghball,
                  3.0         a                                  Residual effects of phosphorus on wheat,
                  2.8     a             a                        Soil Sci Soc Am J, vol. 54,



                  2.5            b                               no. 5, pp. 1473-1478, 1990.
                  2.0      c                                 [5] J. Mosali, K. Desta, and R. K. Teal, Effect
                  1.5                 c                          of foliar phosphorus on wheat, J Plant Nutr,
                  1.0           bc                               vol. 29, pp. 2147-2163, 2006.
                Figure 2: Tiller number as influenced by     [6] G. D. Batten, A review of phosphorus
                treatments at Perkins and Perry.                 efficiency in wheat, Plant Soil, 1992.
                """;
        String unfolded = Columns.unfold(page);
        assertThat(unfolded).contains("Soil Sci Soc Am J, vol. 54,\n\n\n\nno. 5, pp. 1473-1478, 1990.\n[5] J. Mosali");
    }

    @Test
    void endsARegionOfColumnsAtABlankBandWhenTheRightColumnStartsAfreshBelowIt() {
        String page = """
                The remaining text of the discussion           silkworm moth has been crystallized with
                continues in the left column here and          two molecules of the odorant, and fatty
                ends at the bottom of the body region.         acid binding proteins bind two ligands.



                1. Clyne PJ, Warr CG: A novel family of        7. Ishida Y, Leal WS: Identification of a
                   receptors. Neuron. 1999; 22(2): 327-38.        protein. J Chem Ecol. 2002; 28(4): 867-71.
                2. Gao Q, Chess A: Identification of           8. Bohbot J, Pitts RJ: Molecular
                   receptors. Genomics. 1999; 60(1): 31-9.        characterization of the receptor family.
                """;
        String unfolded = Columns.unfold(page);
        assertThat(unfolded.indexOf("bind two ligands.")).isLessThan(unfolded.indexOf("1. Clyne PJ"));
        assertThat(unfolded.indexOf("60(1): 31-9.")).isLessThan(unfolded.indexOf("7. Ishida Y"));
    }

    @Test
    void cutsAtTheRightEndOfTheSharedGapSoALongLeftLineStaysInItsColumn() {
        String page = """
                The first column's lines end here and         Right column text starts at its margin
                there, leaving a wide gap before the          and goes on for a few lines of prose
                second column of the page; one line           that a reader takes after the whole
                of the left column runs longer, into it:
                the gap the columns share is narrower         left column, never in between its lines.
                than it looks from the other lines.           Its last line comes here, and then
                A line more in the left column.               the end of the right column.
                Left column ends.
                """;
        String unfolded = Columns.unfold(page);
        assertThat(unfolded).contains("of the left column runs longer, into it:\nthe gap the columns share");
        assertThat(unfolded.indexOf("Left column ends.")).isLessThan(unfolded.indexOf("Right column text starts"));
    }

    @Test
    void leavesTextWithoutAGutterUnchanged() {
        String prose = """
                # A Title

                Belief in God and other supernatural agents is culturally and historically widespread, and is a
                deeply affecting aspect of human life [1]. Yet relatively little is known about the cognitive
                foundations of these complex beliefs.

                | drug      | dose   |
                | --------- | ------ |
                | lithium   | 900 mg |
                """;
        assertThat(Columns.unfold(prose)).isSameAs(prose);
        String table = "Name      Dose      Route\nlithium   900 mg    oral\nvalproate 1 g       oral\n";
        assertThat(Columns.unfold(table)).isSameAs(table);
    }

    @Test
    void aPageBesideANoteUpItsMarginIsUnfoldedWithTheNoteAfterIt() {
        // Dove Press: a rotated download note in the left margin puts every line of the page far right of it
        String pad = " ".repeat(40);
        String page = String.join(
                "\n",
                pad + "References                                  5. Cuzick JH, Powles T. Overview of the main",
                pad + "1. Prowell TM, Davidson NE. What is the        outcomes in prevention trials. Lancet.",
                pad + "   role of ovarian ablation? Oncologist.       2003;361:296-300.",
                "Breast Cancer: Targets and Therapy downloaded from https://www.dovepress.com/ for personal use only.",
                pad + "   2004;9(5):507-517.                          6. Featherstone C, Harnett AN. Ultrasound of",
                pad + "2. Hughes LL, Gray RJ. Efficacy of radio-      the ovaries after radiation. Clin Oncol.",
                pad + "   therapy for ovarian ablation. Cancer.       1999;11:393-397.",
                pad + "   2012;118(19):4619-4623.                     7. Fisher B, Costantino JP. Tamoxifen for",
                pad + "3. Thurlimann B, Price KN. Is chemotherapy     prevention of breast cancer. J Natl",
                pad + "   necessary? Breast Cancer Res Treat.         Cancer Inst. 2005;97(22):1652-1662.",
                pad + "   2009;113(1):137-144.",
                "");

        String unfolded = Columns.unfold(page);

        assertThat(unfolded).startsWith("References\n1. Prowell TM, Davidson NE. What is the\n");
        assertThat(unfolded).contains("   role of ovarian ablation? Oncologist.\n   2004;9(5):507-517.\n2. Hughes LL");
        assertThat(unfolded.indexOf("2009;113(1):137-144.")).isLessThan(unfolded.indexOf("5. Cuzick JH"));
        assertThat(unfolded).endsWith("for personal use only.\n");
    }

    @Test
    void twoColumnsWhoseRowsAlternateAreReadOneAfterTheOther() {
        // De Gruyter: the columns' baselines are offset, so every row holds one column's line only
        String right = " ".repeat(44);
        String page = String.join(
                "\n",
                "References",
                right + "[4] Yu WF. A clinical study of tripterygium",
                "[1] Tziomalos K, Athyros VG. Diabetic",
                right + "    glycosides. Nei Mongol J 2014;26:15",
                "    nephropathy: new risk factors. Rev",
                right + "[5] Li MR. Clinical study of tripterygium",
                "    Diabet Stud 2015;12:110-118",
                right + "    with valsartan. China Med 2013;9:138",
                "[2] Svensson MK, Tyrberg M. The risk for",
                right + "[6] Li H. Efficacy and safety of",
                "    nephropathy is low. Diabetologia",
                right + "    tripterygium glycosides. Chin Remedies",
                "    2006;49:1-7",
                right + "    2013;13:649-650",
                "[3] Zhao RY, Tang BS. Clinical effect of",
                "    glycosides. Chin Med 2012;3:1-5",
                "");

        String unfolded = Columns.unfold(page);

        assertThat(unfolded)
                .contains("[1] Tziomalos K, Athyros VG. Diabetic\n    nephropathy: new risk factors. Rev\n"
                        + "    Diabet Stud 2015;12:110-118\n[2] Svensson MK");
        assertThat(unfolded.indexOf("Chin Med 2012;3:1-5")).isLessThan(unfolded.indexOf("[4] Yu WF."));
        assertThat(unfolded)
                .contains("[4] Yu WF. A clinical study of tripterygium\nglycosides. Nei Mongol J 2014;26:15\n");
    }

    @Test
    void rowsOfTwoColumnsThatAlternateBelowAlignedOnesKeepTheirEntriesWhole() {
        // Elsevier: body columns side by side at the top; below, the reference list's rows are offset from the
        // right column's, so -layout prints one column's row, then the other's
        String gap = " ".repeat(8);
        String right = " ".repeat(52);
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            rows.add(String.format("%-44s", "Left body text of the article, row " + i) + gap + "Right body text, row "
                    + i);
        }
        rows.addAll(List.of(
                "",
                "Bellwood, D.R., Wainwright, P.C., 2002. The",
                right + "Huelsenbeck, J., Ronquist, F., 2001. MrBayes:",
                "    history and biogeography of fishes on coral",
                right + "    inference of trees. Bioinformatics 17, 754.",
                "    reefs. Academic Press, pp. 5–32.",
                right + "Huyse, T., Volckaert, F.A.M., 2005. Comparing",
                "Brandley, M.C., Schmitz, A., 2005. Partitioned",
                right + "    host and parasite phylogenies. Syst. Biol.",
                "    analyses of lizards. Syst. Biol. 54, 373–390.",
                right + "    54, 710–718.",
                ""));

        String unfolded = Columns.unfold(String.join("\n", rows));

        assertThat(unfolded)
                .contains(
                        "Bellwood, D.R., Wainwright, P.C., 2002. The\n    history and biogeography of fishes on coral\n"
                                + "    reefs. Academic Press, pp. 5–32.\nBrandley")
                .contains("Huelsenbeck, J., Ronquist, F., 2001. MrBayes:\ninference of trees. Bioinformatics 17, 754.\n"
                        + "Huyse");
    }

    @Test
    void aLastPageWhoseRightColumnHoldsOnlyAnEntrysTailIsSplit() {
        // Hindawi: the right column of the last page is the three-line tail of the previous page's last entry
        String gap = " ".repeat(6);
        List<String> rows = new ArrayList<>();
        rows.add(String.format("%-72s", "References") + gap + "glycemic control in type 1 diabetes,” The Journal");
        rows.add(String.format("%-72s", "") + gap + "of Endocrinology, vol. 90, no. 6, pp. 3387–3391,");
        rows.add(String.format("%-72s", " [1] Y. Xu, L. Wang, J. He et al., “Prevalence and control of") + gap
                + "2005.");
        for (int i = 2; i <= 5; i++) {
            rows.add("     diabetes in Chinese adults of the cohort number " + i + ",” The Journal of the");
            rows.add(" [" + i + "] C. Wu, D. Pei, A. Hsieh et al., “Comparison of insulin sensitivity,”");
        }
        rows.add("     Archives of Pharmacal Research, vol. 33, no. 3, pp. 411–416, 2010.");

        String unfolded = Columns.unfold(String.join("\n", rows));

        assertThat(unfolded.strip())
                .startsWith("References\n\n [1] Y. Xu")
                .endsWith("pp. 411–416, 2010.\n\nglycemic control in type 1 diabetes,” The Journal\n"
                        + "of Endocrinology, vol. 90, no. 6, pp. 3387–3391,\n2005.");
    }

    @Test
    void indentedProseWithoutASecondColumnIsLeftAsItIs() {
        String pad = " ".repeat(30);
        String page = pad + "A quoted passage set in from the margin,\n" + pad + "line after line of it, and nothing\n"
                + pad + "beside it on the right of the page at\n" + pad + "all, as a poem or a long quotation\n"
                + pad + "would be printed in a book or in a\n" + pad + "paper's epigraph above its abstract.\n"
                + "A note in the margin.\n";
        assertThat(Columns.unfold(page)).isSameAs(page);
    }
}
