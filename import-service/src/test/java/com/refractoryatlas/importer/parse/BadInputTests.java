package com.refractoryatlas.importer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

class BadInputTests {

    private static final DocumentParser PARSER = new DocumentParser();

    private static ParseIssue onlyError(ParsedDocument doc) {
        assertThat(doc).isInstanceOf(Unrecognized.class);
        return doc.issues().stream()
                .filter(i -> i.severity() == ParseIssue.Severity.ERROR)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void rejectsEmptyText() {
        assertThat(onlyError(PARSER.parse("empty.txt", "")).code()).isEqualTo(ParseIssue.Code.EMPTY_DOCUMENT);
        assertThat(onlyError(PARSER.parse("empty.txt", new byte[0])).code()).isEqualTo(ParseIssue.Code.EMPTY_DOCUMENT);
    }

    @Test
    void rejectsWhitespaceOnly() {
        ParseIssue issue = onlyError(PARSER.parse("blank.txt", " \n\t\r\n  \n"));
        assertThat(issue.code()).isEqualTo(ParseIssue.Code.EMPTY_DOCUMENT);
        assertThat(issue.message()).contains("whitespace");
    }

    @Test
    void rejectsNulBytesWithTheirLine() {
        ParseIssue issue = onlyError(PARSER.parse("nul.txt", "Title\n\nsome text\u0000more"));
        assertThat(issue.code()).isEqualTo(ParseIssue.Code.BINARY_CONTENT);
        assertThat(issue.line()).isEqualTo(3);
    }

    @Test
    void rejectsBinaryContent() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
        ParseIssue issue = onlyError(PARSER.parse("image.png", png));
        assertThat(issue.code()).isIn(ParseIssue.Code.INVALID_UTF8, ParseIssue.Code.BINARY_CONTENT);
        StringBuilder controls = new StringBuilder("Title\n");
        for (int i = 0; i < 200; i++) {
            controls.append((char) 0x01).append('x');
        }
        assertThat(onlyError(PARSER.parse("ctl.txt", controls.toString())).code())
                .isEqualTo(ParseIssue.Code.BINARY_CONTENT);
    }

    @Test
    void rejectsInvalidUtf8WithTheLineOfTheBadByte() {
        byte[] good = "Title\n\nline two\nline three ".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[good.length + 2];
        System.arraycopy(good, 0, bytes, 0, good.length);
        bytes[good.length] = (byte) 0xC3;
        bytes[good.length + 1] = (byte) 0x28;
        ParseIssue issue = onlyError(PARSER.parse("latin1.txt", bytes));
        assertThat(issue.code()).isEqualTo(ParseIssue.Code.INVALID_UTF8);
        assertThat(issue.line()).isEqualTo(4);
        assertThat(issue.message()).contains("0xc3");
    }

