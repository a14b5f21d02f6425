package com.refractoryatlas.importer.parse;

import com.refractoryatlas.importer.parse.layout.Layout;
import com.refractoryatlas.importer.parse.layout.LayoutLine;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Joins the words a line end broke with a hyphen, by the document's own vocabulary: "rele-" + "vance." reads
 * "relevance." when the document prints "relevance" unbroken somewhere, and "treatment-" + "refractory" keeps its
 * hyphen when the document prints "treatment-refractory" inside a line. The joined word moves up to the end of the
 * line that broke it, so every later stage sees it whole, when what stays on the next line is still a continuation
 * (two words or more, in lower case first). A pair the vocabulary does not settle is left as printed,
 * for {@link Hyphenation}'s word-ending rules. Linear in the layout's characters: one pass collects the words, one
 * joins.
 */
final class LineEndHyphens {

    /** Words longer than this are no words (a URL, a sequence): never looked up. */
    private static final int MAX_WORD = 40;

    private LineEndHyphens() {}

    /** The layout with its vocabulary-settled line-end hyphens joined, or the layout itself when there are none. */
    static Layout joined(Layout layout) {
        List<LayoutLine> lines = layout.lines();
        if (!anyBreak(lines)) {
            return layout;
        }
        Set<String> words = new HashSet<>();
        Set<String> compounds = new HashSet<>();
        for (LayoutLine line : lines) {
            collect(line.text(), words, compounds);
        }
        List<LayoutLine> out = null;
        for (int i = 0; i + 1 < lines.size(); i++) {
            LayoutLine line = out == null ? lines.get(i) : out.get(i);
            String left = line.text().stripTrailing();
            String next = lines.get(i + 1).text();
            String[] joined = join(left, next, words, compounds);
            if (joined == null) {
                continue;
            }
            if (out == null) {
                out = new ArrayList<>(lines);
            }
            out.set(i, new LayoutLine(line.number(), joined[0], line.style()));
            out.set(
                    i + 1,
                    new LayoutLine(
                            lines.get(i + 1).number(),
                            joined[1],
                            lines.get(i + 1).style()));
        }
        return out == null ? layout : new Layout(out, layout.pages());
    }

    /** Whether some line ends with a lower-case letter and a hyphen: only then are the document's words collected. */
    private static boolean anyBreak(List<LayoutLine> lines) {
        for (LayoutLine line : lines) {
            if (endsBroken(line.text().stripTrailing())) {
                return true;
            }
        }
        return false;
    }

    /** A line (trailing spaces stripped) that ends with a word part: a lower-case letter and a hyphen. */
    private static boolean endsBroken(String left) {
        int n = left.length();
        return n >= 3 && left.charAt(n - 1) == '-' && Character.isLowerCase(left.charAt(n - 2));
    }

    /** The two lines with the broken word joined on the first, or null when the vocabulary does not join it. */
    private static String[] join(String left, String next, Set<String> words, Set<String> compounds) {
        if (!endsBroken(left)) {
            return null;
        }
        int n = left.length();
        int start = n - 1;
        while (start > 0 && Character.isLetter(left.charAt(start - 1))) {
            start--;
        }
        String head = left.substring(start, n - 1);
        int from = 0;
        while (from < next.length() && next.charAt(from) == ' ') {
            from++;
        }
        int end = from;
        while (end < next.length() && Character.isLetter(next.charAt(end))) {
            end++;
        }
        if (end == from || !Character.isLowerCase(next.charAt(from)) || end - from + head.length() > MAX_WORD) {
            return null;
        }
        String tail = next.substring(from, end);
        String word = (head + tail).toLowerCase(Locale.ROOT);
        if (!words.contains(word)
                || compounds.contains(head.toLowerCase(Locale.ROOT) + "-" + tail.toLowerCase(Locale.ROOT))) {
            return null;
        }
        int token = end;
        while (token < next.length() && next.charAt(token) != ' ') {
            token++;
        }
        String rest = next.substring(token).strip();
        if (rest.indexOf(' ') < 0 || !Character.isLowerCase(rest.charAt(0))) {
            // the next line must still read as a continuation of a few words: the word alone would leave an empty
            // line (a block break), one word left reads as a stray fragment ("archives."), and a capital or a number
            // left first could read as a new entry ("Sci-" / "entific Utopia:")
            return null;
        }
        // the next line keeps its indent: a hanging indent tells entries apart in -layout text
        return new String[] {left.substring(0, n - 1) + next.substring(from, token), next.substring(0, from) + rest};
    }

    /** The words of a line (lower case, letters only) and its hyphenated compounds ("treatment-refractory"). */
    private static void collect(String text, Set<String> words, Set<String> compounds) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (!Character.isLetter(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && Character.isLetter(text.charAt(i))) {
                i++;
            }
            boolean lineEnd = i + 1 >= n && i < n && text.charAt(i) == '-';
            if (i - start <= MAX_WORD && !lineEnd) {
                words.add(text.substring(start, i).toLowerCase(Locale.ROOT));
            }
            if (i + 1 < n && text.charAt(i) == '-' && Character.isLetter(text.charAt(i + 1))) {
                int end = i + 1;
                while (end < n && Character.isLetter(text.charAt(end))) {
                    end++;
                }
                if (end - start <= MAX_WORD) {
                    compounds.add(text.substring(start, end).toLowerCase(Locale.ROOT));
                }
            }
        }
    }
}
