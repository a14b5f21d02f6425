package com.refractoryatlas.importer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.importer.parse.layout.Layout;
import com.refractoryatlas.importer.parse.layout.LayoutLine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What front pages print above the title, as pdftotext gives it: none of it is the title. */
class FrontPageTests {

    private static final DocumentParser PARSER = new DocumentParser();

    /** Where no byline marks the title, the citation line above it must not be taken for it. */
    @Test
    void theJournalsCitationLineWithASpacedDashIsNoTitle() {
        String text = """
                Journal of Affective Disorders 48 (2005) 755 – 764
                www.elsevier.com/locate/jad

                Ketamine infusions for treatment-resistant depression:
                a randomised trial

                Department of Psychiatry, University of North Carolina, Chapel Hill, NC 27599, USA

                Received 19 December 2003; accepted 19 March 2004

                Abstract
                Ketamine was given to adults whose depression had resisted two antidepressants.

                References
                [1] Smith J, Jones K. Ketamine in resistant depression. J Affect Disord 2010;12:1–9.
                """;
        JournalArticle a = (JournalArticle) PARSER.parse("jad.txt", text);

        assertThat(a.metadata().title())
                .isEqualTo("Ketamine infusions for treatment-resistant depression: a randomised trial");
    }

    /**
     * The American Journal of Epidemiology's front page (2003): the journal's name, a copyright notice, volume and
     * "Printed in U.S.A.", the DOI, then the article type in capitals over the title.
     */
    @Test
    void aJournalNameCopyrightNoticePrintLineAndArticleTypeAreNoTitle() {
        String text = """
                American Journal of Epidemiology
                Copyright © 2003 by the Johns Hopkins Bloomberg School of Public Health
                All rights reserved

                Vol. 157, No. 4
                Printed in U.S.A.
                DOI: 10.1093/aje/kwf215

                PRACTICE OF PSYCHIATRY
                Clozapine for Treatment-Resistant Schizophrenia: An
                Orientation

                1 Department of Psychiatry, McGill University, Montreal, Quebec, Canada.

                Received for publication January 7, 2000; accepted for publication August 7, 2002.

                Clozapine is the drug of choice when two antipsychotics have failed (1).

                REFERENCES
                1. Kane J, Honigfeld G, Singer J, et al. Clozapine for the treatment-resistant schizophrenic. Arch Gen Psychiatry 1988;45:789-96.
                """;
        JournalArticle a = (JournalArticle) PARSER.parse("aje.txt", text);

        assertThat(a.metadata().title()).isEqualTo("Clozapine for Treatment-Resistant Schizophrenia: An Orientation");
    }

    /** BMC's provisional PDFs list the authors one a line, each with an address, as many lines as authors. */
    @Test
    void aBlockOfAddressedNamesOneALineIsTheByline() {
        String text = """
                Inhaled iloprost for refractory pulmonary hypertension in neonates: a pilot trial

                Trials 2014, 15:486 doi:10.1186/1745-6215-15-486

                Beena G Sood (bsood@med.example.edu)
                Martin Keszler (mkeszler@example.org)
                Meena Garg (mgarg@example.edu)
                Jonathan M Klein (jonathan-klein@example.edu)
                Robin Ohls (rohls@example.edu)

                ISSN 1745-6215

                Background
                Neonates whose hypoxemia resisted inhaled nitric oxide received iloprost [1].

                References
                1. Kelly LK, Porta NF, Goodman DM. Inhaled prostacyclin for term infants. J Pediatr 2002;141:830-2.
                """;
        JournalArticle a = (JournalArticle) PARSER.parse("trials.txt", text);

        assertThat(a.metadata().authors())
                .extracting(ParsedAuthor::family)
                .containsExactly("Sood", "Keszler", "Garg", "Klein", "Ohls");
    }

