package com.refractoryatlas.importer.parse;

import com.refractoryatlas.importer.parse.layout.Layout;
import com.refractoryatlas.importer.parse.layout.LayoutLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Repairs the ligatures some Springer PDFs (2004–2012) print as capital letters: their fonts map the ff, fi, fl, ffi
 * and ffl glyphs to V, W, X, Y and Z, so the text reads "diVerent", "signiWcant", "Xow", "eYcient" — in the PDF, in
 * pdftotext's output and in anything copied from it. A word is repaired when the repaired form contains a stem from
 * {@code ligature-letter-stems.txt} ("differ", "signific", "flow"; at its start when the ligature opens the word,
 * which only fi and fl do: "Wrst", "Xow"), and only in a document with at least {@value #MIN_REPAIRS} such words:
 * elsewhere "arXiv", "McVean" or a variable "Wx" stay as printed, and "Villers" or "Williams" everywhere. Linear in the layout's
 * characters (two passes over the words).
 */
final class LigatureLetters {

    private static final Set<String> STEMS = WordList.load("ligature-letter-stems");
    private static final int LONGEST_STEM =
            STEMS.stream().mapToInt(String::length).max().orElse(0);
    /** Words a document must have that read as ligatures before any is repaired. */
    static final int MIN_REPAIRS = 3;
    /** Longer words are left alone: no real word is this long, and the stem search stays bounded. */
    private static final int MAX_WORD = 40;

    private LigatureLetters() {}

    /** The layout with its ligature letters repaired, or the layout itself when it shows too few. */
    static Layout repaired(Layout layout) {
        int found = 0;
        for (LayoutLine line : layout.lines()) {
            found += repairs(line.text(), null);
            if (found >= MIN_REPAIRS) {
                break;
            }
        }
        if (found < MIN_REPAIRS) {
            return layout;
        }
        List<LayoutLine> lines = new ArrayList<>(layout.lines().size());
        for (LayoutLine line : layout.lines()) {
            StringBuilder out = new StringBuilder(line.text().length() + 8);
            lines.add(
                    repairs(line.text(), out) == 0
                            ? line
                            : new LayoutLine(line.number(), out.toString(), line.style()));
        }
        return new Layout(lines, layout.pages());
    }

    /** The words of {@code text} that read as ligatures; with {@code out}, the text repaired into it. */
    private static int repairs(String text, StringBuilder out) {
        if (!anyLigatureLetter(text)) {
            if (out != null) {
                out.append(text);
            }
            return 0;
        }
        int count = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (!Character.isLetter(text.charAt(i))) {
                if (out != null) {
                    out.append(text.charAt(i));
                }
                i++;
                continue;
            }
            int end = i;
            boolean capitalLetter = false;
            while (end < n && Character.isLetter(text.charAt(end))) {
                capitalLetter |= ligature(text.charAt(end)) != null;
                end++;
            }
            // most words hold none of V, W, X, Y, Z: they are neither cut out nor looked at again
            String repaired = capitalLetter && end - i <= MAX_WORD ? repair(text.substring(i, end)) : null;
            if (repaired != null) {
                count++;
            }
            if (out != null) {
                if (repaired != null) {
                    out.append(repaired);
                } else {
                    out.append(text, i, end);
                }
            }
            i = end;
        }
        return count;
    }

    /** Whether the text holds one of V, W, X, Y, Z at all (one comparison a character: they are contiguous). */
    private static boolean anyLigatureLetter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'V' && c <= 'Z') {
                return true;
            }
        }
        return false;
    }

    /** The word with its ligature letters replaced, if it has some and then contains a stem; else null. */
    private static String repair(String word) {
        StringBuilder out = null;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            String ligature = ligature(c);
            boolean inside = i > 0 && Character.isLowerCase(word.charAt(i - 1));
            boolean initial = i == 0 && (c == 'W' || c == 'X') && word.length() > 1;
            boolean candidate = ligature != null
                    && (inside || initial)
                    && (i + 1 >= word.length() || Character.isLowerCase(word.charAt(i + 1)));
            if (candidate) {
                if (out == null) {
                    out = new StringBuilder(word.length() + 4).append(word, 0, i);
                }
                out.append(ligature);
            } else if (out != null) {
                out.append(c);
            }
        }
        if (out == null) {
            return null;
        }
        String lower = out.toString().toLowerCase(Locale.ROOT);
        // a word that opens with the ligature must open with the stem: "Wres" is "fires", "Williams" stays
        int starts = ligature(word.charAt(0)) != null ? 1 : lower.length();
        for (int start = 0; start < starts; start++) {
            for (int end = start + 1; end <= Math.min(lower.length(), start + LONGEST_STEM); end++) {
                if (STEMS.contains(lower.substring(start, end))) {
                    return out.toString();
                }
            }
        }
        return null;
    }

    private static String ligature(char c) {
        return switch (c) {
            case 'V' -> "ff";
            case 'W' -> "fi";
            case 'X' -> "fl";
            case 'Y' -> "ffi";
            case 'Z' -> "ffl";
            default -> null;
        };
    }
}
