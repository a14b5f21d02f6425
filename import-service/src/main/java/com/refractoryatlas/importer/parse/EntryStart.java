package com.refractoryatlas.importer.parse;

import org.jspecify.annotations.Nullable;

/**
 * The number opening a reference entry: {@code 12. Text}, {@code 12) Text}, {@code [12] Text}, {@code (12) Text}
 * (the American Chemical Society's label, followed by a capital or a name's particle), or the number alone on its line ({@code 12.}, {@code [12]}: printed apart from its entry, {@link #rest()} empty).
 *
 * <p>Up to {@link #MAX_DIGITS} digits any number is an entry start. A longer one ({@code 10000.}) is one only when it
 * is the number the list expects next: five or more digits opening a line inside an entry are far more often an
 * article number or a page ({@code 102506.}) than a reference, so they never split an entry out of sequence.
 */
record EntryStart(int number, String rest) {

    private static final int MAX_DIGITS = 4;

    /** Longer than any reference list a document can carry within the parser's size limit. */
    private static final int MAX_SEQUENCE_DIGITS = 9;

    /** An entry start of up to four digits, wherever the list's numbering stands. */
    static @Nullable EntryStart parse(String line) {
        return parse(line, 0);
    }

    /**
     * An entry start; a number of five or more digits only when it equals {@code expected}, the number after the
     * list's last one ({@code 0} when none is expected).
     */
    static @Nullable EntryStart parse(String line, int expected) {
        String s = line.strip();
        boolean bracket = s.startsWith("[");
        boolean paren = s.startsWith("(");
        int i = bracket || paren ? 1 : 0;
        int digitsStart = i;
        while (i < s.length() && Character.isDigit(s.charAt(i)) && i - digitsStart <= MAX_SEQUENCE_DIGITS) {
            i++;
        }
        int digits = i - digitsStart;
        if (digits == 0 || digits > MAX_SEQUENCE_DIGITS || i >= s.length()) {
            return null;
        }
        if (digits > MAX_DIGITS
                && (expected <= 0 || digits != Integer.toString(expected).length())) {
            return null;
        }
        char close = s.charAt(i);
        boolean ok = bracket ? close == ']' : paren ? close == ')' : close == '.' || close == ')';
        if (!ok) {
            return null;
        }
        int number = Integer.parseInt(s.substring(digitsStart, i));
        if (number == 0 || digits > MAX_DIGITS && number != expected) {
            return null;
        }
        if (i + 1 >= s.length()) {
            return new EntryStart(number, "");
        }
        if (!Character.isWhitespace(s.charAt(i + 1))) {
            return null;
        }
        String rest = s.substring(i + 2).strip();
        if (paren && !AuthorNames.opensLikeName(rest)) {
            return null; // "(2) 123–130": an issue wrapped to the line's start, not ACS's "(2) Smith, J.;"
        }
        return new EntryStart(number, rest);
    }

    /**
     * "12 Smith J, ..." (number and a space): accepted only for the number the list expects next, opening with a
     * capital or a name's particle ("37 van Santen DK").
     */
    static @Nullable EntryStart loose(String line, int expected) {
        String s = line.strip();
        String prefix = Integer.toString(expected);
        if (!s.startsWith(prefix) || s.length() < prefix.length() + 2) {
            return null;
        }
        char sep = s.charAt(prefix.length());
        String rest = s.substring(prefix.length() + 1).strip();
        if ((sep != ' ' && sep != '\t') || rest.isEmpty() || !AuthorNames.opensLikeName(rest)) {
            return null;
        }
        return new EntryStart(expected, rest);
    }
}
