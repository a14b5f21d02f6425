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

    private static final String FRONT = """
            Nuptial gifts of spiders as pdftotext reads them

            Maria Albo, Trine Bilde

            Abstract
            Males of some spiders wrap worthless gifts, and females accept them all the same, in the tests we ran.

            """;

    @Test
    void aReferenceHeadingGluedBetweenTwoParagraphsStillOpensTheList() {
        // MDPI's "References and Notes" with no blank line around it, above the numbers printed apart
        String text = FRONT + """
                Conflict of Interest
                The authors declare no conflict of interest.
                References and Notes
                1.
                2.

                Machida M, Gomi K. Genomics of Aspergillus oryzae. DNA Res 2008, 15, 173–183.
                Punt PJ, Biezen NV. Filamentous fungi as cell factories. Trends Biotechnol 2002, 20, 200–206.
                """;

        JournalArticle a = (JournalArticle) PARSER.parse("mdpi.txt", text);

        assertThat(a.references()).extracting(ParsedReference::number).containsExactly(1, 2);
        assertThat(a.references()).extracting(r -> r.authors().get(0).family()).containsExactly("Machida", "Punt");
    }

    @Test
    void entriesWhoseNumbersWerePrintedAwayFromThemAreNumberedInReadingOrder() {
        // BMC as pdftotext reads it: "3." and "4." above the heading (the foot of the other column), "5." and "6."
        // as a block before the entries, then entries 3 to 6 in order
        String text = FRONT + """
                3.
                4.

                Acknowledgements
                We thank the curators of the collection for their help with the spiders.

                References
                1. Parker GA: Sexual selection and sexual conflict. Evolution 1979, 33:123-166.
                2. Arnqvist G, Rowe L: Sexual conflict in insects. Anim Behav 2005, 60:145-164.

                5.
                6.

                LeBas NR, Hockham LR: An invasion of cheats. Curr Biol 2005, 15:64-67.
                Itakura Y: The life history of a nursery web spider. Insectarium 1993, 30:88-93.
                Lang A: Silk investments in gifts by males. Behaviour 1996, 133:697-716.
                Tuni C, Bilde T: No preference for novel mating partners. Anim Behav 2010, 80:435-442.
                """;

        JournalArticle a = (JournalArticle) PARSER.parse("bmc.txt", text);

        assertThat(a.references())
                .extracting(r -> r.number() + " " + r.authors().get(0).family())
                .containsExactly("1 Parker", "2 Arnqvist", "3 LeBas", "4 Itakura", "5 Lang", "6 Tuni");
        assertThat(a.issues())
                .anyMatch(i -> i.code() == ParseIssue.Code.MALFORMED_REFERENCE
                        && i.message().contains("3-6"));
    }

    @Test
    void entriesBetweenTwoPrintedNumbersTakeTheNumbersBetweenThemWhateverNumbersWereGluedToThem() {
        // BMC Public Health as pdftotext reads it: "3." and "6." above the heading, "5." and "4." as a block out of
        // order before entries 3 to 6, so "LeBas" and "Itakura" took 4 and 5; entry 7 is printed with its number
        String text = FRONT + """
                3.
                6.

                Acknowledgements
                We thank the curators of the collection for their help with the spiders.

                References
                1. Parker GA: Sexual selection and sexual conflict. Evolution 1979, 33:123-166.
                2. Arnqvist G, Rowe L: Sexual conflict in insects. Anim Behav 2005, 60:145-164.

                5.
                4.

                LeBas NR, Hockham LR: An invasion of cheats. Curr Biol 2005, 15:64-67.
                Itakura Y: The life history of a nursery web spider. Insectarium 1993, 30:88-93.
                van der Meer EWC, Boot CRL: Hands4U, a hand hygiene programme. Contact Dermatitis 2015, 72:312-324.
                Tuni C, Bilde T: No preference for novel mating partners. Anim Behav 2010, 80:435-442.
                7. Bilde T, Tuni C: Nuptial gifts of male spiders. Behav Ecol 2007, 18:1-8.
                """;

        JournalArticle a = (JournalArticle) PARSER.parse("bmc.txt", text);

        assertThat(a.references())
                .extracting(r -> r.number() + " " + r.authors().get(0).family())
                .containsExactly(
                        "1 Parker", "2 Arnqvist", "3 LeBas", "4 Itakura", "5 van der Meer", "6 Tuni", "7 Bilde");
        assertThat(a.issues())
                .anyMatch(i -> i.code() == ParseIssue.Code.MALFORMED_REFERENCE
                        && i.message().contains("numbered 3-6 in reading order"));
    }

    @Test
    void entriesRunTogetherAreCutWhereTheNumbersPrintedApartShowEntriesAreMissing() {
        // entries without an author list ("Office for National Statistics:", "SurveyGizmo.") ran into the entry
        // before; the numbers "3." to "6." say four entries follow entry 2, so the run is cut at the likeliest openings
        String text = FRONT + """
                References
                1. Parker GA: Sexual selection and sexual conflict. Evolution 1979, 33:123-166.
                2. Arnqvist G, Rowe L: Sexual conflict in insects. Anim Behav 2005, 60:145-164.

                3.
                4.
                5.
                6.

                Gollwitzer PM, Sheeran P: Implementation intentions and goal
                achievement: a meta-analysis. Adv Exp Soc Psychol 2006, 38:69-119.
                Office for National Statistics: Internet access. http://www.ons.gov.uk/ons/rel/
                rdit2/internet-access.html.
                SurveyGizmo. http://www.surveygizmo.com.
                International Conference on Harmonisation E9 Expert Working Group: ICH
                Harmonised tripartite guideline. Statistical principles for clinical trials.
                Stat Med 1999, 18:1905-1942.
                """;

        JournalArticle a = (JournalArticle) PARSER.parse("bmc.txt", text);

        assertThat(a.references())
                .extracting(r -> r.number() + " " + r.raw().split(" ")[0])
                .containsExactly(
                        "1 Parker", "2 Arnqvist", "3 Gollwitzer", "4 Office", "5 SurveyGizmo.", "6 International");
        assertThat(a.references().get(5).year()).isEqualTo(1999);
    }

    @Test
    void entriesAfterAnEntrysTailCutByAPageStartAfterTheBracketEndingIt() {
        // JMIR ends its entries with "[Medline: …]" or "[WebCite Cache ID …]"; each page's numbers are printed apart,
        // above its entries, and the first entry of a page may be the tail of the last one of the page before
        String text = FRONT + """
                References
                1.
                2.

                Carver CS, Scheier MF. Control theory: a useful framework. Psychol Bull 1982;92(1):111-135. [Medline:
                7134324]
                Australian Government Department of Health. Make your move. URL: http://www.health.gov.au/internet/

                JMIR Mhealth Uhealth 2016 | vol. 4 | iss. 2 | e78 | p.10

                3.
                4.

                main/publishing.nsf/Content/guidelines.pdf [accessed 2016-06-08] [WebCite Cache ID
                6i6l2T4Qz]
                Prochaska JO, DiClemente CC. In search of how people change. Am Psychol 1992;47(9):1102-1114.
                White IR, Horton NJ. Strategy for intention to treat analysis. BMJ 2011;342:d40 [Medline: 21300711]
                """;

        JournalArticle a = (JournalArticle) PARSER.parse("jmir.txt", text);

        assertThat(a.references())
                .extracting(r -> r.number() + " " + r.raw().split(" ")[0])
                .containsExactly("1 Carver", "2 Australian", "3 Prochaska", "4 White");
    }

    @Test
    void aNumberPrintedAfterItsEntrysFirstLineIsThatEntrysNumber() {
        // The Lancet sets each number beside its entry's first line: pdftotext prints it before that line or after it
        String text = FRONT + """
                References
                Remme JHF, Boatin B, Boussinesq M. Helminthic diseases:
                1
                onchocerciasis and loiasis. Int Encycl Public Health 2017; 3: 576-87.
                2
                Basanez MG, Pion SD, Boakes E. Effect of single-dose ivermectin on
                Onchocerca volvulus. Lancet Infect Dis 2008; 8: 310-22.
                Tekle AH, Zoure HG, Noma M, et al. Progress towards
                3
                onchocerciasis elimination in Africa. Infect Dis Poverty 2016; 5: 66-91.
                """;

        JournalArticle a = (JournalArticle) PARSER.parse("lancet.txt", text);

        assertThat(a.references())
                .extracting(r -> r.number() + " " + r.authors().get(0).family() + " " + r.year())
                .containsExactly("1 Remme 2017", "2 Basanez 2008", "3 Tekle 2016");
    }

    @Test
    void entriesPrintedApartFromTheirNumbersStartAfterABracketAndAtANamesParticle() {
        // MDPI and JMIR end entries with "[CrossRef] [PubMed]" or "[Medline: …]"; "de Mutsert R" opens in lower case
        String text = FRONT + """
                References
                1.
                2.
                3.
                4.

                Ilhan, N.; Kucuksu, M. The MTHFR polymorphism and hypertension. Arch. Med. Res. 2008,
                39, 125–130. [CrossRef] [PubMed]
                Bulut, D.; Potthast, R. Impaired vasodilator responses. Eur. J. Clin. Invest. 2003, 33, 567–573. [CrossRef]
                Jeffreys M, McCarron P. Body mass index in early adulthood. Int J Obes 2003;27(11):1391-1397. [Medline: 1457]
                de Mutsert R, Sun Q, Willett WC. Overweight in early adulthood. Am J Epidemiol 2014;179(11):1353-1365.
                """;

        JournalArticle a = (JournalArticle) PARSER.parse("mdpi.txt", text);

        assertThat(a.references())
                .extracting(r -> r.number() + " " + r.authors().get(0).family())
                .containsExactly("1 Ilhan", "2 Bulut", "3 Jeffreys", "4 de Mutsert");
    }

    @Test
    void anEntryEndingInAnArticleNumberOrInPagesWithoutAPeriodIsWholeBeforeTheNextAuthors() {
        // BMC: entry 2's tail ("Genome Biol 2011, 12:R31.") follows the next page's numbers, then entry 3's authors;
        // MDPI: "… Anal. 2011, 55, 533–539" ends an entry without a period
        String text = FRONT + """
                References
                1. Hoegg S, Meyer A: Phylogenomic analyses of KCNA gene clusters. BMC Evol Biol 2007, 7:139.
                2. Ye L, Hillier LW, Minx P, Thane N, Locke DP, Martin JC, Chen L, Mitreva M,

                3.

                4.

                5.

                Warren WC: A vertebrate case study of the quality of assemblies. Genome Biol 2011, 12:R31.
                Sower SA, Freamat M, Kavanaugh SI: The origins of the vertebrate endocrine systems. Gen Comp
                Endocrinol 2009, 161:20-29.
                Su, Z.H.; Li, S.Q. Urinary metabonomics study of Chaihu-Shu-Gan-San. J. Pharm. Biomed. Anal. 2011, 55, 533–539
                Jia, H.M.; Su, Z.H. Metabonomics combined with UPLC-MS chemical profiling. Evid. Based.
                Complement. Alternat. Med. 2013, 2013, 487158.
                """;

        JournalArticle a = (JournalArticle) PARSER.parse("bmc.txt", text);

        assertThat(a.references())
                .extracting(r -> r.number() + " " + r.authors().get(0).family() + " " + r.year())
                .containsExactly("1 Hoegg 2007", "2 Ye 2011", "3 Sower 2009", "4 Su 2011", "5 Jia 2013");
    }

    @Test
    void aRunOfBareNumbersAboveAColumnWaitsForTheEntriesBelowIt() {
        // The Lancet's next column: its numbers "3" to "5", without stops, printed as a block above its entries
        String text = FRONT + """
                References
                1
                Luchenski S, Maguire N. What works in inclusion health. Lancet 2017; 391: 266-80.
                2
                Bramley G, Fitzpatrick S. Hard edges: mapping severe disadvantage. Urban Stud 2015; 52: 10-28.

                3

                4

                5

                Graham L, Fischbacher CM. Understanding extreme mortality among prisoners.
                Eur J Public Health 2015; 25: 879-85.
                Arendt M, Munk-Jorgensen P. Mortality among individuals with cannabis use.
                Drug Alcohol Depend 2011; 114: 134-39.
                Nielsen SF, Hjorthoj CR. Psychiatric disorders and mortality in homeless shelters.
                Lancet 2011; 377: 2205-14.
                """;

        JournalArticle a = (JournalArticle) PARSER.parse("lancet.txt", text);

        assertThat(a.references())
                .extracting(r -> r.number() + " " + r.authors().get(0).family())
                .containsExactly("1 Luchenski", "2 Bramley", "3 Graham", "4 Arendt", "5 Nielsen");
    }

    @Test
    void aWrappedLineOpeningWithTheYearATitleEndsWithIsNoEntry() {
        // The Lancet numbers without stops; "2005." opens the line a title wraps to, far past the list's numbering
        String text = FRONT + """
                References
                1 Degenhardt L, Larney S, Randall D. Causes of death in a cohort treated for opioid dependence between 1985 and
                2005. Addiction 2014; 109: 90-99.
                2 Evans JL, Tsui JI, Hahn JA. Mortality among young injection drug users in San Francisco.
                Am J Epidemiol 2012; 175: 302-08.
                """;

        JournalArticle a = (JournalArticle) PARSER.parse("lancet.txt", text);

        assertThat(a.references())
                .extracting(r -> r.number() + " " + r.authors().get(0).family() + " " + r.journal())
                .containsExactly("1 Degenhardt Addiction", "2 Evans Am J Epidemiol");
    }

    @Test
    void aSourceLineAfterATitleEndingInAYearRangeStaysWithItsEntry() {
        // The Lancet's numbers printed apart above their entries; two titles end with a year range and a period
        String text = FRONT + """
                References

                1

                2

                3

                Darke S, Mills KL, Ross J. Rates and correlates of mortality amongst heroin users, 2001–2009.
                Drug Alcohol Depend 2011; 115: 190–95.
                Merrall ELC, Bird SM. Mortality of those who attended drug services in Scotland 1996–2006.
                Int J Drug Policy 2012; 23: 24–32.
                Eysenbach G. The law of attrition. J Med Internet Res 2005; 7: e11.
                """;

        JournalArticle a = (JournalArticle) PARSER.parse("lancet.txt", text);

        assertThat(a.references())
                .extracting(r -> r.number() + " " + r.authors().get(0).family() + " " + r.year())
                .containsExactly("1 Darke 2011", "2 Merrall 2012", "3 Eysenbach 2005");
    }

    @Test
    void unnumberedTextThatDoesNotMatchTheMissingNumbersStaysOutOfTheList() {
        String text = FRONT + """
                References
                1. Parker GA: Sexual selection and sexual conflict. Evolution 1979, 33:123-166.
                2. Arnqvist G, Rowe L: Sexual conflict in insects. Anim Behav 2005, 60:145-164.
                4. Lang A: Silk investments in gifts by males. Behaviour 1996, 133:697-716.

                LeBas NR, Hockham LR: An invasion of cheats. Curr Biol 2005, 15:64-67.
                Itakura Y: The life history of a nursery web spider. Insectarium 1993, 30:88-93.
                """;

        JournalArticle a = (JournalArticle) PARSER.parse("gap.txt", text);

        assertThat(a.references()).extracting(ParsedReference::number).containsExactly(1, 2, 4);
        assertThat(a.issues()).anyMatch(i -> i.code() == ParseIssue.Code.MISSING_REFERENCE_NUMBER);
    }

    @Test
    void readsANumberedListPrintedWithoutAHeadingUnderTheEditorialDates() {
        // Nature's letters: no "References" heading, "1." glued under the dates, its entry after a blank line
        String text = FRONT + """
                Single-cell genomics offers a means to inventory this diversity at the level of the organism.
                Received 14 January; accepted 4 June 2013.
                Published online 14 July 2013.
                1.

                Rajendhran, J. & Gunasekaran, P. Microbial phylogeny and diversity. Microbiol. Res. 166, 99–110
                (2011).
                2. Gilbert, J. A. & Dupont, C. L. Microbial metagenomics. Ann. Rev. Mar. Sci. 3, 347–371 (2011).
                3. Pedrós-Alió, C. Marine microbial diversity. Trends Microbiol. 14, 257–263 (2006).
                """;

        JournalArticle a = (JournalArticle) PARSER.parse("nature.txt", text);

        assertThat(a.references())
                .extracting(r -> r.number() + " " + r.authors().get(0).family() + " " + r.year())
                .containsExactly("1 Rajendhran 2011", "2 Gilbert 2011", "3 Pedrós-Alió 2006");
    }

    @Test
    void aNumberedStepListInTheBodyIsNotTakenForReferences() {
        String text = FRONT + """
                Methods
                1. Samples were thawed on ice and spun, 2011 protocol, for ten minutes.
                2. Supernatants were kept at four degrees.
                3. Pellets were washed twice.
                """;

        ParsedDocument parsed = PARSER.parse("steps.txt", text);

        // no reference list, so no article: the steps stay the Methods section's text
        assertThat(parsed).isInstanceOf(ExplainerPage.class);
        assertThat(((ExplainerPage) parsed).sections())
                .anyMatch(section ->
                        section.heading().equals("Methods") && section.text().contains("Pellets were washed twice."));
    }

    @Test
    void entriesPrintedAboveTheListsHeadingJoinTheList() {
        // Cell as pdftotext reads it: the first entries of the next column come before "REFERENCES"
        String text = FRONT + """
                The discussion ends here, with what the findings mean for tumour immunity in mice.

                Burkett, P.R., Koka, R., and Ma, A. (2004). Coordinate expression of interleukin-15. J. Exp. Med.
                200, 825–834.

                Geiger, T.L., Abt, M.C., and Sun, J.C. (2014). Nfil3 is crucial for innate lymphoid cells. J. Exp.
                Med. 211, 1723–1731.

                REFERENCES

                Cheroutre, H., Lambolez, F., and Mucida, D. (2011). The light and dark sides of intestinal
                lymphocytes. Nat. Rev. Immunol. 11, 445–456.
                """;

        JournalArticle a = (JournalArticle) PARSER.parse("cell.txt", text);

        assertThat(a.references())
                .extracting(r -> r.authors().get(0).family())
                .containsExactly("Burkett", "Geiger", "Cheroutre");
        assertThat(a.sections()).noneMatch(section -> section.text().contains("Burkett"));
    }

    @Test
    void elseviersJournalBoxIsNotTheTitleAndItsLetterMarkedBylineGivesTheAuthors() {
        String text = """
                Contemporary Clinical Trials 36 (2013) 228–243

                Contents lists available at ScienceDirect

                Contemporary Clinical Trials
                journal homepage: www.elsevier.com/locate/conclintrial

                Healthy Homes/Healthy Kids: A randomized trial of a pediatric
                primary care-based obesity prevention intervention for at-risk
                5–10 year olds
                Nancy E. Sherwood a,⁎, Rona L. Levy b, Shelby L. Langer b, Meghan M. Senso a, A. Lauren Crain a,
                Robert W. Jeffery c
                a

                HealthPartners Institute for Education and Research, Bloomington, MN 55440-1524, United States

                Abstract
                Pediatric primary care is an important setting in which to address obesity prevention, yet few
                interventions have been evaluated.

                References

                1. Sherwood NE, Levy RL. Obesity in children. Pediatrics 2009;124:100-9.
                """;

        JournalArticle a = (JournalArticle) PARSER.parse("elsevier.txt", text);

        assertThat(a.metadata().title())
                .isEqualTo("Healthy Homes/Healthy Kids: A randomized trial of a pediatric primary care-based obesity"
                        + " prevention intervention for at-risk 5–10 year olds");
        assertThat(a.metadata().authors())
                .extracting(ParsedAuthor::family)
                .containsExactly("Sherwood", "Levy", "Langer", "Senso", "Crain", "Jeffery");
    }
}
