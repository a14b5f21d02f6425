package com.refractoryatlas.importer.parse;

import com.refractoryatlas.importer.parse.layout.Layout;
import com.refractoryatlas.importer.parse.layout.LayoutLine;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds page furniture in a layout: page numbers ({@code 3}, {@code Page 3 of 10}, {@code | 9 of 10}), download
 * stamps, journal-site banners and licence footers (phrases in {@code furniture-phrases.txt}), and running headers —
 * short lines that come back page after page once their digits are ignored ("SMITH et al. 5"), unless nothing but
 * the words labelling a reference's numbers is left ("vol. 12, no. 3, pp. 4–9"). Two linear passes;
 * one hash look-up per line.
 */
final class Furniture {

    private static final Set<String> PHRASES = WordList.load("furniture-phrases");
    private static final Set<String> LINK_LABELS = WordList.load("link-labels");
    /** The words of the link labels ("crossref", "pubmed", "google", "scholar", …). */
    private static final Set<String> LINK_LABEL_WORDS = LINK_LABELS.stream()
            .flatMap(label -> java.util.Arrays.stream(label.split(" ")))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private static final Set<String> NUMBER_WORDS = WordList.load("number-words");
    private static final int MAX_FURNITURE_CHARS = 200;
    private static final int MAX_RUNNING_HEADER_CHARS = 90;
    /** A running title cut with an ellipsis may be longer ("Correlation between … and multiple sclerosis..."). */
    private static final int MAX_RUNNING_TITLE_CHARS = 130;

    private static final int MIN_RUNNING_HEADER_KEY = 5;
    private static final int MIN_REPEATS_PAGED = 3;
    private static final int MIN_REPEATS_UNPAGED = 4;
    /** Fewer non-blank lines than this between two lines of one key: not a running header, which comes once a page. */
    private static final int MIN_HEADER_GAP = 8;
    /**
     * A reference's source tail: its year, then volume or pages ("Trials. 2007;8:39.", "Syst. Biol. 2005, 54,"), not
     * a second year ("Munday et al. (1999, 2004)").
     */
    private static final java.util.regex.Pattern SOURCE_TAIL =
            java.util.regex.Pattern.compile("(?<!\\d)(?:1[89]|20)\\d{2}[a-z]? ?(?:[;:] ?\\d|, ?\\d{1,3}(?!\\d))");

    private static final int FIRST_PAGE_LINES = 25;
    private static final int MAX_PAGE_NUMBER_DIGITS = 4;
    /**
     * A key printed with different years is a reference's wrapped tail ("Neurosci 1984;4:3101–11." and "Neurosci
     * 2006;26:2991–3001." both reduce to "neurosci"); a running header prints its issue's one year on every page.
     */
    private static final int VARYING_YEARS = -1;

    private static final int YEAR_DIGITS = 4;
    /**
     * A line ending with a volume and a page range ("Sci U S A 91: 12501–12504."): where one key ends with different
     * ones, it is the wrapped tail of references in one journal (PNAS's "Proc Natl Acad" / "Sci U S A …"), which
     * print no year there; a running header prints the same numbers on every page.
     */
    private static final java.util.regex.Pattern VOLUME_PAGES_END =
            java.util.regex.Pattern.compile("\\d{1,4}(?: ?\\(\\d{1,4}\\))? ?: ?[eE]?\\d{1,6} ?[–-] ?\\d{1,6}\\.?$");
    /** The marker of a key ending with different volumes and pages. */
    private static final String VARYING_TAILS = "";
    /** Lines of an entry numbered apart in which its year is looked for, after a repeated reference heading. */
    private static final int NUMBERED_ENTRY_LINES = 4;

    private Furniture() {}

