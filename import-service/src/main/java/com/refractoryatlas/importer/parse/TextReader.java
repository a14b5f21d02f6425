package com.refractoryatlas.importer.parse;

import com.refractoryatlas.importer.parse.layout.Accents;
import com.refractoryatlas.importer.parse.layout.Layout;
import com.refractoryatlas.importer.parse.layout.LayoutLine;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Stage 1 for text: decoded text to a {@link Layout} of plain lines (no style), one {@link LayoutLine} per source
 * line so that issues keep the curator's line numbers. Normalizes what PDF viewers and pdftotext leave in text —
 * line ends, form feeds (page breaks), ligatures, odd spaces, zero-width characters — in one linear pass, and merges
 * accents printed beside their letters ({@link Accents#mergeSpacing}: "Birtic´", "R¨omer"), then composes each line (NFC).
 */
final class TextReader {

    /** Words kept apart from an accented word before them ({@link Accents#mergeSpacing}). */
    private static final Set<String> STANDALONE = WordList.load("accent-standalone-words");

    private TextReader() {}

    /**
     * Columns printed side by side ({@code pdftotext -layout}) are first unfolded into reading order
     * ({@link Columns}); then the lines are numbered in that order.
     */
    static Layout read(String text) {
        String normalized = normalize(Columns.unfold(text));
        List<LayoutLine> lines = new ArrayList<>();
        int pages = 1;
        int number = 0;
        int start = 0;
        int n = normalized.length();
        while (start <= n) {
            int end = normalized.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            number++;
            String line = normalized.substring(start, end);
            lines.add(LayoutLine.plain(number, composed(Accents.mergeSpacing(line, STANDALONE::contains))));
            start = end + 1;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\f') {
                pages++;
            }
        }
        return new Layout(lines, pages);
    }

    /**
     * The line in Unicode's composed form (NFC): pdftotext prints an accented letter as its letter and a combining mark
     * ("Muthe\u0301n") wherever the font draws the accent apart, and a name must read the same whichever way it came.
     */
    private static String composed(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) >= '\u0300') { // below the combining marks every character is composed already
                return Normalizer.isNormalized(line, Normalizer.Form.NFC)
                        ? line
                        : Normalizer.normalize(line, Normalizer.Form.NFC);
            }
        }
        return line;
    }

    /** Normalizes line ends and invisible characters; keeps the line count unchanged (a form feed ends a line). */
    static String normalize(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int n = text.length();
        int i = n > 0 && text.charAt(0) == '\uFEFF' ? 1 : 0;
        // characters from copied on are kept as they are and not yet in out: they are appended in one run
        int copied = i;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c >= ' ' && c < '\u007F' || c == '\n' || c == '\t') {
                continue;
            }
            out.append(text, copied, i);
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\f' || c == '\u000B' || c == '\u2028' || c == '\u2029') {
                out.append('\n');
            } else {
                appendNormalized(out, c);
            }
            copied = i + 1;
        }
        out.append(text, copied, n);
        return out.toString();
    }

    private static void appendNormalized(StringBuilder out, char c) {
        switch (c) {
            case '\uFB00' -> out.append("ff");
            case '\uFB01' -> out.append("fi");
            case '\uFB02' -> out.append("fl");
            case '\uFB03' -> out.append("ffi");
            case '\uFB04' -> out.append("ffl");
            case '\uFB05', '\uFB06' -> out.append("st");
            case '\u00A0',
                    '\u2002',
                    '\u2003',
                    '\u2004',
                    '\u2005',
                    '\u2006',
                    '\u2007',
                    '\u2008',
                    '\u2009',
                    '\u200A',
                    '\u202F',
                    '\u205F',
                    '\u3000' -> out.append(' ');
            case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\uFFFD', '\u007F' -> {
                // zero-width characters and soft hyphens carry nothing
            }
            case '\u2010', '\u2011' -> out.append('-');
            default -> {
                if (c >= ' ' || c == '\t' || c == '\n') {
                    out.append(c);
                }
            }
        }
    }
}
