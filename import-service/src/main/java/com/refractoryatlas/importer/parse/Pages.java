package com.refractoryatlas.importer.parse;

import org.jspecify.annotations.Nullable;

/**
 * Normaliser for page fields as printed: ranges with any dash ({@code 154–171}, {@code 1273 - 83}), {@code pp.} and
 * {@code p.} prefixes, article numbers ({@code 110}, {@code 102506}, {@code 21r14228}, {@code e1234}). Ranges keep
 * the printed start and an abbreviated end is written out ({@code 1311-21} → {@code 1311-1321}), as PubMed and
 * JATS give them. Public for the other readers.
 */
public final class Pages {

    private Pages() {}

    public static @Nullable String normalize(@Nullable String printed) {
        if (printed == null) {
            return null;
        }
        String s = printed.strip()
                .replace('–', '-')
                .replace('—', '-')
                .replace('‐', '-')
                .replace('−', '-');
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("pp.") || lower.startsWith("pp ")) {
            s = s.substring(3).strip();
        } else if (lower.startsWith("p.") || lower.startsWith("p ")) {
            s = s.substring(2).strip();
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' && (i + 1 < s.length() && s.charAt(i + 1) == '-' || i > 0 && s.charAt(i - 1) == '-')) {
                continue;
            }
            out.append(c);
        }
        String p = out.toString();
        int end = p.length();
        while (end > 0 && ".,;:)( ".indexOf(p.charAt(end - 1)) >= 0) {
            end--;
        }
        p = p.substring(0, end);
        return p.isEmpty() ? null : p;
    }

    /**
     * "1842 –1858", "339– 352", "93 - 103" → "1842–1858", "339–352", "93-103": justified PDF text (pdftotext) puts
     * spaces around a range's dash, so that the range reads as two numbers (and its first page as a year). Spaces
     * are dropped only between a digit, a dash and a digit; one linear pass.
     */
    static String closeRanges(String text) {
        int n = text.length();
        StringBuilder out = null;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == ' ' && spaceInRange(text, i)) {
                if (out == null) {
                    out = new StringBuilder(n).append(text, 0, i);
                }
                continue;
            }
            if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** The space at {@code i} stands between a digit and a dash followed by a digit, or a digit's dash and a digit. */
    private static boolean spaceInRange(String s, int i) {
        int n = s.length();
        boolean digitBefore = i > 0 && Character.isDigit(s.charAt(i - 1));
        if (digitBefore && i + 2 < n && dash(s.charAt(i + 1))) {
            char after = s.charAt(i + 2);
            return Character.isDigit(after) || after == ' ' && i + 3 < n && Character.isDigit(s.charAt(i + 3));
        }
        return i > 1
                && i + 1 < n
                && dash(s.charAt(i - 1))
                && Character.isDigit(s.charAt(i + 1))
                && (Character.isDigit(s.charAt(i - 2))
                        || s.charAt(i - 2) == ' ' && i > 2 && Character.isDigit(s.charAt(i - 3)));
    }

    private static boolean dash(char c) {
        return c == '-' || c == '–' || c == '—';
    }

    /** "1311-21" → "1311-1321", "151-6" → "151-156": an abbreviated numeric range written out. */
    public static String expand(String range) {
        int dash = range.indexOf('-');
        if (dash <= 0 || dash != range.lastIndexOf('-')) {
            return range;
        }
        String from = range.substring(0, dash);
        String to = range.substring(dash + 1);
        if (to.isEmpty() || to.length() >= from.length() || !digits(from) || !digits(to)) {
            return range;
        }
        String full = from.substring(0, from.length() - to.length()) + to;
        return Long.parseLong(full) > Long.parseLong(from) ? from + "-" + full : range;
    }

    private static boolean digits(String s) {
        if (s.isEmpty() || s.length() > MAX_DIGITS) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static final int MAX_DIGITS = 12;
}
