package com.refractoryatlas.importer.parse.layout;

import java.text.Normalizer;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Accents printed as characters of their own beside their letter, as PDF viewers and pdftotext give them when a
 * font draws the accent as a separate glyph: "Birtic´", "R¨omer", "P´erez", "Rodr´ıguez", and from pdf.js with a
 * space after the accent, "He´ le` ne", "Stro¨ m". Shared by the PDF reader (which knows where each glyph stands)
 * and the text reader (which only has the characters).
 */
public final class Accents {

    private Accents() {}

    /** The combining form of a spacing accent, or 0 when {@code c} is not one. */
    public static char combining(char c) {
        return switch (c) {
            case '\u00B4', '\u02CA' -> '\u0301';
            case '`', '\u02CB' -> '\u0300';
            case '\u00A8' -> '\u0308';
            case '^', '\u02C6' -> '\u0302';
            case '~', '\u02DC' -> '\u0303';
            case '\u00B8' -> '\u0327';
            case '\u02C7' -> '\u030C';
            case '\u02DA' -> '\u030A';
            case '\u00AF', '\u02C9' -> '\u0304';
            case '\u02D8' -> '\u0306';
            case '\u02D9' -> '\u0307';
            case '\u02DD' -> '\u030B';
            case '\u02DB' -> '\u0328';
            default -> Character.getType(c) == Character.NON_SPACING_MARK ? c : 0;
        };
    }

    /**
     * One line of text with its spacing accents merged into their letters. The accent goes onto the vowel after it
     * when that one takes it (pdftotext prints TeX's accents first: "R¨omer"), else onto the letter before it
     * ("Birtic´", "Me´rola"), else onto the letter after it; a dotless i under an accent is an i ("Rodr´ıguez").
     * After an accent merged backwards, one space before a lowercase piece of word is dropped ("He´ le` ne" is
     * "Hélène"), unless that piece is a word of its own ({@code standalone}: "Birtic´ et al."). ASCII {@code ^} and
     * {@code ~} stay as they are; a backtick is an accent only on a line where every backtick follows a letter (a
     * Markdown code span opens after a space). One pass over the line.
     */
    public static String mergeSpacing(String line, Predicate<String> standalone) {
        if (!hasSpacingAccent(line)) {
            return line;
        }
        boolean backticks = line.indexOf('`') < 0 || everyBacktickAfterLetter(line);
        StringBuilder out = new StringBuilder(line.length());
        int n = line.length();
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            char mark = textAccent(c, backticks);
            if (mark == 0) {
                out.append(c);
                continue;
            }
            char next = i + 1 < n ? line.charAt(i + 1) : 0;
            char prev = out.isEmpty() ? 0 : out.charAt(out.length() - 1);
            String onNext = Character.isLetter(next) ? composed(next, mark) : null;
            String onPrev = Character.isLetter(prev) ? composed(prev, mark) : null;
            if (onNext != null && (vowel(next) || onPrev == null)) {
                out.append(onNext);
                i++;
            } else if (onPrev != null) {
                out.setLength(out.length() - 1);
                out.append(onPrev);
                if (next == ' '
                        && i + 2 < n
                        && Character.isLowerCase(line.charAt(i + 2))
                        && !standalone.test(wordAt(line, i + 2))) {
                    i++;
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean hasSpacingAccent(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '`' || c >= '\u00A8' && textAccent(c, false) != 0) {
                return true;
            }
        }
        return false;
    }

    /** The combining mark a character of text stands for: spacing accents only, not ASCII marks nor combining ones. */
    private static char textAccent(char c, boolean backticks) {
        if (c == '^'
                || c == '~'
                || c == '\u00AF'
                || c == '`' && !backticks
                || Character.getType(c) == Character.NON_SPACING_MARK) {
            return 0;
        }
        return combining(c);
    }

    private static boolean everyBacktickAfterLetter(String line) {
        for (int i = line.indexOf('`'); i >= 0; i = line.indexOf('`', i + 1)) {
            if (i == 0 || !Character.isLetter(line.charAt(i - 1))) {
                return false;
            }
        }
        return true;
    }

    /** {@code base} with {@code mark} as one precomposed letter, or null when Unicode has none. */
    private static String composed(char base, char mark) {
        char letter = base == '\u0131' ? 'i' : base;
        String out = Normalizer.normalize(String.valueOf(letter) + mark, Normalizer.Form.NFC);
        return out.length() == 1 ? out : null;
    }

    private static boolean vowel(char c) {
        return VOWELS.contains(Character.toLowerCase(c));
    }

    private static final Set<Character> VOWELS = Set.of('a', 'e', 'i', 'o', 'u', 'y', '\u0131');

    /** The lowercase letters from {@code from} up to the next non-letter, at most a few. */
    private static String wordAt(String line, int from) {
        int end = from;
        while (end < line.length() && end - from < 8 && Character.isLetter(line.charAt(end))) {
            end++;
        }
        return line.substring(from, end);
    }
}
