package com.refractoryatlas.importer.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Word tokens of a sentence with their offsets, original case and a plural-folded lower-case form. */
final class Tokens {

    private static final int MIN_FOLD_LENGTH = 4;

    private Tokens() {}

    /**
     * A word.
     *
     * @param gapBefore true when punctuation other than spaces, hyphens, slashes and apostrophes separates it from
     *     the previous token (a phrase boundary)
     */
    record Token(String text, String norm, int start, int end, boolean gapBefore) {}

    static List<Token> of(String s) {
        List<Token> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        int previousEnd = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || apostropheInside(s, i))) {
                i++;
            }
            String text = s.substring(start, i);
            boolean gap = out.isEmpty() || hasPunctuation(s, previousEnd, start);
            out.add(new Token(text, fold(text), start, i, gap));
            previousEnd = i;
        }
        return out;
    }

    private static boolean apostropheInside(String s, int i) {
        char c = s.charAt(i);
        return (c == '\'' || c == '’')
                && i > 0
                && i + 1 < s.length()
                && Character.isLetter(s.charAt(i - 1))
                && Character.isLetter(s.charAt(i + 1));
    }

    private static boolean hasPunctuation(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && c != '-' && c != '/' && c != '\'' && c != '’' && c != '‐') {
                return true;
            }
        }
        return false;
    }

    /** Lower case, possessive and plural folded: "Crohn's" → "crohn", "therapies" → "therapy". */
    static String fold(String word) {
        String w = word.toLowerCase(Locale.ROOT).replace('’', '\'');
        if (w.endsWith("'s")) {
            w = w.substring(0, w.length() - 2);
        }
        int i = w.indexOf('\'');
        if (i >= 0) {
            w = w.substring(0, i) + w.substring(i + 1);
        }
        if (w.length() > MIN_FOLD_LENGTH
                && (w.endsWith("sses") || w.endsWith("ches") || w.endsWith("shes") || w.endsWith("xes"))) {
            return w.substring(0, w.length() - 2);
        }
        if (w.length() > MIN_FOLD_LENGTH && w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.length() >= MIN_FOLD_LENGTH
                && w.endsWith("s")
                && !w.endsWith("ss")
                && !w.endsWith("us")
                && !w.endsWith("is")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }
}
