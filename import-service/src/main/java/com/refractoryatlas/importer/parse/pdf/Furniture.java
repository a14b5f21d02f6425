package com.refractoryatlas.importer.parse.pdf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes page furniture: lines in a page's top or bottom margin that are running headers or footers (the same
 * text, digits aside, at the same height on two or more pages: journal banners, short titles, "Smith et al."),
 * page numbers, "et al." headers, and download or licence stamps. Only margin lines are candidates, so a body
 * line is never removed for matching a pattern. Linear in the lines: repetition is counted in a hash map keyed by
 * text and height band.
 */
final class Furniture {

    /** The top and bottom margins, as a share of the page height. */
    private static final float MARGIN_SHARE = 0.12f;
    /** Heights within one band count as "the same place" on two pages. */
    private static final float HEIGHT_BAND = 6;

    private static final int MAX_HEADER_CHARS = 160;
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}#]+");
    private static final Pattern PAGE_NUMBER =
            Pattern.compile("(?i)(page|p\\.?|pp\\.?)?\\s*#(\\s*(of|/)\\s*#)?|[ivxlcdm]{1,7}");
    /** "Smith et al.", "Smith and Jones et al." at the start of a header line. */
    private static final Pattern ET_AL_HEADER =
            Pattern.compile("^\\p{Lu}[\\p{L}'’-]+(\\s+(and|&)\\s+\\p{Lu}[\\p{L}'’-]+)?\\s+et\\s+al\\b");

    private static final List<Pattern> STAMPS = List.of(
            Pattern.compile("(?i)\\bdownloaded\\s+(from|by|on|at)\\b"),
            Pattern.compile("(?i)^for personal use only"),
            Pattern.compile("(?i)\\baccess provided by\\b"),
            Pattern.compile("(?i)\\bprotected by copyright\\b"),
            Pattern.compile("(?i)\\bterms and conditions\\b"),
            Pattern.compile("(?i)\\bfor rules of use\\b"),
            Pattern.compile("(?i)\\ball rights reserved\\b"),
            Pattern.compile("(?i)\\breproduced with permission\\b"));

    private Furniture() {}

    /** The page's lines without furniture, pages in order. */
    static List<PageLine> remove(List<List<PageLine>> pages, Map<Integer, Float> heights) {
        Map<String, Set<Integer>> seen = new HashMap<>();
        List<Map<Integer, String>> rows = new ArrayList<>();
        for (List<PageLine> page : pages) {
            Map<Integer, String> pageRows = marginRows(page, heights);
            rows.add(pageRows);
            for (PageLine line : page) {
                if (inMargin(line, heights)) {
                    seen.computeIfAbsent(placeKey(line.text(), line.y(), 0), k -> new HashSet<>())
                            .add(line.page());
                }
            }
            for (Map.Entry<Integer, String> row : pageRows.entrySet()) {
                seen.computeIfAbsent(repeatKey(row.getValue()) + '@' + row.getKey(), k -> new HashSet<>())
                        .add(page.get(0).page());
            }
        }
        List<PageLine> kept = new ArrayList<>();
        for (int p = 0; p < pages.size(); p++) {
            for (PageLine line : pages.get(p)) {
                String row = rows.get(p).getOrDefault(band(line.y()), line.text());
                if (!(inMargin(line, heights) && furniture(line, row, inTop(line, heights), seen))) {
                    kept.add(line);
                }
            }
        }
        return kept;
    }

    /**
     * The page's margin lines joined per height band, left to right: a footer a column split cut in two on one
     * page ("PLOS ONE | DOI ..." and "December 31, 2014 9 / 14") is still the footer every other page has whole.
     */
    private static Map<Integer, String> marginRows(List<PageLine> page, Map<Integer, Float> heights) {
        Map<Integer, List<PageLine>> bands = new HashMap<>();
        for (PageLine line : page) {
            if (inMargin(line, heights)) {
                bands.computeIfAbsent(band(line.y()), k -> new ArrayList<>()).add(line);
            }
        }
        Map<Integer, String> rows = new HashMap<>();
        for (Map.Entry<Integer, List<PageLine>> band : bands.entrySet()) {
            List<PageLine> lines = new ArrayList<>(band.getValue());
            lines.sort((a, b) -> Float.compare(a.x(), b.x()));
            StringBuilder text = new StringBuilder();
            for (PageLine line : lines) {
                text.append(text.isEmpty() ? "" : " ").append(line.text());
            }
            rows.put(band.getKey(), text.toString());
        }
        return rows;
    }

    private static int band(float y) {
        return Math.round(y / HEIGHT_BAND);
    }

    private static boolean inMargin(PageLine line, Map<Integer, Float> heights) {
        float height = heights.getOrDefault(line.page(), 0f);
        return height > 0 && (line.y() < MARGIN_SHARE * height || line.y() > (1 - MARGIN_SHARE) * height);
    }

    private static boolean inTop(PageLine line, Map<Integer, Float> heights) {
        return line.y() < MARGIN_SHARE * heights.getOrDefault(line.page(), 0f);
    }

    private static boolean furniture(PageLine line, String row, boolean top, Map<String, Set<Integer>> seen) {
        String key = textKey(line.text());
        if (key.isEmpty() || PAGE_NUMBER.matcher(key).matches() && !sentenceEnd(line.text())) {
            return true;
        }
        if (repeated(line.text(), line.y(), seen) || repeated(row, line.y(), seen)) {
            return true;
        }
        if (top
                && line.text().length() <= MAX_HEADER_CHARS
                && ET_AL_HEADER.matcher(line.text()).find()) {
            return true;
        }
        for (Pattern stamp : STAMPS) {
            if (stamp.matcher(line.text()).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a line ends as a sentence or a list item does: a page number stands alone, "1395." is the last line of
     * a reference ("Science 273: 1392–" above it) that ended at the foot of a column.
     */
    private static boolean sentenceEnd(String text) {
        String stripped = text.strip();
        char last = stripped.isEmpty() ? ' ' : stripped.charAt(stripped.length() - 1);
        return last == '.' || last == ',' || last == ';';
    }

    /** Whether the same text stands at about the same height on another page too. */
    private static boolean repeated(String text, float y, Map<String, Set<Integer>> seen) {
        Set<Integer> pages = new HashSet<>();
        for (int shift = -1; shift <= 1; shift++) {
            pages.addAll(seen.getOrDefault(placeKey(text, y, shift), Set.of()));
        }
        return pages.size() >= 2;
    }

    private static String placeKey(String text, float y, int shift) {
        return repeatKey(text) + '@' + (band(y) + shift);
    }

    /**
     * The key that must recur for a line to be a running header or footer: {@link #textKey}, except that a line of
     * numbers alone keeps its last number. A page's "3 / 14" recurs as "# / 14"; the last lines of two references
     * ("553–567." and "199–213.") at one height on two pages are no footer.
     */
    private static String repeatKey(String text) {
        String key = textKey(text);
        for (int i = 0; i < key.length(); i++) {
            if (Character.isLetter(key.charAt(i))) {
                return key;
            }
        }
        Matcher numbers = DIGITS.matcher(text);
        String last = null;
        int count = 0;
        while (numbers.find()) {
            last = numbers.group();
            count++;
        }
        return count < 2 ? key : key.substring(0, key.lastIndexOf('#')) + last;
    }

    /** Lower case, each run of digits one {@code #}, punctuation and spaces dropped: page numbers vary, text not. */
    private static String textKey(String text) {
        String digits = DIGITS.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("#");
        return NON_WORD.matcher(digits).replaceAll(" ").strip();
    }
}
