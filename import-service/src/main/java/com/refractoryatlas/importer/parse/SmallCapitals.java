package com.refractoryatlas.importer.parse;

import com.refractoryatlas.importer.parse.layout.Layout;
import com.refractoryatlas.importer.parse.layout.LayoutLine;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rejoins words set in small capitals that a text extraction split after their first letter: journals that print
 * reference surnames, headings and running heads in small caps (Biostatistics, Biometrika, many OUP and CUP titles)
 * come out of pdftotext as "B RESLOW , N. E. AND C LAYTON , D. G. (1993)", "R EFERENCES" and "C ARLIN et al." — the
 * full-size capital and the smaller ones are separate words, and a space stands before the comma. A document counts
 * as set so when at least {@value #MIN_EVIDENCE} of its lines open with such a split name followed by a comma (a
 * reference entry's first author); then every split word is joined ("BRESLOW, N. E. AND CLAYTON, D. G."; "HU," from
 * "H U ,"; "MUTHÉN," from "M UTH ÉN ,", whose accented letter was set apart) and a capitals word loses the space before
 * its comma. Elsewhere nothing changes: in an ordinary document "A NEW METHOD" or
 * a variable "X AND Y" stays as printed. Linear in the layout's characters (one pass to find the evidence, one to
 * join; the patterns have no nested quantifiers).
 */
final class SmallCapitals {

    /** Lines a document must have that open with a split capitals name and its comma before anything is joined. */
    static final int MIN_EVIDENCE = 3;

    /** A split entry start: optional number, then "B RESLOW ,", "C OFFEY,", "H U ," or "M UTH ÉN ,". */
    private static final Pattern EVIDENCE =
            Pattern.compile("^(?:\\[?\\d{1,4}[.)\\]]?\\s)?\\p{Lu} \\p{Lu}[\\p{Lu}'’-]{0,40}+(?: \\p{Lu}{1,3}+)?+ ?,");

    /**
     * A full-size capital, a space, then two or more small capitals, not followed by a lowercase letter; "AND" after an
     * initial ("H. A AND B") is a word of its own.
     */
    private static final Pattern SPLIT =
            Pattern.compile("(?<![\\p{L}\\p{N}])(\\p{Lu}) (?!AND(?!\\p{L}))(\\p{Lu}{2,}+)(?!\\p{Ll})");

    /** A one-letter surname split so before its comma ("H U , F. B."). */
    private static final Pattern SPLIT_SHORT = Pattern.compile("(?<![\\p{L}\\p{N}])(\\p{Lu}) (\\p{Lu})(?= ?,)");

    /** A capitals word and a fragment with an accented capital before its comma ("MUTH ÉN ,"): one word. */
    private static final Pattern ACCENTED_TAIL =
            Pattern.compile("(?<=\\p{Lu}{2}) (?=[A-Z]{0,2}+[À-ÖØ-Þ]\\p{Lu}{0,2}+ ?,)");

    /** A capitals word, a space, a comma. */
    private static final Pattern SPACED_COMMA = Pattern.compile("(?<=\\p{Lu}{2}) ,");

    private SmallCapitals() {}

    /** The layout with its split small-caps words joined, or the layout itself when it shows too little evidence. */
    static Layout joined(Layout layout) {
        int evidence = 0;
        for (LayoutLine line : layout.lines()) {
            if (splitAtStart(line.text()) && EVIDENCE.matcher(line.text()).find() && ++evidence >= MIN_EVIDENCE) {
                break;
            }
        }
        if (evidence < MIN_EVIDENCE) {
            return layout;
        }
        List<LayoutLine> lines = new ArrayList<>(layout.lines().size());
        for (LayoutLine line : layout.lines()) {
            String text = join(line.text());
            lines.add(text.equals(line.text()) ? line : new LayoutLine(line.number(), text, line.style()));
        }
        return new Layout(lines, layout.pages());
    }

    /** A cheap look before the pattern: a capital and a space near the line's start ("B RESLOW", "12. B RESLOW"). */
    private static boolean splitAtStart(String text) {
        int limit = Math.min(text.length() - 2, 8);
        for (int i = 0; i < limit; i++) {
            if (Character.isUpperCase(text.charAt(i)) && text.charAt(i + 1) == ' ') {
                return true;
            }
        }
        return false;
    }

    private static String join(String text) {
        Matcher split = SPLIT.matcher(text);
        String joined = split.find() ? split.replaceAll("$1$2") : text;
        joined = SPLIT_SHORT.matcher(joined).replaceAll("$1$2");
        joined = ACCENTED_TAIL.matcher(joined).replaceAll("");
        return SPACED_COMMA.matcher(joined).replaceAll(",");
    }
}
