package com.refractoryatlas.importer.parse;

import java.util.Locale;
import java.util.Set;

/**
 * Joins words a PDF broke at a line end ("treat-" + "ment") or a copy-paste left as {@code meta- analysis}: the
 * hyphen is dropped only when the second part is a word ending ({@code -ment}, {@code -ized}, ... listed in
 * {@code hyphenation-endings.txt}) or too short to be a word, and kept otherwise, because in medical text a hyphen at
 * a line end is as often part of a compound ("treatment-refractory", "drug-resistant").
 */
final class Hyphenation {

    private static final Set<String> ENDINGS = WordList.load("hyphenation-endings");
    private static final Set<String> CONNECTIVES = Set.of("and", "or", "to", "nor", "versus", "vs");
    private static final int MAX_FRAGMENT = 3;

    private Hyphenation() {}

    /** True when {@code left} ends with a hyphenated word part and the hyphen should go when joined to right. */
    static boolean dropHyphen(CharSequence left, String right) {
        int n = left.length();
        if (n < 2 || left.charAt(n - 1) != '-' || !Character.isLowerCase(left.charAt(n - 2))) {
            return false;
        }
        String next = leadingWord(right);
        if (next.isEmpty() || !Character.isLowerCase(next.charAt(0)) || CONNECTIVES.contains(next)) {
            return false;
        }
        return next.length() <= MAX_FRAGMENT || endsLikeSuffix(next);
    }

    private static boolean endsLikeSuffix(String word) {
        return ENDINGS.contains(word.toLowerCase(Locale.ROOT));
    }

    private static String leadingWord(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        int start = i;
        while (i < s.length() && Character.isLetter(s.charAt(i))) {
            i++;
        }
        return s.substring(start, i);
    }

    /** Repairs {@code meta- analysis} inside a line: a hyphen followed by a space between two lowercase words. */
    static String repairInline(String s) {
        int at = s.indexOf("- ");
        if (at < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int from = 0;
        while (at >= 0) {
            out.append(s, from, at + 1);
            String rest = s.substring(at + 2);
            boolean join = at > 0
                    && Character.isLowerCase(s.charAt(at - 1))
                    && !rest.isEmpty()
                    && Character.isLowerCase(rest.charAt(0))
                    && !CONNECTIVES.contains(leadingWord(rest));
            if (join && dropHyphen(out, rest)) {
                out.setLength(out.length() - 1);
            }
            from = join ? at + 2 : at + 1;
            at = s.indexOf("- ", at + 2);
        }
        out.append(s, from, s.length());
        return out.toString();
    }
}
