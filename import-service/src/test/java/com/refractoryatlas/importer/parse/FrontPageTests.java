package com.refractoryatlas.importer.parse;

import static org.assertj.core.api.Assertions.assertThat;

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
}
