package com.refractoryatlas.importer.parse;

import org.jspecify.annotations.Nullable;

/** Removes the markdown-like markup real files carry (emphasis, escapes, links) without regular expressions. */
final class Markup {

    private Markup() {}

    /**
     * Text without emphasis markers ({@code *}, {@code _} at word edges), backslash escapes, or link targets
     * ({@code [text](url)} becomes {@code text}), with runs of spaces collapsed and ends trimmed.
     */
    static String clean(String s) {
        if (plain(s)) {
            return s.strip();
        }
        int n = s.length();
        StringBuilder out = null;
        // characters from copied on are kept as they are and not yet in out: they are appended in one run
        int copied = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == ' ' ? i > copied && s.charAt(i - 1) != ' ' : !changed(c) || c == '_' && !isWordEdge(s, i)) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(n);
            }
            out.append(s, copied, i);
            if (c == '\\' && i + 1 < n && isEscapable(s.charAt(i + 1))) {
                char next = s.charAt(i + 1);
                if (next != '*' && next != '_') {
                    out.append(next);
                }
                i++;
            } else if (c == '*' || c == '\u2217') {
                // emphasis marker or footnote star: dropped
            } else if (c == '_') {
                // emphasis marker
            } else if (c == ']' && i + 1 < n && s.charAt(i + 1) == '(' && out.indexOf("[") >= 0) {
                int close = s.indexOf(')', i + 2);
                int open = out.lastIndexOf("[");
                if (close > 0 && close - i < LINK_TARGET_MAX) {
                    out.deleteCharAt(open);
                    i = close;
                } else {
                    out.append(c);
                }
            } else if (c == '\t' || c == '\u00A0' || c == '\u2009' || c == '\u202F') {
                appendSpace(out);
            } else if (c == ' ') {
                appendSpace(out);
            } else if (c == '\u200B' || c == '\uFEFF' || c == '\u00AD') {
                // zero-width and soft hyphen
            } else {
                out.append(c);
            }
            copied = i + 1;
        }
        if (out == null) {
            return s.strip();
        }
        out.append(s, copied, n);
        // out.toString().strip() with one copy (no whitespace character is a surrogate)
        int end = out.length();
        while (end > 0 && Character.isWhitespace(out.charAt(end - 1))) {
            end--;
        }
        int start = 0;
        while (start < end && Character.isWhitespace(out.charAt(start))) {
            start++;
        }
        return out.substring(start, end);
    }

    private static final int LINK_TARGET_MAX = 2048;

    private static final char[] CHANGED = {
        '*', '_', '\\', ']', '\t', '\u00A0', '\u00AD', '\u2217', '\u2009', '\u202F', '\u200B', '\uFEFF'
    };

    /**
     * No character {@link #clean} may change, no leading space and no run of spaces: most lines, which it returns
     * stripped without a copy. One {@code indexOf} per character (vectorised), faster than a loop over a long line.
     */
    private static boolean plain(String s) {
        if (s.startsWith(" ") || s.contains("  ")) {
            return false;
        }
        for (char c : CHANGED) {
            if (s.indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static final long CHANGED_BELOW_64 = 1L << '\t' | 1L << '*';
    private static final long CHANGED_FROM_64 = 1L << ('\\' - 64) | 1L << (']' - 64) | 1L << ('_' - 64);

    /** The characters {@link #clean} may drop or replace (emphasis, escape, link end, odd spaces, zero-width). */
    private static boolean changed(char c) {
        if (c < 128) {
            // one bit per ASCII character (a long shift takes its distance modulo 64)
            return ((c < 64 ? CHANGED_BELOW_64 : CHANGED_FROM_64) & 1L << c) != 0;
        }
        return switch (c) {
            case '\u2217', '\u00A0', '\u2009', '\u202F', '\u200B', '\uFEFF', '\u00AD' -> true;
            default -> false;
        };
    }

    private static void appendSpace(StringBuilder out) {
        if (!out.isEmpty() && out.charAt(out.length() - 1) != ' ') {
            out.append(' ');
        }
    }

    private static boolean isEscapable(char c) {
        return "*_#[]()\\`>-+.!|{}".indexOf(c) >= 0;
    }

    private static boolean isWordEdge(String s, int i) {
        boolean before = i > 0 && Character.isLetterOrDigit(s.charAt(i - 1));
        boolean after = i + 1 < s.length() && Character.isLetterOrDigit(s.charAt(i + 1));
        return !(before && after);
    }

    /** The text of a markdown ATX heading ({@code ## Title}), or null if the line is not one. */
    static @Nullable String atxHeading(String line) {
        String s = line.strip();
        int level = 0;
        while (level < s.length() && s.charAt(level) == '#') {
            level++;
        }
        if (level == 0 || level > 6 || level >= s.length() || s.charAt(level) != ' ') {
            return null;
        }
        String text = s.substring(level).strip();
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '#') {
            end--;
        }
        String cleaned = clean(text.substring(0, end));
        return cleaned.isEmpty() ? null : cleaned;
    }

    /** True for a thematic break line such as {@code ---}, {@code ***} or {@code ___}. */
    static boolean isRule(String line) {
        String s = line.strip();
        if (s.length() < 3) {
            return false;
        }
        char c = s.charAt(0);
        if (c != '-' && c != '*' && c != '_' && c != '=') {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != c && s.charAt(i) != ' ') {
                return false;
            }
        }
        return true;
    }

    /** True when the whole line is wrapped in bold markers ({@code **Methods**}). */
    static boolean isBoldLine(String line) {
        String s = line.strip();
        return s.length() > 4 && s.startsWith("**") && s.endsWith("**") && s.indexOf("**", 2) == s.length() - 2;
    }

    /** True when the whole line is wrapped in single emphasis ({@code *Department of ...*}). */
    static boolean isItalicLine(String line) {
        String s = line.strip();
        return s.length() > 2
                && ((s.startsWith("*") && s.endsWith("*") && !s.startsWith("**"))
                        || (s.startsWith("_") && s.endsWith("_") && !s.startsWith("__")));
    }
}
