package com.refractoryatlas.importer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.importer.parse.layout.Layout;
import org.junit.jupiter.api.Test;

/** Line-end hyphens settled by the document's own words. */
class LineEndHyphensTests {

    @Test
    void aWordTheDocumentPrintsWholeIsJoinedOnTheLineThatBrokeIt() {
        Layout layout = Documents.layout(
                "The clinical relevance of ketamine is debated.",
                "   Its rele-",
                "   vance to treatment-resistant depression is clear");

        assertThat(Documents.texts(LineEndHyphens.joined(layout)))
                .containsExactly(
                        "The clinical relevance of ketamine is debated.",
                        "   Its relevance",
                        "   to treatment-resistant depression is clear");
    }

    @Test
    void aCompoundTheDocumentPrintsWithItsHyphenKeepsIt() {
        Layout layout = Documents.layout(
                "Treatment-refractory epilepsy and treatmentrefractory cases",
                "in treatment-",
                "refractory status epilepticus");

        assertThat(LineEndHyphens.joined(layout)).isSameAs(layout);
    }

    @Test
    void aBreakTheVocabularyDoesNotSettleIsLeftAsPrinted() {
        Layout layout = Documents.layout("a rare contra-", "indication of clozapine");

        assertThat(LineEndHyphens.joined(layout)).isSameAs(layout);
    }

    @Test
    void theNextLineIsNeverLeftEmptyOneWordOrOpeningInCapitals() {
        Layout layout = Documents.layout(
                "relevance society scientific",
                "their rele-",
                "vance.",
                "held in the Victorian So-",
                "ciety archives.",
                "Motyl M 2012 Sci-",
                "entific Utopia: II");

        assertThat(LineEndHyphens.joined(layout)).isSameAs(layout);
    }

    @Test
    void aReferenceTitleBrokenAtALineEndReadsWhole() {
        String text = """
                Ketamine in refractory depression

                Jane Smith, John Doe

                Introduction
                The relevance of ketamine to refractory depression is reviewed here [1].

                References
                1. Smith J, Jones K. The clinical rele-
                   vance of ketamine in resistant depression. J Affect Disord 2010;12:1–9.
                """;
        JournalArticle a = (JournalArticle) new DocumentParser().parse("article.txt", text);

        assertThat(a.references())
                .singleElement()
                .extracting(ParsedReference::title)
                .isEqualTo("The clinical relevance of ketamine in resistant depression");
    }
}