    /**
     * A title's second line in capitalised words reads like names until a title word shows in it (MDPI, Cell, Hindawi
     * front pages as pdftotext gives them): the title goes on, and the byline is the line of names under it.
     */
    @Test
    void aTitleLineOfCapitalisedWordsHoldingATitleWordIsNoByline() {
        String text = """
                Article

                Construction of a Genome-Scale Kinetic Model of
                Mycobacterium Tuberculosis Using Generic Rate Equations
                Delali A. Adiamah and Jean-Marc Schwartz *
                Manchester Institute of Biotechnology, University of Manchester, Manchester M1 7DN, UK

                Abstract: Kinetic models of refractory tuberculosis are built from generic rate equations.

                References
                1. Smith J, Jones K. Kinetic models of tuberculosis. J Theor Biol 2010;12:1–9.
                """;
        JournalArticle a = (JournalArticle) PARSER.parse("metabolites.txt", text);

        assertThat(a.metadata().title())
                .isEqualTo(
                        "Construction of a Genome-Scale Kinetic Model of Mycobacterium Tuberculosis Using Generic Rate"
                                + " Equations");
        assertThat(a.metadata().authors()).extracting(ParsedAuthor::family).containsExactly("Adiamah", "Schwartz");
    }

    /**
     * An NIH author manuscript's first page (PubMed Central) sets "NIH Public Access" larger than the title; the
     * banner is no title in a PDF's type sizes either.
     */
    @Test
    void anAuthorManuscriptsBannerInLargerTypeIsNoTitle() {
        List<LayoutLine> lines = new ArrayList<>();
        Documents.styledLine(lines, "NIH Public Access", 22, false);
        Documents.styledLine(lines, "Author Manuscript", 14, true);
        Documents.styledLine(
                lines, "Published in final edited form as: Stat Med. 2013 August 30; 32(19): 3388–3414.", 10, false);
        Documents.styledLine(lines, "Ketamine for Treatment-Resistant Depression in", 14, true);
        Documents.styledLine(lines, "Adults: a Randomised Trial", 14, true);
        Documents.styledLine(lines, "Jane Smith a,*, John Doe b", 10, true);
        Documents.styledLine(lines, "Abstract", 10, true);
        for (int i = 0; i < 12; i++) {
            Documents.styledLine(
                    lines,
                    "Ketamine was given to adults whose depression had resisted two antidepressants, and",
                    10,
                    false);
        }
        Documents.styledLine(lines, "References", 10, true);
        Documents.styledLine(
                lines,
                "1. Smith J, Jones K. Ketamine in resistant depression. J Affect Disord 2010;12:1–9.",
                10,
                false);

        JournalArticle a =
                (JournalArticle) TextPipeline.parse("nihms.pdf", new Layout(lines, 1), ParserSettings.defaults());

        assertThat(a.metadata().title())
                .isEqualTo("Ketamine for Treatment-Resistant Depression in Adults: a Randomised Trial");
        assertThat(a.metadata().authors()).extracting(ParsedAuthor::family).containsExactly("Smith", "Doe");
    }

    /** Cell Press's summary page as pdftotext gives it: labels glued under the title and over the names. */
    @Test
    void cellPresssSummaryPageLabelsAreNeitherTitleNorByline() {
        String text = """
                Article

                Ketamine Infusions by Tissue-Resident
                Innate Lymphoid Cells and Innate-like T Cells
                Graphical Abstract

                Authors
                Jane Smith, John Doe,
                Anna Lee, ..., Mark Brown,
                Ming O. Li

                Correspondence
                lim@example.org

                Introduction
                Ketamine was given to adults whose depression had resisted two antidepressants.

                References
                1. Smith J, Jones K. Ketamine in resistant depression. J Affect Disord 2010;12:1–9.
                """;
        JournalArticle a = (JournalArticle) PARSER.parse("cell.txt", text);

        assertThat(a.metadata().title())
                .isEqualTo("Ketamine Infusions by Tissue-Resident Innate Lymphoid Cells and Innate-like T Cells");
        assertThat(a.metadata().authors())
                .extracting(ParsedAuthor::family)
                .containsExactly("Smith", "Doe", "Lee", "Brown", "Li");
    }
}
