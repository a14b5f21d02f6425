package com.refractoryatlas.importer.parse;

import java.util.ArrayList;
import java.util.List;

/** Splits normalized text into blocks of consecutive non-blank lines, keeping 1-based line numbers. */
final class TextBlocks {

    private TextBlocks() {}

    /** A source line. */
    record Line(String text, int number) {}

    /** Consecutive non-blank lines; a thematic break ({@code ---}) is a block of its own. */
    record Block(List<Line> lines, boolean rule) {

        int line() {
            return lines.get(0).number();
        }

        boolean single() {
            return lines.size() == 1;
        }

        String first() {
            return lines.get(0).text();
        }

        String joinedCleaned() {
            StringBuilder out = new StringBuilder();
            for (Line l : lines) {
                String c = Markup.clean(l.text());
                if (c.isEmpty()) {
                    continue;
                }
                if (!out.isEmpty()) {
                    out.append(' ');
                }
                out.append(c);
            }
            return out.toString();
        }

        String joinedRaw() {
            StringBuilder out = new StringBuilder();
            for (Line l : lines) {
                if (!out.isEmpty()) {
                    out.append(' ');
                }
                out.append(l.text().strip());
            }
            return out.toString();
        }
    }

    static List<Block> split(String text) {
        List<Block> blocks = new ArrayList<>();
        List<Line> current = new ArrayList<>();
        int number = 0;
        int start = 0;
        int n = text.length();
        while (start <= n) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            number++;
            String line = text.substring(start, end);
            if (line.isBlank()) {
                flush(blocks, current);
            } else if (Markup.isRule(line)) {
                flush(blocks, current);
                blocks.add(new Block(List.of(new Line(line, number)), true));
            } else {
                current.add(new Line(line, number));
            }
            start = end + 1;
        }
        flush(blocks, current);
        return blocks;
    }

    private static void flush(List<Block> blocks, List<Line> current) {
        if (!current.isEmpty()) {
            blocks.add(new Block(List.copyOf(current), false));
            current.clear();
        }
    }

    /** Normalizes line ends and invisible characters; keeps the line count unchanged. */
    static String normalize(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int n = text.length();
        int i = 0;
        if (n > 0 && text.charAt(0) == '\uFEFF') {
            i = 1;
        }
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\f' || c == '\u000B') {
                out.append('\n');
            } else if (c == '\u2028' || c == '\u2029') {
                out.append('\n');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