    @Test
    void acceptsValidUtf8BytesIncludingABom() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = Documents.seed("002").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, bytes, 0, bom.length);
        System.arraycopy(text, 0, bytes, bom.length, text.length);
        assertThat(PARSER.parse("002.txt", bytes)).isInstanceOf(ExplainerPage.class);
    }

    @Test
    void rejectsHtmlPages() {
        String html =
                "<!DOCTYPE html>\n<html><head><title>x</title></head><body><p>Refractory epilepsy</p></body></html>";
        assertThat(onlyError(PARSER.parse("page.html", html)).code()).isEqualTo(ParseIssue.Code.HTML_NOT_SUPPORTED);
        String fragment = "<div>\n<p>One</p>\n<p>Two</p>\n<ul><li>a</li><li>b</li></ul>\n</div>";
        assertThat(onlyError(PARSER.parse("fragment.html", fragment)).code())
                .isEqualTo(ParseIssue.Code.HTML_NOT_SUPPORTED);
    }

    @Test
    void keepsAFewAngleBracketsInText() {
        String text = Documents.seed("002").replace("a sufficient dose", "a dose with p < 0.05 and n > 10");
        assertThat(PARSER.parse("002.txt", text)).isInstanceOf(ExplainerPage.class);
    }

    @Test
    void rejectsTextOverTheConfiguredLimit() {
        DocumentParser small = new DocumentParser(ParserSettings.defaults().withMaxBytes(1000));
        String seed = Documents.seed("000");
        ParseIssue issue = onlyError(small.parse("000.txt", seed));
        assertThat(issue.code()).isEqualTo(ParseIssue.Code.TOO_LARGE);
        assertThat(issue.message()).contains("1000");
        assertThat(onlyError(small.parse("000.txt", seed.getBytes(StandardCharsets.UTF_8)))
                        .code())
                .isEqualTo(ParseIssue.Code.TOO_LARGE);
        assertThat(new DocumentParser().settings().maxBytes()).isEqualTo(5L * 1024 * 1024);
    }

    @Test
    void countsMultibyteCharactersAgainstTheLimit() {
        DocumentParser small = new DocumentParser(ParserSettings.defaults().withMaxBytes(100));
        String text = "é".repeat(60);
        assertThat(onlyError(small.parse("accents.txt", text)).code()).isEqualTo(ParseIssue.Code.TOO_LARGE);
    }

    @Test
    void reportsGarbageThatIsNeitherArticleNorExplainer() {
        ParseIssue issue = onlyError(PARSER.parse("x.txt", "just a line"));
        assertThat(issue.code()).isEqualTo(ParseIssue.Code.UNRECOGNIZED_LAYOUT);
    }

    @Test
    void reportsDuplicateAndMissingReferenceNumbersWithLines() {
        String text = Documents.seed("000")
                .replace("3. Genovese, Mark C.", "2. Genovese, Mark C.")
                .replace("5. Sormani, Maria Pia", "15. Sormani, Maria Pia");
        JournalArticle article = (JournalArticle) PARSER.parse("000.txt", text);

        assertThat(article.issues())
                .filteredOn(i -> i.code() == ParseIssue.Code.DUPLICATE_REFERENCE_NUMBER)
                .singleElement()
                .satisfies(i -> assertThat(i.line()).isEqualTo(lineOf(text, "2. Genovese")));
        assertThat(article.issues())
                .filteredOn(i -> i.code() == ParseIssue.Code.MISSING_REFERENCE_NUMBER)
                .isNotEmpty()
                .allMatch(i -> i.line() != null);
        assertThat(article.issues())
                .filteredOn(i -> i.code() == ParseIssue.Code.UNKNOWN_CITATION)
                .isNotEmpty();
        assertThat(article.references()).extracting(ParsedReference::number).doesNotHaveDuplicates();
    }

    @Test
    void reportsUnknownAndUncitedReferences() {
        String text = Documents.seed("004")
                .replace("overall clinical status of these patients", "status [42]")
                .replace("last-ditch effort for those on the brink[9]", "last-ditch effort for those on the brink");
        String withoutNine = text.replace("in dire circumstances[9]", "in dire circumstances");
        JournalArticle article = (JournalArticle) PARSER.parse("004.txt", withoutNine);
        assertThat(article.issues())
                .filteredOn(i -> i.code() == ParseIssue.Code.UNKNOWN_CITATION)
                .singleElement()
                .satisfies(i -> assertThat(i.message()).contains("[42]"));
        assertThat(article.issues())
                .filteredOn(i -> i.code() == ParseIssue.Code.UNCITED_REFERENCE)
                .singleElement()
                .satisfies(i -> assertThat(i.line()).isEqualTo(lineOf(withoutNine, "9. Fahad Al-Habash")));
        assertThat(article.citations()).extracting(ParsedCitation::number).doesNotContain(9, 42);
    }

    @Test
    void handlesTenThousandMarkersInBoundedTimeWithCappedIssues() {
        StringBuilder text = new StringBuilder("A Title\n\nJane Doe\n\nIntroduction\n\n");
        for (int i = 1; i <= 10_000; i++) {
            text.append("Claim ").append(i).append(" is supported [").append(i).append("]. ");
        }
        text.append("\n\nReferences\n\n1. Doe, Jane. \"A work.\" *J Test* 1 (2020):1-2.\n");
        ParsedDocument doc = Assertions.assertTimeoutPreemptively(
                Duration.ofSeconds(20), () -> PARSER.parse("markers.txt", text.toString()));
        assertThat(doc).isInstanceOf(JournalArticle.class);
        assertThat(doc.issues())
                .filteredOn(i -> i.code() == ParseIssue.Code.UNKNOWN_CITATION)
                .hasSize(ParserSettings.defaults().maxIssuesPerCode());
        assertThat(doc.issues())
                .filteredOn(i -> i.code() == ParseIssue.Code.TRUNCATED_ISSUES)
                .singleElement()
                .satisfies(i -> assertThat(i.message()).contains("(9998 in all)"));
    }

    @Test
    void ignoresCitationRangesWiderThanTheLimit() {
        String text = Documents.seed("000").replace("[1]. Similarly", "[1-5000]. Similarly");
        JournalArticle article = (JournalArticle) PARSER.parse("000.txt", text);
        assertThat(article.issues()).anyMatch(i -> i.code() == ParseIssue.Code.CITATION_RANGE_TOO_LARGE);
    }

    static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