    /** One flag per layout line: true for furniture. Bare page numbers are flagged too (see {@link #pageNumber}). */
    static boolean[] find(Layout layout) {
        List<LayoutLine> lines = layout.lines();
        boolean[] out = new boolean[lines.size()];
        Map<String, Integer> repeats = new HashMap<>();
        Map<String, Integer> years = new HashMap<>();
        Map<String, String> tails = new HashMap<>();
        // a running header comes once a page: a source tail whose key recurs a few rows apart is the same
        // journal's in consecutive entries ("Trials. 2007;8:39." / "Trials. 2007;8:17."), and neither is a header
        Map<String, int[]> last = new HashMap<>(); // key -> {line index, row} of its latest occurrence
        boolean[] clustered = new boolean[lines.size()];
        String[] keys = new String[lines.size()];
        int row = 0;
        for (int i = 0; i < lines.size(); i++) {
            row += lines.get(i).text().isBlank() ? 0 : 1;
            String key = key(lines.get(i).text());
            keys[i] = key;
            if (key != null) {
                int[] previous = last.put(key, new int[] {i, row});
                if (previous != null
                        && row - previous[1] < MIN_HEADER_GAP
                        && SOURCE_TAIL.matcher(lines.get(i).text()).find()
                        && SOURCE_TAIL.matcher(lines.get(previous[0]).text()).find()) {
                    clustered[i] = true;
                    clustered[previous[0]] = true;
                }
                repeats.merge(key, 1, Integer::sum);
                int year = year(lines.get(i).text());
                if (year > 0) {
                    years.merge(key, year, (a, b) -> a.equals(b) ? a : VARYING_YEARS);
                }
                java.util.regex.Matcher tail =
                        VOLUME_PAGES_END.matcher(lines.get(i).text().strip());
                if (tail.find()) {
                    tails.merge(key, tail.group(), (a, b) -> a.equals(b) ? a : VARYING_TAILS);
                }
            }
        }
        int minRepeats = layout.pages() > 1 ? MIN_REPEATS_PAGED : MIN_REPEATS_UNPAGED;
        int nonBlank = 0;
        Set<String> seenEarly = new java.util.HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).text();
            if (text.isBlank()) {
                continue;
            }
            nonBlank++;
            String key = keys[i];
            int needed = key != null && LowerCase.of(key).endsWith(" et al") ? 2 : minRepeats;
            boolean repeated = key != null
                    && !clustered[i]
                    && repeats.getOrDefault(key, 0) >= needed
                    && years.getOrDefault(key, 0) != VARYING_YEARS
                    && !VARYING_TAILS.equals(tails.get(key));
            if (repeated && needed > 2 && nonBlank <= FIRST_PAGE_LINES && headingLike(text) && seenEarly.add(key)) {
                // the first occurrence near the top is the title or a heading the running header repeats
                repeated = false;
            }
            out[i] = repeated || phrase(text) || pageNumber(text) || linkLabels(text);
        }
        keepReferenceHeading(lines, out);
        return out;
    }

    /**
     * "References" printed again as a table's column header (Elsevier's tables of sources) repeats like a running
     * header, and the list's own heading went with it. When no reference heading is left, the first repeated one
     * followed by a line opening an entry ("Abreu, M.E., Muller, M., …", "1. Smith J") is the list's heading again.
     * One pass.
     */
    private static void keepReferenceHeading(List<LayoutLine> lines, boolean[] out) {
        int candidate = -1;
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).text().strip();
            if (text.isEmpty() || !LineCues.referenceHeading(Markup.clean(text))) {
                continue;
            }
            if (!out[i]) {
                return;
            }
            if (candidate < 0 && entryFollows(lines, i)) {
                candidate = i;
            }
        }
        if (candidate >= 0) {
            out[candidate] = false;
        }
    }

    /**
     * The next line opens an entry, and it or the line after it holds a year ("With CA, only one…" holds none). An
     * entry's number printed on a line of its own above it ("16.", SIGN's guidelines) is passed over, and then the
     * year may come in any of the entry's first {@value #NUMBERED_ENTRY_LINES} lines.
     */
    private static boolean entryFollows(List<LayoutLine> lines, int heading) {
        StringBuilder entry = null;
        int read = 0;
        boolean numberPassed = false;
        for (int j = heading + 1; j < lines.size(); j++) {
            String next = lines.get(j).text();
            if (next.isBlank()) {
                continue;
            }
            if (entry == null && !numberPassed && bareEntryNumber(next)) {
                numberPassed = true;
                continue;
            }
            if (entry == null && !ZoneSegmenter.opensEntry(next)) {
                return false;
            }
            entry = entry == null ? new StringBuilder(next) : entry.append(' ').append(next);
            if (++read == (numberPassed ? NUMBERED_ENTRY_LINES : 2)) {
                break;
            }
        }
        return entry != null && ReferenceLabeller.hasYear(entry.toString());
    }

    /** "16." alone on its line: an entry's number printed apart from the entry. */
    private static boolean bareEntryNumber(String line) {
        String s = line.strip();
        int digits = digits(s, 0);
        return digits > 0 && digits <= MAX_PAGE_NUMBER_DIGITS && s.length() == digits + 1 && s.charAt(digits) == '.';
    }

    /**
     * Whether a line could be the title or a heading that a running header repeats: not with "et al." or a "|"
     * between fields ("PLoS Genetics | 2008 | Volume 4 | Idaghdour et al.") or a DOI, which only a header prints.
     */
    private static boolean headingLike(String line) {
        String lower = LowerCase.of(line);
        return line.indexOf('|') < 0
                && !lower.contains(" et al.")
                && !lower.contains(" et al ")
                && Dois.find(line) == null;
    }

    /**
     * The first four-digit number from 1900 to 2099 in a line that is not an end of a range ("2291–2300"), or 0:
     * the year a running header or a reference prints. One pass.
     */
    static int year(String line) {
        int n = line.length();
        for (int i = 0; i + YEAR_DIGITS <= n; i++) {
            if (!Character.isDigit(line.charAt(i)) || i > 0 && Character.isDigit(line.charAt(i - 1))) {
                continue;
            }
            int end = i + digits(line, i);
            if (end - i == YEAR_DIGITS && !rangeEnd(line, i - 1) && !rangeEnd(line, end)) {
                int value = Integer.parseInt(line, i, end, 10);
                if (value >= 1900 && value <= 2099) {
                    return value;
                }
            }
            i = end - 1;
        }
        return 0;
    }

    private static boolean rangeEnd(String line, int at) {
        return at >= 0 && at < line.length() && "-–—".indexOf(line.charAt(at)) >= 0;
    }

    /** "PubMed Abstract | Publisher Full Text": nothing but link labels. */
    static boolean linkLabels(String line) {
        String s = LowerCase.of(line).strip();
        if (s.isEmpty() || s.length() > MAX_FURNITURE_CHARS) {
            return false;
        }
        for (String part : s.split("\\|")) {
            String p = part.strip();
            if (!p.isEmpty() && !LINK_LABELS.contains(p)) {
                return false;
            }
        }
        return s.indexOf('|') >= 0 || LINK_LABELS.contains(s) && s.length() > "cas".length();
    }

    /** True for a line that is only a page number or a "page n of m" counter. */
    static boolean pageNumber(String line) {
        // lowering keeps digits and bars and makes "p" of "P" only: a line opening otherwise is no page number
        String stripped = line.strip();
        char first = stripped.isEmpty() ? ' ' : stripped.charAt(0);
        if (!Character.isDigit(first) && first != '|' && first != 'p' && first != 'P') {
            return false;
        }
        String s = LowerCase.of(line).strip();
        if (s.startsWith("page ")) {
            s = s.substring("page ".length()).strip();
        }
        if (s.startsWith("|")) {
            s = s.substring(1).strip();
        }
        int i = digits(s, 0);
        if (i == 0 || i > MAX_PAGE_NUMBER_DIGITS) {
            return false;
        }
        String rest = s.substring(i).strip();
        if (rest.isEmpty()) {
            return true;
        }
        if (rest.startsWith("of ") || rest.startsWith("/")) {
            String total = rest.substring(rest.startsWith("/") ? 1 : 3).strip();
            return !total.isEmpty() && digits(total, 0) == total.length();
        }
        return false;
    }

    private static int digits(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        return i - from;
    }

    private static boolean phrase(String text) {
        if (text.length() > MAX_FURNITURE_CHARS) {
            return false;
        }
        String lower = LowerCase.of(text);
        for (String p : PHRASES) {
            if (lower.contains(p)) {
                return true;
            }
        }
        return lower.indexOf('|') >= 0 && pageCounterAtEnd(lower.strip());
    }

    /** "… | 9 of 10": a page counter closing a banner line. */
    private static boolean pageCounterAtEnd(String s) {
        int of = s.lastIndexOf(" of ");
        if (of <= 0) {
            return false;
        }
        String total = s.substring(of + " of ".length());
        int start = of;
        while (start > 0 && Character.isDigit(s.charAt(start - 1))) {
            start--;
        }
        return start < of && !total.isEmpty() && digits(total, 0) == total.length();
    }

    /**
     * The key running headers repeat under: letters in their case (a header is printed the same on every page; the
     * journal's banner "TRIALS", a sentence's "trials [12]." and an entry's wrapped "Trials. 2011;12:220." are three
     * lines, not one header), digits and punctuation dropped, spaces collapsed; null for a line that cannot be a
     * running header (long, markdown, too short once reduced).
     */
    private static String key(String line) {
        String s = line.strip();
        int max = s.endsWith("...") || s.endsWith("…") ? MAX_RUNNING_TITLE_CHARS : MAX_RUNNING_HEADER_CHARS;
        if (s.length() > max && longerCollapsed(s, max)
                || s.isEmpty()
                || "#*-_>|[".indexOf(s.charAt(0)) >= 0 && !s.startsWith("| ")) {
            return null;
        }
        if (EntryStart.parse(s) != null) {
            return null; // "4. World Health Organization. 2011.": a numbered reference, however often its words recur
        }
        if (Dois.find(s) != null) {
            // "https://doi.org/10.1073/pnas.0609783104": without its digits every PNAS DOI of a reference list is
            // the same key; a footer's DOI repeats whole, so a DOI line keeps its digits, but for the page number
            // pdftotext -layout prints beside it ("DOI:10.1590/S1518-8787.2016050006236      8")
            return withoutPageNumber(s).toLowerCase(Locale.ROOT);
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                out.append(c);
            } else if (c == ' ' && !out.isEmpty() && out.charAt(out.length() - 1) != ' ') {
                out.append(' ');
            }
        }
        String key = out.toString().strip();
        String lower = LowerCase.of(key);
        return key.length() < MIN_RUNNING_HEADER_KEY || numberWordsOnly(lower) || linkWordsOnly(lower) ? null : key;
    }

    /**
     * Whether the line is longer than {@code max} with each run of spaces counted once: pdftotext {@code -layout} sets
     * a footer's two halves apart by the page's width ("Copyright © 2004 John Wiley &amp; Sons, Ltd.        Statist.
     * Med. 2005; 24:1185–1202"). Stops as soon as it is.
     */
    private static boolean longerCollapsed(String s, int max) {
        int length = 0;
        for (int i = 0; i < s.length() && length <= max; i++) {
            if (s.charAt(i) != ' ' || i == 0 || s.charAt(i - 1) != ' ') {
                length++;
            }
        }
        return length > max;
    }

    /** The line without a page number printed at its start or end, apart from its text by spaces. */
    private static String withoutPageNumber(String s) {
        int end = s.length();
        int digits = end;
        while (digits > 0 && Character.isDigit(s.charAt(digits - 1))) {
            digits--;
        }
        if (digits < end && end - digits <= MAX_PAGE_NUMBER_DIGITS && digits > 0 && s.charAt(digits - 1) == ' ') {
            s = s.substring(0, digits).strip();
        }
        int start = 0;
        while (start < s.length() && Character.isDigit(s.charAt(start))) {
            start++;
        }
        if (start > 0 && start <= MAX_PAGE_NUMBER_DIGITS && start < s.length() && s.charAt(start) == ' ') {
            s = s.substring(start).strip();
        }
        return s;
    }

    /**
     * "39, 125–130. [CrossRef] [PubMed]" reduces to "crossref pubmed", like every other wrapped entry's tail of an MDPI
     * list: the link labels under a reference, not a header that repeats.
     */
    private static boolean linkWordsOnly(String key) {
        for (String word : key.split(" ")) {
            if (!LINK_LABEL_WORDS.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /**
     * "vol. 91, no. 2, pp. 221–229, 1986." reduces to "vol no pp", like every other wrapped entry's tail of an IEEE or
     * Hindawi list: such a key is a reference's numbers, not a header that repeats.
     */
    private static boolean numberWordsOnly(String key) {
        for (String word : key.split(" ")) {
            if (!NUMBER_WORDS.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
