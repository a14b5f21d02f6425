package com.refractoryatlas.importer.evaluation;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What "exact" means for a field (the rules are written down in {@code corpus/README.md}): the comparison forgives
 * what printing changes without changing the information (case, whitespace, punctuation, the dash used in a page
 * range, an abbreviated last page, a DOI's case and resolver prefix) and nothing else.
 */
final class Exactness {

    private static final Pattern DASHES = Pattern.compile("[\\-\\u2010-\\u2015\\u2212\\u00ad]");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}\\p{M}]+");
    private static final Pattern PAGE_RANGE = Pattern.compile("([A-Za-z]{0,3})(\\d{1,9})-([A-Za-z]{0,3})(\\d{1,9})");
    private static final Pattern DOI_PREFIX =
            Pattern.compile("^(?:https?://(?:dx\\.)?doi\\.org/|doi:\\s*|doi\\s+)", Pattern.CASE_INSENSITIVE);

    private Exactness() {}

    /**
     * Text normal form: Unicode NFC, lower case, hyphens and dashes dropped (so a hyphen lost or kept at a line end
     * does not count), any other run of punctuation or whitespace a single space, trimmed.
     */
    static String text(String s) {
        String t = Normalizer.normalize(s, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        t = DASHES.matcher(t).replaceAll("");
        return NOT_WORD.matcher(t).replaceAll(" ").strip();
    }

    static boolean sameText(String gold, String parsed) {
        String g = text(gold);
        return !g.isEmpty() && g.equals(text(parsed));
    }

    /**
     * Pages: any dash is a hyphen, whitespace is dropped, and an abbreviated last page ("2508-16") means the same
     * range as the full one ("2508-2516"); an article number must be equal.
     */
    static boolean samePages(String gold, String parsed) {
        String g = pages(gold);
        return !g.isEmpty() && g.equals(pages(parsed));
    }

    static String pages(String s) {
        String t = DASHES.matcher(s.replaceAll("\\s+", "")).replaceAll("-").toLowerCase(Locale.ROOT);
        t = t.replaceAll("-+", "-");
        Matcher m = PAGE_RANGE.matcher(t);
        if (!m.matches()) {
            return t;
        }
        String first = m.group(2);
        String last = m.group(4);
        if (last.length() < first.length()) {
            last = first.substring(0, first.length() - last.length()) + last;
        }
        return m.group(1) + first + "-" + m.group(1) + last;
    }

    /** DOI: case-insensitive, without a resolver or "doi:" prefix, whitespace and trailing punctuation. */
    static boolean sameDoi(String gold, String parsed) {
        String g = doi(gold);
        return !g.isEmpty() && g.equals(doi(parsed));
    }

    static String doi(String s) {
        String t = DOI_PREFIX.matcher(s.strip()).replaceFirst("");
        t = t.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
        return t.replaceAll("[.,;:]+$", "");
    }

    /** Word-set overlap of two titles (0..1), used only to align references, never to score them. */
    static double titleSimilarity(String a, String b) {
        Set<String> x = new HashSet<>(Arrays.asList(text(a).split(" ")));
        Set<String> y = new HashSet<>(Arrays.asList(text(b).split(" ")));
        long common = x.stream().filter(y::contains).count();
        int union = x.size() + y.size() - (int) common;
        return union == 0 ? 0 : (double) common / union;
    }
}
