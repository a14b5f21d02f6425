package com.refractoryatlas.importer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.importer.parse.layout.Layout;
import org.junit.jupiter.api.Test;

/** Words set in small capitals that pdftotext split after their first letter are joined again. */
class SmallCapitalsTests {

    /** The shape pdftotext gives a Biostatistics reference list: a space after the full-size capital and before commas. */
    private static final String ARTICLE = """
            Biostatistics (2001), 2, 4, pp. 397–416

            Ketamine in refractory depression: a multilevel case study

            JANE SMITH, JOHN DOE

            S UMMARY
            Multilevel models for ketamine trials in refractory depression are reviewed.

            1. I NTRODUCTION
            Random effects models (Breslow and Clayton, 1993) are common in such trials.

            R EFERENCES
            B RESLOW , N. E. AND C LAYTON , D. G. (1993). Approximate inference in generalized linear mixed models. Journal
            of the American Statistical Association 88, 9–25.
            H U , F. B., G OLDBERG , J. AND H EDEKER , D. (1998). Comparison of population-averaged and subject-specific
            approaches for analyzing repeated binary outcomes. American Journal of Epidemiology 147, 694–703.
            M UTH E\u0301N , B. O. AND C URRAN , P. J. (1997). General longitudinal modelling of individual differences in
            experimental designs. Psychological Methods 2, 371–402.
            W OLFINGER , R. AND O’C ONNELL , M. (1993). Generalized linear mixed models: a pseudo-likelihood approach.
            Journal of Statistical Computation and Simulation 48, 233–243.
            """;

    @Test
    void aReferenceListInSmallCapitalsReadsEveryEntryWithItsAuthors() {
        JournalArticle a = (JournalArticle) new DocumentParser().parse("biostatistics.txt", ARTICLE);

        assertThat(a.references())
                .extracting(r -> r.authors().get(0).family() + "/" + r.authors().size() + "/" + r.year())
                .containsExactly("BRESLOW/2/1993", "HU/3/1998", "MUTHÉN/2/1997", "WOLFINGER/2/1993");
        assertThat(a.references().get(3).authors().get(1).family()).isEqualTo("O’CONNELL");
        assertThat(a.references().get(0).journal()).isEqualTo("Journal of the American Statistical Association");
    }

    @Test
    void splitWordsJoinAndCommasCloseUpOnlyInADocumentSetSo() {
        Layout layout = Documents.layout(
                "S UMMARY",
                "B RESLOW , N. E. AND C LAYTON , D. G. (1993). Approximate inference.",
                "C ARLIN , J. B., W OLFE , R., C OFFEY, C. AND PATTON , G. C. (1999). Analysis.",
                "G ELMAN , A. AND RUBIN , D. B. (1992). Inference, with H. A AND B.");

        assertThat(Documents.texts(SmallCapitals.joined(layout)))
                .containsExactly(
                        "SUMMARY",
                        "BRESLOW, N. E. AND CLAYTON, D. G. (1993). Approximate inference.",
                        "CARLIN, J. B., WOLFE, R., COFFEY, C. AND PATTON, G. C. (1999). Analysis.",
                        "GELMAN, A. AND RUBIN, D. B. (1992). Inference, with H. A AND B.");
    }

    @Test
    void aDocumentWithoutSplitEntryStartsIsLeftAsPrinted() {
        Layout layout = Documents.layout(
                "A NEW METHOD FOR REFRACTORY EPILEPSY",
                "B RESLOW , N. E. (1993). One entry alone is no evidence.",
                "C LAYTON , D. G. (1993). Nor are two.",
                "Let X AND Y be the outcomes , and I NTRODUCTION a word.");

        assertThat(SmallCapitals.joined(layout)).isSameAs(layout);
    }
}
