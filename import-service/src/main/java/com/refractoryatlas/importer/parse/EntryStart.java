package com.refractoryatlas.importer.parse;

import org.jspecify.annotations.Nullable;

/**
 * The number opening a reference entry: {@code 12. Text}, {@code 12) Text}, {@code [12] Text}, or the number alone on
 * its line ({@code 12.}, {@code [12]}: printed apart from its entry, {@link #rest()} empty).
 */
record EntryStart(int number, String rest) {

    private static final int MAX_DIGITS = 4;

    static @Nullable EntryStart parse(String line) {
        String s = line.strip();
        boolean bracket = s.startsWith("[");
        int i = bracket ? 1 : 0;
        int digitsStart = i;
        while (i < s.length() && Character.isDigit(s.charAt(i)) && i - digitsStart <= MAX_DIGITS) {
            i++;
        }
        int digits = i - digitsStart;
        if (digits == 0 || digits > MAX_DIGITS || i >= s.length()) {
            return null;
        }
        char close = s.charAt(i);
        boolean ok = bracket ? close == ']' : close == '.' || close == ')';
        if (!ok) {
            return null;
        }
        int number = Integer.parseInt(s.substring(digitsStart, i));
        if (number == 0) {
            return null;
        }
        if (i + 1 >= s.length()) {
            return new EntryStart(number, "");
        }
        if (!Character.isWhitespace(s.charAt(i + 1))) {
            return null;
        }
        return new EntryStart(number, s.substring(i + 2).strip());
    }

    /** "12 Smith J, ..." (number and a space): accepted only for the number the list expects next. */
    static @Nullable EntryStart loose(String line, int expected) {
        String s = line.strip();
        String prefix = Integer.toString(expected);
        if (!s.startsWith(prefix) || s.length() < prefix.length() + 2) {
            return null;
        }
        char sep = s.charAt(prefix.length());
        String rest = s.substring(prefix.length() + 1).strip();
        if ((sep != ' ' && sep != '\t') || rest.isEmpty() || !Character.isUpperCase(rest.charAt(0))) {
            return null;
        }
        return new EntryStart(expected, rest);
    }
}
