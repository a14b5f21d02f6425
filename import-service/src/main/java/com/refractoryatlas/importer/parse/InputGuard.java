package com.refractoryatlas.importer.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Rejects what is not a readable text document before any parsing: too large, invalid UTF-8, binary, HTML, empty.
 * Every check is one linear pass without regular expressions.
 */
final class InputGuard {

    private static final int HTML_PROBE_CHARS = 65_536;
    private static final int HTML_TAG_THRESHOLD = 5;
    private static final int MAX_TAG_NAME = 10;
    private static final int CONTROL_RATIO_DENOMINATOR = 10;
    private static final int BYTE_MASK = 0xFF;
    private static final String[] HTML_TAGS = {
        "html", "head", "body", "div", "p", "span", "a", "br", "table", "tr", "td", "ul", "ol", "li", "h1", "h2", "h3",
        "h4", "h5", "h6", "script", "style", "meta", "link", "title", "section", "article", "nav", "header", "footer",
        "em", "strong", "b", "i", "img"
    };

    private InputGuard() {}

    /** Decodes strictly; returns null and logs INVALID_UTF8 (with the line of the bad byte) when malformed. */
    static @Nullable String decode(byte[] bytes, IssueLog log) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            log.error(
                    ParseIssue.Code.INVALID_UTF8,
                    "not valid UTF-8: malformed byte 0x"
                            + Integer.toHexString(bytes[Math.min(offset, bytes.length - 1)] & BYTE_MASK)
                            + " at byte offset " + offset
                            + "; save the file as UTF-8 (UTF-16 with a byte-order mark is read too)",
                    lineOfByte(bytes, offset));
            return null;
        }
        out.flip();
        return out.toString();
    }

    private static int lineOfByte(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** UTF-8 length of the text, counting no further than {@code limit + 1}. */
    static long utf8Length(String text, long limit) {
        long n = 0;
        for (int i = 0; i < text.length() && n <= limit; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** Checks decoded text; logs an error and returns false when it is not a text document to parse. */
    static boolean acceptable(String text, IssueLog log) {
        if (text.isBlank()) {
            log.error(
                    ParseIssue.Code.EMPTY_DOCUMENT,
                    text.isEmpty() ? "the document is empty" : "the document contains only whitespace",
                    null);
            return false;
        }
        if (!textual(text, log)) {
            return false;
        }
        if (html(text)) {
            log.error(
                    ParseIssue.Code.HTML_NOT_SUPPORTED,
                    "the document is an HTML page; submit its text (or markdown) instead",
                    firstNonBlankLine(text));
            return false;
        }
        return true;
    }

    private static boolean textual(String text, IssueLog log) {
        int controls = 0;
        int line = 1;
        int firstControlLine = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= ' ' && c < 0x7F) {
                continue; // printable ASCII, most of any text
            }
            if (c == '\n') {
                line++;
            } else if (c == 0) {
                log.error(ParseIssue.Code.BINARY_CONTENT, "NUL byte: binary content, not a text document", line);
                return false;
            } else if ((c < 0x20 && c != '\t' && c != '\r' && c != '\f') || c == '\uFFFD' || c == 0x7F) {
                controls++;
                if (firstControlLine == 0) {
                    firstControlLine = line;
                }
            }
        }
        if ((long) controls * CONTROL_RATIO_DENOMINATOR > text.length()) {
            log.error(
                    ParseIssue.Code.BINARY_CONTENT,
                    controls + " control or replacement characters: binary content, not a text document",
                    firstControlLine);
            return false;
        }
        if (controls > 0) {
            // pdftotext writes glyphs of fonts without a Unicode map as control characters: text with a broken page
            log.warning(
                    ParseIssue.Code.CONTROL_CHARACTERS_REMOVED,
                    controls + " control or replacement characters removed (a PDF font without a text encoding?)",
                    firstControlLine);
        }
        return true;
    }

    private static boolean html(String text) {
        String head = text.stripLeading();
        String start = head.substring(0, Math.min(head.length(), 32)).toLowerCase(Locale.ROOT);
        if (start.startsWith("<!doctype html") || start.startsWith("<html") || start.startsWith("<?xml")) {
            return true;
        }
        int tags = 0;
        int end = Math.min(text.length(), HTML_PROBE_CHARS);
        for (int i = 0; i < end && tags < HTML_TAG_THRESHOLD; i++) {
            if (text.charAt(i) == '<' && isTag(text, i + 1, end)) {
                tags++;
            }
        }
        return tags >= HTML_TAG_THRESHOLD;
    }

    private static boolean isTag(String text, int from, int end) {
        int i = from;
        if (i < end && text.charAt(i) == '/') {
            i++;
        }
        int nameStart = i;
        while (i < end && i - nameStart <= MAX_TAG_NAME && Character.isLetterOrDigit(text.charAt(i))) {
            i++;
        }
        if (i == nameStart || i >= end) {
            return false;
        }
        char next = text.charAt(i);
        if (next != '>' && next != ' ' && next != '/' && next != '\n') {
            return false;
        }
        String name = text.substring(nameStart, i).toLowerCase(Locale.ROOT);
        for (String tag : HTML_TAGS) {
            if (tag.equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static int firstNonBlankLine(String text) {
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            } else if (!Character.isWhitespace(c)) {
                return line;
            }
        }
        return line;
    }
}
