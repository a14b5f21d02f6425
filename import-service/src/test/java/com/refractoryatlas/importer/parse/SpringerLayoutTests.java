package com.refractoryatlas.importer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.importer.parse.layout.Layout;
import com.refractoryatlas.importer.parse.layout.LayoutLine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Springer's journal layout as pdftotext gives it: a byline whose names a dot separates (some fonts map the dot to
 * "Æ"), and fonts that print the ff, fi, fl and ffi ligatures as V, W, X and Y. Written for these tests after
 * Oecologia and Ecological Research articles of 2007–2011.
 */
class SpringerLayoutTests {

    private static final DocumentParser PARSER = new DocumentParser();

    private static final String ARTICLE = """
            Oecologia (2011) 168:301–314
            DOI 10.1007/s00442-011-2172-0

            ORIGINAL PAPER

            Ketamine Wrst, then clozapine: signiWcant diVerences in refractory depression

            Dan Wang • Scott A. Heckathorn • Xianzhong Wang •
            Stacy M. Philpott

            Received: 21 June 2010 / Accepted: 10 October 2011

            Abstract Treatment-resistant depression responded to ketamine with eVects lasting a week.

            Introduction
            Ketamine is used when two antidepressants have failed [1, 2].

            References
            1. Smith J, Jones K (2010) Ketamine has eYcient and speciWc eVects in resistant depression. J Affect Disord 12:1–9
            2. Lee A (2009) Clozapine Xow cytometry of neutrophils. Br J Psychiatry 194:5–12
            """;

    @Test
    void aBylineSeparatedByDotsIsOneAuthorEach() {
        JournalArticle a = (JournalArticle) PARSER.parse("oecologia.txt", ARTICLE);

        assertThat(a.metadata().authors())
                .extracting(ParsedAuthor::family)
                .containsExactly("Wang", "Heckathorn", "Wang", "Philpott");
        JournalArticle mojibake = (JournalArticle) PARSER.parse(
                "ecol-res.txt", ARTICLE.replace(" •\nStacy", " Æ Stacy").replace(" • ", " Æ "));
        assertThat(mojibake.metadata().authors()).hasSize(4);
    }

    @Test
    void ligaturesPrintedAsCapitalsAreRepairedInTitleBodyAndReferences() {
        JournalArticle a = (JournalArticle) PARSER.parse("oecologia.txt", ARTICLE);

        assertThat(a.metadata().title())
                .isEqualTo("Ketamine first, then clozapine: significant differences in refractory depression");
        assertThat(a.references())
                .extracting(ParsedReference::title)
                .containsExactly(
                        "Ketamine has efficient and specific effects in resistant depression",
                        "Clozapine flow cytometry of neutrophils");
    }

    @Test
    void wordsThatOnlyLookLikeLigaturesStay() {
        Layout layout = Documents.layout(
                "arXiv preprint by McVean and Williams, Villers and Wx + Wnt",
                "diVerent eVects, signiWcant", // three repairs: the document qualifies
                "Xenopus Xu Xie Williams Weld");
        List<String> repaired = LigatureLetters.repaired(layout).lines().stream()
                .map(LayoutLine::text)
                .toList();

        assertThat(repaired)
                .containsExactly(
                        "arXiv preprint by McVean and Williams, Villers and Wx + Wnt",
                        "different effects, significant",
                        "Xenopus Xu Xie Williams field");
    }

    @Test
    void aDocumentWithFewerThanThreeLigatureWordsIsLeftAsPrinted() {
        Layout layout = Documents.layout("a diVerent view", "of the signiWcance");

        assertThat(LigatureLetters.repaired(layout)).isSameAs(layout);
    }

    /** Ecological Research (2007): the byline, names a dot apart (a font's "Æ"), printed above a title in larger type. */
    @Test
    void aDotSeparatedBylineAboveAStyledTitleIsTheByline() {
        List<LayoutLine> lines = new ArrayList<>();
        Documents.styledLine(lines, "NOTE AND COMMENT", 10, false);
        Documents.styledLine(lines, "Gerriet Fokuhl Æ Jürgen Heinze Æ Peter Poschlod", 10, true);
        Documents.styledLine(lines, "Ketamine infusions in treatment-resistant depression", 17, false);
        Documents.styledLine(lines, "Received: 15 September 2006 / Accepted: 15 December 2006", 8, false);
        for (int i = 0; i < 12; i++) {
            Documents.styledLine(
                    lines, "Ketamine was given to adults whose depression had resisted two drugs, and", 10, false);
        }
        Documents.styledLine(lines, "References", 10, true);
        Documents.styledLine(
                lines, "Smith J, Jones K (2010) Ketamine in resistant depression. J Affect Disord 12:1–9", 10, false);

        JournalArticle a =
                (JournalArticle) TextPipeline.parse("ecolres.pdf", new Layout(lines, 1), ParserSettings.defaults());

        assertThat(a.metadata().title()).isEqualTo("Ketamine infusions in treatment-resistant depression");
        assertThat(a.metadata().authors())
                .extracting(ParsedAuthor::family)
                .containsExactly("Fokuhl", "Heinze", "Poschlod");
    }
}
