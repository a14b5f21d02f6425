package com.refractoryatlas.importer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReferenceLabellerTests {

    private final IssueLog log = new IssueLog(10);

    private ParsedReference parse(String entry) {
        return ReferenceLabeller.parse(1, entry, 1, log);
    }

    @Test
    void readsElsevierNumberedEntriesWithInitialsBeforeNamesAndTheYearAfterTheVolume() {
        ParsedReference r = parse(
                "B.M. Rosen, V. Percec, A.J. van der Berg, K. Smith Jr., Single-electron transfer"
                        + " and degenerative chain transfer, living radical polymerization, Chem. Rev. 109 (3) (2009) 5069–5119.");
        assertThat(r.authors())
                .containsExactly(
                        new ParsedAuthor("Rosen", "B.M.", null),
                        new ParsedAuthor("Percec", "V.", null),
                        new ParsedAuthor("van der Berg", "A.J.", null),
                        new ParsedAuthor("Smith", "K.", "Jr."));
        assertThat(r.title())
                .isEqualTo("Single-electron transfer and degenerative chain transfer, living radical polymerization");
        assertThat(r.journal()).isEqualTo("Chem. Rev.");
        assertThat(r.volume()).isEqualTo("109");
        assertThat(r.issue()).isEqualTo("3");
        assertThat(r.year()).isEqualTo(2009);
        assertThat(r.pages()).isEqualTo(Pages.normalize("5069–5119"));
    }

    @Test
    void readsRscEntriesWithoutTitles() {
        ParsedReference r = parse(
                "J. Nicolas, Y. Guillaneuf, D. Gigmes and B. Charleux, Prog. Polym. Sci., 2013, 38," + " 63-235.");
        assertThat(r.authors())
                .extracting(ParsedAuthor::family)
                .containsExactly("Nicolas", "Guillaneuf", "Gigmes", "Charleux");
        assertThat(r.journal()).isEqualTo("Prog. Polym. Sci.");
        assertThat(r.year()).isEqualTo(2013);
        assertThat(r.volume()).isEqualTo("38");
        assertThat(r.pages()).isEqualTo("63-235");
    }

    @Test
    void readsAnAuthorListEndingInOtherAuthors() {
        ParsedReference r = parse("Sievert, S. M., Scott, K. M., Klotz, M. G., Chain, P. S., Hauser, L. J. & other"
                + " authors (2008). Genome of the epsilonproteobacterial chemolithoautotroph Sulfurimonas"
                + " denitrificans. Appl Environ Microbiol 74, 1145–1156.");
        assertThat(r.authors())
                .extracting(ParsedAuthor::family)
                .containsExactly("Sievert", "Scott", "Klotz", "Chain", "Hauser");
        assertThat(r.year()).isEqualTo(2008);
        assertThat(r.title())
                .isEqualTo("Genome of the epsilonproteobacterial chemolithoautotroph Sulfurimonas" + " denitrificans");
        assertThat(r.journal()).isEqualTo("Appl Environ Microbiol");
    }

    @Test
    void readsAVancouverEntryWrittenForAGroup() {
        ParsedReference r = parse("von Elm E, Altman DG, Egger M, Pocock SJ, Gotzsche PC, Vandenbroucke JP, for the"
                + " STROBE Initiative. The Strengthening the Reporting of Observational Studies in Epidemiology"
                + " (STROBE) statement: guidelines for reporting observational studies. Lancet 2007;370:1453–7.");
        assertThat(r.authors())
                .extracting(ParsedAuthor::family)
                .containsExactly(
                        "von Elm", "Altman", "Egger", "Pocock", "Gotzsche", "Vandenbroucke", "STROBE Initiative");
        assertThat(r.title()).startsWith("The Strengthening the Reporting");
        assertThat(r.journal()).isEqualTo("Lancet");
        assertThat(r.year()).isEqualTo(2007);
    }

    @Test
    void readsAHarvardEntryWithItsTitleQuotedAfterTheYear() {
        ParsedReference r = parse("Altman, D. et al. (2001) “The revised CONSORT statement for reporting randomized"
                + " trials: explanation and elaboration,” Ann Intern Med, 134, pp. 663–694. Available at:"
                + " https://doi.org/10.7326/0003-4819-134-8-200104170-00012.");
        assertThat(r.authors()).extracting(ParsedAuthor::family).containsExactly("Altman");
        assertThat(r.title())
                .isEqualTo(
                        "The revised CONSORT statement for reporting randomized trials: explanation and elaboration");
        assertThat(r.journal()).isEqualTo("Ann Intern Med");
        assertThat(r.volume()).isEqualTo("134");
        assertThat(r.pages()).isEqualTo("663-694");
        assertThat(r.year()).isEqualTo(2001);
        assertThat(r.doi()).isEqualTo("10.7326/0003-4819-134-8-200104170-00012");
    }

    @Test
    void readsAChicagoAuthorDateEntry() {
        // the first author inverted, the others given name first; the year after the names, the title quoted
        ParsedReference r = parse("Akey, JM, S. Biswas, JT Leek, and JD Storey. 2007. “On the Design and Analysis of"
                + " Expression Studies in Human Populations.” Nat Genet 39: 807–8.");
        assertThat(r.authors())
                .containsExactly(
                        new ParsedAuthor("Akey", "JM", null),
                        new ParsedAuthor("Biswas", "S.", null),
                        new ParsedAuthor("Leek", "JT", null),
                        new ParsedAuthor("Storey", "JD", null));
        assertThat(r.year()).isEqualTo(2007);
        assertThat(r.title()).isEqualTo("On the Design and Analysis of Expression Studies in Human Populations");
        assertThat(r.journal()).isEqualTo("Nat Genet");
        assertThat(r.volume()).isEqualTo("39");
    }

    @Test
    void aVancouverEntryIsNotReadAsInitialsFirst() {
        ParsedReference r = parse("Rosen BM, Percec V. Single-electron transfer. Chem Rev. 2009;109(11):5069-119.");
        assertThat(r.authors()).extracting(ParsedAuthor::family).containsExactly("Rosen", "Percec");
        assertThat(r.journal()).isEqualTo("Chem Rev");
    }

    @Test
    void aPageRangeWithSpacesAroundItsDashIsOneRangeAndNoYear() {
        ParsedReference r = parse("Ivanov IP, Atkins JF. 2007 Ribosomal frameshifting in decoding antizyme mRNAs."
                + " Nucleic Acids Res. 35, 1842 –1858. (doi:10.1093/nar/gkm035)");
        assertThat(r.year()).isEqualTo(2007);
        assertThat(r.volume()).isEqualTo("35");
        assertThat(r.pages()).isEqualTo("1842-1858");
        assertThat(parse("Kurian L, Dohmen RJ. 2011 Polyamine sensing by antizyme. Nature 477, 490 – 494.")
                        .pages())
                .isEqualTo("490-494");
    }

    @Test
    void readsHarvardEntriesWhoseYearFollowsAnInitialWithoutAStop() {
        ParsedReference r = parse("Applebaum, B 1987 Criteria for Treatment: Reversibility. Journal of the American"
                + " Institute for Conservation 26, 65–73.");
        assertThat(r.authors()).extracting(ParsedAuthor::family).containsExactly("Applebaum");
        assertThat(r.year()).isEqualTo(1987);
        assertThat(r.title()).isEqualTo("Criteria for Treatment: Reversibility");
        assertThat(r.journal()).isEqualTo("Journal of the American Institute for Conservation");
        assertThat(r.volume()).isEqualTo("26");
        assertThat(r.pages()).isEqualTo("65-73");
    }

    @Test
    void closingRangesKeepsSpacesThatAreNoRangesDash() {
        assertThat(Pages.closeRanges("Cell 62, 339– 352; vol 5 - 6 and 7 -x, a - 9"))
                .isEqualTo("Cell 62, 339–352; vol 5-6 and 7 -x, a - 9");
    }

    @Test
    void readsIssueDoiAndElectronicPages() {
        ParsedReference r = parse(
                "Carey RM, Calhoun DA. \"Resistant Hypertension: Detection.\" Hypertension 72(5) (2018):e53-e90. doi:10.1161/HYP.0000000000000084");
        assertThat(r.journal()).isEqualTo("Hypertension");
        assertThat(r.volume()).isEqualTo("72");
        assertThat(r.issue()).isEqualTo("5");
        assertThat(r.pages()).isEqualTo("e53-e90");
        assertThat(r.year()).isEqualTo(2018);
        assertThat(r.doi()).isEqualTo("10.1161/HYP.0000000000000084");
        assertThat(r.title()).isEqualTo("Resistant Hypertension: Detection");
    }

    @Test
    void keepsParenthesesInsideDoiUrls() {
        ParsedReference r = parse(
                "Michael Böhm. \"Renal denervation.\" *The Lancet* 395 (2020):1444-1451. https://doi.org/10.1016/S0140-6736(20)30554-7.");
        assertThat(r.doi()).isEqualTo("10.1016/S0140-6736(20)30554-7");
        assertThat(r.journal()).isEqualTo("The Lancet");
    }

    @Test
    void readsJournalsWithColonsAndApostrophesWithoutEmphasis() {
        ParsedReference r = parse(
                "Geert D'Haens. \"Crohn's disease.\" Journal of Crohn's and Colitis: Official 15 (2021):1629-1638.");
        assertThat(r.journal()).isEqualTo("Journal of Crohn's and Colitis: Official");
        assertThat(r.volume()).isEqualTo("15");
        assertThat(r.pages()).isEqualTo("1629-1638");
    }

    @Test
    void readsCurlyQuotesAndMissingVolume() {
        ParsedReference r = parse("Ana Lopez. “A title with a “nested” phrase.” *BMJ* (2019):l1234.");
        assertThat(r.title()).isEqualTo("A title with a “nested” phrase");
        assertThat(r.volume()).isNull();
        assertThat(r.year()).isEqualTo(2019);
        assertThat(r.pages()).isEqualTo("l1234");
    }

    @Test
    void readsVancouverEntries() {
        ParsedReference r = parse(
                "Sundy JS, Baraf HS, Yood RA. Efficacy of pegloticase in refractory gout. JAMA. 2011;306(7):711-720.");
        assertThat(r.authors()).extracting(ParsedAuthor::family).containsExactly("Sundy", "Baraf", "Yood");
        assertThat(r.title()).isEqualTo("Efficacy of pegloticase in refractory gout");
        assertThat(r.journal()).isEqualTo("JAMA");
        assertThat(r.volume()).isEqualTo("306");
        assertThat(r.issue()).isEqualTo("7");
        assertThat(r.pages()).isEqualTo("711-720");
        assertThat(r.year()).isEqualTo(2011);
    }

    @Test
    void endsVancouverAuthorsBeforeATitleOpeningWithTheArticleA() {
        ParsedReference r = parse("Knopp S, Rinaldi L, Rollinson D. A single FLOTAC is more sensitive than triplicate "
                + "Kato-Katz. Trans R Soc Trop Med Hyg. 2009;103:347-54.");
        assertThat(r.authors()).extracting(ParsedAuthor::family).containsExactly("Knopp", "Rinaldi", "Rollinson");
        assertThat(r.title()).isEqualTo("A single FLOTAC is more sensitive than triplicate Kato-Katz");
        assertThat(r.journal()).isEqualTo("Trans R Soc Trop Med Hyg");
    }

    @Test
    void readsAColonInTheTitleAfterVancouverAuthorsAsTitleText() {
        ParsedReference r = parse("Cringoli G, Rinaldi L, Maurelli MP, Utzinger J. FLOTAC: new multivalent techniques "
                + "for diagnosis of parasites. Nat Protoc. 2010;5:503-15.");
        assertThat(r.authors()).hasSize(4);
        assertThat(r.title()).isEqualTo("FLOTAC: new multivalent techniques for diagnosis of parasites");
        ParsedReference boyer = parse("Boyer P. Religion: Bound to believe? Nature. 2008;455:1038-9.");
        assertThat(boyer.authors()).extracting(ParsedAuthor::family).containsExactly("Boyer");
        assertThat(boyer.title()).isEqualTo("Religion: Bound to believe?");
    }

    @Test
    void readsAQuotedWordInsideATitleAsPartOfTheTitle() {
        ParsedReference r = parse("Stark R. Physiology and faith: Addressing the “universal” gender difference in "
                + "religious commitment. J Sci Stud Relig. 2002;41:495-507.");
        assertThat(r.authors()).extracting(ParsedAuthor::family).containsExactly("Stark");
        assertThat(r.title())
                .isEqualTo(
                        "Physiology and faith: Addressing the “universal” gender difference in religious commitment");
        assertThat(r.journal()).isEqualTo("J Sci Stud Relig");
    }

    @Test
    void readsAcsJournalAbbreviationsWithWholeWordsBetween() {
        ParsedReference r = parse("Meca G, Zinedine A. Advances on the toxicity of the cereal contamination Fusarium "
                + "esadepsipeptides. Cereal Res. Commun. 2010, 38, 1–10.");
        assertThat(r.journal()).isEqualTo("Cereal Res. Commun");
        assertThat(r.title())
                .isEqualTo("Advances on the toxicity of the cereal contamination Fusarium esadepsipeptides");
        assertThat(r.year()).isEqualTo(2010);
        assertThat(r.volume()).isEqualTo("38");
        ParsedReference arch = parse("Yli-Mattila T, Paavanen S. In vitro mycotoxin production of Fusarium species. "
                + "Arch. Phytopathol. Plant Prot. 2008, 41, 89–97.");
        assertThat(arch.journal()).isEqualTo("Arch. Phytopathol. Plant Prot");
    }

    @Test
    void readsAYearClosedByAPeriodBeforeTheVolume() {
        ParsedReference r = parse("Ligers A, Xu C, Olerup O. The CTLA-4 gene is associated with multiple sclerosis. "
                + "J Neuroimmunol. 1999. 97(1-2): 182-190");
        assertThat(r.journal()).isEqualTo("J Neuroimmunol");
        assertThat(r.year()).isEqualTo(1999);
        assertThat(r.volume()).isEqualTo("97");
        assertThat(r.issue()).isEqualTo("1-2");
        assertThat(r.pages()).isEqualTo("182-190");
    }

    @Test
    void readsApaEntries() {
        ParsedReference r = parse(
                "Kellner, C. H., & Greenberg, R. M. (2019). Electroconvulsive therapy: the gold standard? Journal of ECT, 35(2), 75–76.");
        assertThat(r.title()).isEqualTo("Electroconvulsive therapy: the gold standard?");
        assertThat(r.journal()).isEqualTo("Journal of ECT");
        assertThat(r.volume()).isEqualTo("35");
        assertThat(r.issue()).isEqualTo("2");
        assertThat(r.pages()).isEqualTo("75-76");
        assertThat(r.year()).isEqualTo(2019);
    }

    @Test
    void warnsAboutAnEntryItCannotSplit() {
        ParsedReference r = parse("see the supplementary material");
        assertThat(r.title()).isEqualTo("see the supplementary material");
        assertThat(log.toList()).anyMatch(i -> i.code() == ParseIssue.Code.MALFORMED_REFERENCE);
    }

    @Test
    void capsHugeEntries() {
        ParsedReference r = parse("A".repeat(100_000));
        assertThat(r.title().length()).isLessThan(1000);
        assertThat(log.toList()).anyMatch(i -> i.code() == ParseIssue.Code.MALFORMED_REFERENCE);
    }

    @Test
    void readsNumbersByTheirLabelsInIeeeStyle() {
        ParsedReference r = parse(
                "K. Tanaka, M. Ortiz, and L. Berg, “Root growth of barley under drought stress,” Field Crops Research, vol. 38, no. 9-10, pp. 1137–1154, 2007.");
        assertThat(r.authors()).extracting(ParsedAuthor::family).containsExactly("Tanaka", "Ortiz", "Berg");
        assertThat(r.title()).isEqualTo("Root growth of barley under drought stress");
        assertThat(r.journal()).isEqualTo("Field Crops Research");
        assertThat(r.volume()).isEqualTo("38");
        assertThat(r.issue()).isEqualTo("9-10");
        assertThat(r.pages()).isEqualTo("1137-1154");
        assertThat(r.year()).isEqualTo(2007);
    }

    @Test
    void readsAnUnlabelledVolumeBeforeLabelledPages() {
        ParsedReference r = parse(
                "Tanaka, K., & Ortiz, M. (2007). Root growth of barley under drought stress. Field Crops Research, 38(4), pp. 1137-1154.");
        assertThat(r.journal()).isEqualTo("Field Crops Research");
        assertThat(r.volume()).isEqualTo("38");
        assertThat(r.issue()).isEqualTo("4");
        assertThat(r.pages()).isEqualTo("1137-1154");
        assertThat(r.year()).isEqualTo(2007);
    }

    @Test
    void readsALabelledVolumeWithoutPages() {
        ParsedReference r =
                parse("T. Doe and A. Hall, “New findings on row spacing in maize,” Crop Notes, vol. 12, no. 2, 2002.");
        assertThat(r.volume()).isEqualTo("12");
        assertThat(r.issue()).isEqualTo("2");
        assertThat(r.pages()).isNull();
        assertThat(r.year()).isEqualTo(2002);
    }

    @Test
    void readsAuthorYearEntriesWhoseYearHasNoParentheses() {
        ParsedReference royal = parse(
                "Tanaka K, Ortiz M. 2007 Root growth of barley under drought. Proc. R. Soc. B 274, 1137–1154. (doi:10.5555/rspb.2007.1)");
        assertThat(royal.authors()).extracting(ParsedAuthor::family).containsExactly("Tanaka", "Ortiz");
        assertThat(royal.title()).isEqualTo("Root growth of barley under drought");
        assertThat(royal.journal()).isEqualTo("Proc. R. Soc. B");
        assertThat(royal.volume()).isEqualTo("274");
        assertThat(royal.pages()).isEqualTo("1137-1154");
        assertThat(royal.year()).isEqualTo(2007);
        ParsedReference elife = parse(
                "Tanaka K, Ortiz M, Berg L. 2007. Root growth of barley under drought. Field Crops Research 38:1137–1154.");
        assertThat(elife.authors()).hasSize(3);
        assertThat(elife.title()).isEqualTo("Root growth of barley under drought");
        assertThat(elife.journal()).isEqualTo("Field Crops Research");
        assertThat(elife.year()).isEqualTo(2007);
        ParsedReference harvard = parse(
                "Tanaka, K., Ortiz, M., 2007. Root growth of barley under drought. Field Crops Res. 38, 1137–1154.");
        assertThat(harvard.authors()).extracting(ParsedAuthor::family).containsExactly("Tanaka", "Ortiz");
        assertThat(harvard.title()).isEqualTo("Root growth of barley under drought");
        assertThat(harvard.year()).isEqualTo(2007);
    }

    @Test
    void aYearOpeningAVancouverTitleIsNotTheEntrysYear() {
        ParsedReference r = parse("Tanaka K, Ortiz M. 2007 census of barley farms. Farm Stat J. 2009;12:33-41.");
        assertThat(r.year()).isEqualTo(2009);
        assertThat(r.title()).isEqualTo("2007 census of barley farms");
    }

    @Test
    void readsTheVolumeAfterAVancouverYearWithItsMonth() {
        ParsedReference r =
                parse("Tanaka K, Ortiz M. Root growth of barley. Field Crops Res. 2007 Jan-Feb;38(2):1137-54.");
        assertThat(r.year()).isEqualTo(2007);
        assertThat(r.volume()).isEqualTo("38");
        assertThat(r.issue()).isEqualTo("2");
        assertThat(r.pages()).isEqualTo("1137-54");
    }

    @Test
    void readsAcsAuthorsWithSpacedInitials() {
        ParsedReference r =
                parse("Tanaka, K. J.; Ortiz, M. Root Growth of Barley. J. Agric. Food Chem. 2007, 55, 1137–1154.");
        assertThat(r.authors()).extracting(ParsedAuthor::family).containsExactly("Tanaka", "Ortiz");
        assertThat(r.title()).isEqualTo("Root Growth of Barley");
        assertThat(r.volume()).isEqualTo("55");
    }

    @Test
    void readsACorporateAuthorOfAVancouverEntry() {
        ParsedReference r = parse("World Health Organization. World malaria report 2011. Geneva: WHO; 2011.");
        assertThat(r.authors()).extracting(ParsedAuthor::family).containsExactly("World Health Organization");
        assertThat(r.title()).isEqualTo("World malaria report 2011");
        assertThat(r.year()).isEqualTo(2011);
        ParsedReference body =
                parse("Ministry of Public Health and Social Assistance. Annual report. Guatemala; 2010.");
        assertThat(body.authors())
                .extracting(ParsedAuthor::family)
                .containsExactly("Ministry of Public Health and Social Assistance");
    }

    @Test
    void readsAbntEntriesWithTheirVolumeIssueAndPageLabels() {
        ParsedReference r = parse(
                "TANAKA, K. J.; ORTIZ, M. Crescimento de raízes de cevada. Revista de Agronomia, v. 38, n. 4, p. 1137-1154, 2007.");
        assertThat(r.authors()).extracting(ParsedAuthor::family).containsExactly("TANAKA", "ORTIZ");
        assertThat(r.title()).isEqualTo("Crescimento de raízes de cevada");
        assertThat(r.journal()).isEqualTo("Revista de Agronomia");
        assertThat(r.volume()).isEqualTo("38");
        assertThat(r.issue()).isEqualTo("4");
        assertThat(r.pages()).isEqualTo("1137-1154");
        assertThat(r.year()).isEqualTo(2007);
    }

    @Test
    void aRegisteredMarkAfterTheJournalIsNoPartOfItsName() {
        assertThat(parse(
                                "Chen Y, Kanju P, Fang Q. TRPV4 is necessary for trigeminal irritant pain. PAINÒ 2014;155:1295–304.")
                        .journal())
                .isEqualTo("PAIN");
        assertThat(parse("Fischer M, Carli G. The interphase of the formalin test. PAIN® 2013;155:511–21.")
                        .journal())
                .isEqualTo("PAIN");
        assertThat(parse("Rao S. Salvage regimens. Ann Oncol 2013;24:511–21.").journal())
                .isEqualTo("Ann Oncol");
    }

    @Test
    void anInitialWhosePeriodStandsApartStillEndsTheName() {
        ParsedReference r = parse("Kafadar, K . and Tukey, J. W. (1993). U.S. Cancer death rates: A simple adjustment"
                + " for urbanization. International Statistical Review 61, 257-281.");

        assertThat(r.authors())
                .containsExactly(new ParsedAuthor("Kafadar", "K.", null), new ParsedAuthor("Tukey", "J. W.", null));
        assertThat(r.year()).isEqualTo(1993);
        assertThat(r.title()).isEqualTo("U.S. Cancer death rates: A simple adjustment for urbanization");
    }
}
