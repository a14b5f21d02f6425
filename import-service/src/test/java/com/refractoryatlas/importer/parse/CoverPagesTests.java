package com.refractoryatlas.importer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.importer.parse.layout.Layout;
import com.refractoryatlas.importer.parse.layout.LayoutLine;
import com.refractoryatlas.importer.parse.layout.TextStyle;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cover page Taylor & Francis puts in front of a downloaded article is no part of the article. */
class CoverPagesTests {

    private static final List<String> COVER = List.of(
            "This article was downloaded by: [University of Melbourne]",
            "On: 03 May 2015, At: 13:01",
            "Publisher: Taylor & Francis",
            "Informa Ltd Registered in England and Wales Registered Number: 1072954",
            "",
            "Journal of Psychiatric Research",
            "Publication details, including instructions for authors and subscription information:",
            "http://www.tandfonline.com/loi/ljpr20",
            "",
            "Ketamine for treatment-resistant depression",
            "Jane Smith & John Doe",
            "Published online: 20 Aug 2007.",
            "",
            "To cite this article: Jane Smith & John Doe (2004) Ketamine for treatment-resistant depression, Journal of",
            "Psychiatric Research, 33:1, 247-258",
            "",
            "PLEASE SCROLL DOWN FOR ARTICLE",
            "Taylor & Francis makes every effort to ensure the accuracy of all the information (the “Content”).",
            "This article may be used for research, teaching, and private study purposes. Terms & Conditions of access",
            "and use can be found at http://",
            "www.tandfonline.com/page/terms-and-conditions");

    private static final List<String> ARTICLE = List.of(
            "Downloaded by [University of Melbourne] at 13:01 03 May 2015",
            "",
            "JOURNAL OF PSYCHIATRIC RESEARCH",
            "Vol. 33, No. 1, pp. 247–258, 2004",
            "",
            "Ketamine for treatment-resistant depression: a randomised trial",
            "Jane Smith,1 and John Doe2",
            "",
            "ABSTRACT",
            "Ketamine was given to adults whose depression had resisted two antidepressants.",
            "",
            "REFERENCES",
            "1. Smith J, Jones K. Ketamine in resistant depression. J Affect Disord 2010;12:1–9.");

    @Test
    void aTextArticleReadsFromItsOwnFrontPageNotFromTheCover() {
        List<String> all = new ArrayList<>(COVER);
        all.add("");
        all.addAll(ARTICLE);
        JournalArticle a = (JournalArticle) new DocumentParser().parse("tandf.txt", String.join("\n", all));

        assertThat(a.metadata().title()).isEqualTo("Ketamine for treatment-resistant depression: a randomised trial");
        assertThat(a.metadata().authors()).extracting(ParsedAuthor::family).containsExactly("Smith", "Doe");
        assertThat(a.references()).hasSize(1);
    }

    @Test
    void aPdfsCoverIsItsWholeFirstPage() {
        List<LayoutLine> lines = new ArrayList<>();
        for (String t : COVER.subList(1, COVER.size())) { // the reader dropped the download stamp already
            lines.add(new LayoutLine(lines.size() + 1, t, style(1, lines.size())));
        }
        lines.add(new LayoutLine(lines.size() + 1, "Full terms of use: http://www.tandfonline.com/", style(1, 40)));
        for (String t : ARTICLE.subList(2, ARTICLE.size())) {
            lines.add(new LayoutLine(lines.size() + 1, t, style(2, lines.size())));
        }

        Layout removed = CoverPages.removed(new Layout(lines, 2));

        assertThat(removed.lines()).allMatch(l -> l.style().page() == 2);
        assertThat(Documents.texts(removed)).first().isEqualTo("JOURNAL OF PSYCHIATRIC RESEARCH");
    }

    @Test
    void aDocumentWithoutTheCoversLinesIsLeftAsPrinted() {
        Layout onlyScrollDown = Documents.layout(
                "Ketamine for treatment-resistant depression", "PLEASE SCROLL DOWN FOR ARTICLE", "Body text.");
        Layout onlyCitation =
                Documents.layout("To cite this article: Smith J (2004) Ketamine. J Psychiatr Res 33:247", "Body text.");

        assertThat(CoverPages.removed(onlyScrollDown)).isSameAs(onlyScrollDown);
        assertThat(CoverPages.removed(onlyCitation)).isSameAs(onlyCitation);
    }

    private static TextStyle style(int page, int row) {
        return new TextStyle(page, 50, 40 + 12 * row, 400, 10, false, false, 0);
    }
}
