package com.refractoryatlas.importer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Reference lists of the chemistry and general-science journals: the American Chemical Society's "(1)" labels, the
 * Royal Society of Chemistry's bare numbers before authors printed initials first, and Science's initials-first list
 * that ends at the comma before the title. The entries are the references of RSC's Polymer Chemistry C3PY01075A and
 * of GBD 2010, as those styles print them.
 */
class InitialsFirstListsTests {

    private static final DocumentParser PARSER = new DocumentParser();

    private static final String FRONT = """
            Copper-mediated living radical polymerisation in alcoholic drinks

            Introduction
            Living radical polymerisation has been reviewed often [1-3].

            References

            """;

    private static JournalArticle parse(String list) {
        return (JournalArticle) PARSER.parse("article.txt", FRONT + list);
    }

    @Test
    void readsTheAmericanChemicalSocietysParenthesizedNumbers() {
        JournalArticle a = parse("""
                (1) Rosen, B. M.; Percec, V. Single-Electron Transfer and Single-Electron Transfer Degenerative Chain \
                Transfer Living Radical Polymerization. Chem. Rev. 2009, 109, 5069–5119.
                (2) Nicolas, J.; Guillaneuf, Y.; Lefay, C.; Bertin, D.; Gigmes, D.; Charleux, B. Nitroxide-Mediated \
                Polymerization. Prog. Polym. Sci. 2013, 38, 63–235.
                (3) Matyjaszewski, K. Atom Transfer Radical Polymerization (ATRP): Current Status and Future \
                Perspectives. Macromolecules 2012, 45, 4015–4039.
                """);

        assertThat(a.references()).extracting(ParsedReference::number).containsExactly(1, 2, 3);
        assertThat(a.references())
                .extracting(r -> r.authors().getFirst().family())
                .containsExactly("Rosen", "Nicolas", "Matyjaszewski");
        assertThat(a.references().get(2).journal()).isEqualTo("Macromolecules");
        assertThat(a.references().get(2).pages()).isEqualTo("4015-4039");
    }

    @Test
    void aParenthesizedNumberBeforeDigitsIsAWrappedIssueNotAnEntry() {
        assertThat(EntryStart.parse("(1) Rosen, B. M.; Percec, V."))
                .isEqualTo(new EntryStart(1, "Rosen, B. M.; Percec, V."));
        assertThat(EntryStart.parse("(2) 123–130.")).isNull();
    }

    @Test
    void readsBareNumbersBeforeAuthorsPrintedInitialsFirst() {
        JournalArticle a = parse("""
                1 J. Nicolas, Y. Guillaneuf, C. Lefay, D. Bertin, D. Gigmes and B. Charleux, Prog. Polym. Sci., \
                2013, 38, 63–235.
                2 M. Ouchi, T. Terashima and M. Sawamoto, Chem. Rev., 2009, 109, 4963–5050.
                3 K. Matyjaszewski, Macromolecules, 2012, 45, 4015–4039.
                """);

        assertThat(a.references()).extracting(ParsedReference::number).containsExactly(1, 2, 3);
        assertThat(a.references().get(0).authors()).hasSize(6);
        assertThat(a.references().get(1).authors())
                .extracting(ParsedAuthor::family)
                .containsExactly("Ouchi", "Terashima", "Sawamoto");
        assertThat(a.references().get(2).volume()).isEqualTo("45");
    }

    @Test
    void aSciencesListOfNamesEndsAtTheCommaBeforeTheTitle() {
        JournalArticle a = parse("""
                1. T. Vos, A. D. Flaxman, M. Naghavi, Years lived with disability (YLDs) for 1160 sequelae of 289 \
                diseases and injuries 1990–2010. Lancet 380, 2163–2196 (2012).
                2. S. Dagenais, J. Caro, S. Haldeman, A systematic review of low back pain cost of illness studies in \
                the United States and internationally. Spine J. 8, 8–20 (2008).
                """);

        ParsedReference first = a.references().getFirst();
        assertThat(first.authors()).extracting(ParsedAuthor::family).containsExactly("Vos", "Flaxman", "Naghavi");
        assertThat(first.title()).startsWith("Years lived with disability");
        assertThat(first.journal()).isEqualTo("Lancet");
        assertThat(first.year()).isEqualTo(2012);
        assertThat(a.references().get(1).authors())
                .extracting(ParsedAuthor::family)
                .first()
                .isEqualTo("Dagenais");
    }

    @Test
    void aBooksEditorsOnAnEntrysSecondLineStartNoEntry() {
        // IJSEM: the editors of a chapter, initials first, open the entry's last line
        JournalArticle a = parse("""
                Lane, D. J. (1991). 16S/23S rRNA sequencing. In Nucleic Acid Techniques in Bacterial Systematics,
                pp. 115–175. Edited by
                E. Stackebrandt & M. Goodfellow. Chichester: Wiley.
                Mesbah, M., Premachandran, U. & Whitman, W. B. (1989). Precise measurement of the G+C content of
                deoxyribonucleic acid by high performance liquid chromatography. Int J Syst Bacteriol 39, 159–167.
                """);

        assertThat(a.references())
                .extracting(r -> r.authors().getFirst().family())
                .containsExactly("Lane", "Mesbah");
    }

    @Test
    void aPnasListEndsAtEtAlAndItsTitleMayOpenWithADigit() {
        JournalArticle a = parse("""
                1. T. Vos, et al., Years lived with disability (YLDs) for 1160 sequelae of 289 diseases and injuries                 1990–2010. Lancet 380, 2163–2196 (2012).
                2. A. Furlan, V. Pennick, C. Bombardier, M. van Tulder, 2009 updated method guidelines for systematic                 reviews in the Cochrane Back Review Group. Spine 34, 1929–1941 (2009).
                """);

        assertThat(a.references().get(0).authors())
                .extracting(ParsedAuthor::family)
                .containsExactly("Vos");
        assertThat(a.references().get(0).title()).startsWith("Years lived with disability");
        assertThat(a.references().get(1).authors())
                .extracting(ParsedAuthor::family)
                .containsExactly("Furlan", "Pennick", "Bombardier", "van Tulder");
        assertThat(a.references().get(1).title()).startsWith("2009 updated method guidelines");
    }
}
