package com.refractoryatlas.importer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Elsevier's older front page as pdftotext gives it: the journal's citation line and homepage above the title. */
class ElsevierLayoutTests {

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
}
