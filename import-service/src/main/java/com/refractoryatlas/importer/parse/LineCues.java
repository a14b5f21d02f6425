package com.refractoryatlas.importer.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a single cleaned line looks like — heading, label, banner, caption, byline, affiliation — from its text alone.
 * The segmenter combines these cues with position and style; the word lists are data files ({@link WordList}).
 */
final class LineCues {

    static final Set<String> REFERENCE_HEADINGS = WordList.load("reference-headings");
    static final Set<String> SECTION_NAMES = WordList.load("section-names");
    static final Set<String> BACK_MATTER = WordList.load("back-matter-headings");
    private static final Set<String> LABELS = WordList.load("labels");
    private static final List<String> AFFILIATION_WORDS = WordList.ordered("affiliation-words");
    private static final Set<String> DEGREES = WordList.load("degrees");
    private static final List<String> FRONT_KEYS = WordList.ordered("front-matter-keys");
    private static final Set<String> FUNCTION_WORDS = Set.of(
            "a", "an", "the", "of", "in", "on", "at", "to", "for", "by", "with", "from", "and", "or", "as", "that",
            "which", "is", "are", "was", "were", "be", "than", "into", "we", "our", "this", "these", "its");

    static final int MAX_HEADING_CHARS = 120;
    private static final int MAX_HEADING_WORDS = 15;
    private static final int SHORT_HEADING_WORDS = 8;
    private static final int MAX_AFFILIATION_CHARS = 500;
    private static final int MAX_BANNER_CHARS = 120;
    private static final int MAX_BANNER_WORDS = 5;
    private static final int MIN_SPACED_LETTERS = 4;
    private static final double TITLE_CASE_SHARE = 0.6;

    private LineCues() {}

    /** Lower case, section numbering ("2.1", "1 |", "IV.") and trailing punctuation removed. */
    static String normalizeHeading(String heading) {
        String h = heading.toLowerCase(Locale.ROOT).strip();
        int i = 0;
        while (i < h.length() && (Character.isDigit(h.charAt(i)) || ". |".indexOf(h.charAt(i)) >= 0)) {
            i++;
        }
        h = h.substring(i);
        h = stripRoman(h);
        int end = h.length();
        while (end > 0 && ":.".indexOf(h.charAt(end - 1)) >= 0) {
            end--;
        }
        return h.substring(0, end).strip();
    }

    private static String stripRoman(String h) {
        int i = 0;
        while (i < h.length() && "ivx".indexOf(h.charAt(i)) >= 0) {
            i++;
        }
        if (i > 0 && i < h.length() - 1 && h.charAt(i) == '.' && h.charAt(i + 1) == ' ') {
            return h.substring(i + 2);
        }
        return h;
    }

    /**
     * A heading printed with spaces between letters ({@code R E F E R E N C E S}) or broken inside words by a PDF
     * ({@code INTRODU CT ION}) joined back, when the joined form is a known heading; otherwise null.
     */
    static @Nullable String despaced(String cleaned) {
        if (cleaned.length() > MAX_HEADING_CHARS || cleaned.indexOf(' ') < 0) {
            return null;
        }
        String prefix = numberingPrefix(cleaned);
        String body = cleaned.substring(prefix.length());
        if (!upperOrSpaced(body)) {
            return null;
        }
        String joined = body.replace(" ", "");
        String known = knownJoined(joined.toLowerCase(Locale.ROOT));
        if (known != null) {
            return prefix + known.toUpperCase(Locale.ROOT);
        }
        return null;
    }

    private static boolean upperOrSpaced(String body) {
        int letters = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (!Character.isUpperCase(c)) {
                    return spacedLetters(body);
                }
            } else if (c != ' ' && c != '&') {
                return false;
            }
        }
        return letters >= MIN_SPACED_LETTERS;
    }

    private static boolean spacedLetters(String body) {
        for (String token : body.split(" ")) {
            if (token.length() > 1) {
                return false;
            }
        }
        return true;
    }

    private static @Nullable String knownJoined(String joined) {
        for (Set<String> names : List.of(REFERENCE_HEADINGS, SECTION_NAMES, BACK_MATTER)) {
            for (String name : names) {
                if (name.replace(" ", "").equals(joined)) {
                    return name;
                }
            }
        }
        return null;
    }

    private static String numberingPrefix(String s) {
        int i = 0;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || ". |".indexOf(s.charAt(i)) >= 0)) {
            i++;
        }
        return i > 0 && i < s.length() && Character.isDigit(s.charAt(0)) ? s.substring(0, i) : "";
    }

    static boolean referenceHeading(String cleaned) {
        return cleaned.length() <= MAX_HEADING_CHARS && REFERENCE_HEADINGS.contains(normalizeHeading(cleaned));
    }

    static boolean knownHeading(String cleaned) {
        String h = normalizeHeading(cleaned);
        return SECTION_NAMES.contains(h) || REFERENCE_HEADINGS.contains(h) || BACK_MATTER.contains(h);
    }

    /** Short, capitalized, no closing punctuation, no citation or address: could be a heading. */
    static boolean plainHeadingLike(String cleaned) {
        if (cleaned.isEmpty() || cleaned.length() > MAX_HEADING_CHARS) {
            return false;
        }
        char first = cleaned.charAt(0);
        char last = cleaned.charAt(cleaned.length() - 1);
        if (!(Character.isUpperCase(first) || Character.isDigit(first)) || ".,;:".indexOf(last) >= 0) {
            return false;
        }
        if (cleaned.indexOf('[') >= 0
                || cleaned.startsWith("http")
                || Editorial.EMAIL.matcher(cleaned).find()) {
            return false;
        }
        return cleaned.split(" ").length <= MAX_HEADING_WORDS;
    }

    /**
     * Shaped like a heading rather than a line of prose cut by a page break: a few words not ending in a function
     * word, or longer but numbered, upper case or title case.
     */
    static boolean headingShaped(String cleaned) {
        String[] words = cleaned.split(" ");
        String lastWord = words[words.length - 1].toLowerCase(Locale.ROOT);
        if (FUNCTION_WORDS.contains(lastWord)) {
            return false;
        }
        if (words.length <= SHORT_HEADING_WORDS) {
            return true;
        }
        if (Character.isDigit(cleaned.charAt(0)) || cleaned.equals(cleaned.toUpperCase(Locale.ROOT))) {
            return true;
        }
        int capitalized = 0;
        for (String w : words) {
            if (!w.isEmpty() && (Character.isUpperCase(w.charAt(0)) || FUNCTION_WORDS.contains(w))) {
                capitalized++;
            }
        }
        return capitalized >= words.length * TITLE_CASE_SHARE;
    }

    /** "TRIALS", "PLOS ONE": up to five upper-case words, a journal or section banner above a title. */
    static boolean shortCapitals(String cleaned) {
        return cleaned.split(" ").length <= MAX_BANNER_WORDS
                && cleaned.equals(cleaned.toUpperCase(Locale.ROOT))
                && cleaned.chars().anyMatch(Character::isLetter);
    }

    /**
     * A line made of article-type labels, one after another or between "|" ("STUDY PROTOCOL Open Access", "PLOS ONE
     * OPEN ACCESS | RESEARCH ARTICLE": a journal's short capitals may stand beside them): what -raw text puts on the
     * title's first line. Each word is looked at a bounded number of times.
     */
    static boolean labelSequence(String cleaned) {
        boolean known = false;
        for (String part : cleaned.split("\\|")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            if (labelWords(p.toLowerCase(Locale.ROOT).split(" +")) || spacedLabels(p)) {
                known = true;
            } else if (!shortCapitals(p)) {
                return false;
            } else {
                known |= endsWithLabel(p.toLowerCase(Locale.ROOT).split(" +"));
            }
        }
        return known;
    }

    private static final int MAX_LABEL_WORDS = 4;
    private static final int MIN_SPACED_RUN = 3;
    private static final int MAX_SPACED_LABEL_CHARS = 120;
    private static final Set<String> JOINED_LABELS = joinedLabels();
    private static final int LONGEST_JOINED_LABEL =
            JOINED_LABELS.stream().mapToInt(String::length).max().orElse(0);

    private static Set<String> joinedLabels() {
        Set<String> out = new java.util.HashSet<>();
        for (String label : LABELS) {
            out.add(label.replace(" ", ""));
        }
        return Set.copyOf(out);
    }

    /**
     * Labels printed letter-spaced, as PDF viewers copy them: "R E S E A R C H A R T I C L E Open Access" (the gap
     * between words as wide as between letters). When the part has a run of single letters, its letters alone must
     * split into known labels; a table over at most {@value #MAX_SPACED_LABEL_CHARS} letters, each place looking
     * back no further than the longest label.
     */
    private static boolean spacedLabels(String part) {
        int run = 0;
        int longest = 0;
        for (String token : part.split(" +")) {
            run = token.length() == 1 && Character.isLetter(token.charAt(0)) ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        if (longest < MIN_SPACED_RUN) {
            return false;
        }
        String letters = part.replace(" ", "").toLowerCase(Locale.ROOT);
        int n = letters.length();
        if (n > MAX_SPACED_LABEL_CHARS) {
            return false;
        }
        boolean[] splits = new boolean[n + 1];
        splits[0] = true;
        for (int end = 1; end <= n; end++) {
            for (int start = Math.max(0, end - LONGEST_JOINED_LABEL); start < end && !splits[end]; start++) {
                splits[end] = splits[start] && JOINED_LABELS.contains(letters.substring(start, end));
            }
        }
        return splits[n];
    }

    /** The words split into known labels, longest first at each place. */
    private static boolean labelWords(String[] words) {
        int at = 0;
        while (at < words.length) {
            int next = -1;
            for (int k = Math.min(MAX_LABEL_WORDS, words.length - at); k >= 1 && next < 0; k--) {
                if (LABELS.contains(String.join(" ", java.util.Arrays.copyOfRange(words, at, at + k)))) {
                    next = at + k;
                }
            }
            if (next < 0) {
                return false;
            }
            at = next;
        }
        return words.length > 0;
    }

    /** "PLOS GENETICS OPEN ACCESS": a journal's name in capitals, then labels. */
    private static boolean endsWithLabel(String[] words) {
        for (int from = 1; from < words.length; from++) {
            if (words.length - from <= 2 * MAX_LABEL_WORDS
                    && labelWords(java.util.Arrays.copyOfRange(words, from, words.length))) {
                return true;
            }
        }
        return false;
    }

    private static final int MAX_JOURNAL_NAME_WORDS = 16;
    private static final Set<String> JOURNAL_OPENINGS = WordList.load("journal-name-openings");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[,:;]++$");

    /**
     * A journal's name on a line of its own above the title ("International Journal of Neuroscience", "Neurological
     * Research A Journal of Progress in Neurosurgery, ..."), as a publisher's cover page prints it: the word
     * "journal" or a journal name's opening word ("BMC", "PLoS": {@code journal-name-openings.txt}) and every longer
     * word capitalised, no closing period.
     */
    static boolean journalName(String cleaned) {
        String[] words = cleaned.split(" ");
        if (words.length > MAX_JOURNAL_NAME_WORDS || cleaned.endsWith(".")) {
            return false;
        }
        boolean journal = words.length > 1 && JOURNAL_OPENINGS.contains(words[0].toLowerCase(Locale.ROOT));
        for (String word : words) {
            String w = TRAILING_PUNCTUATION.matcher(word).replaceAll("");
            journal |= w.equalsIgnoreCase("journal");
            if (w.length() > 3 && !Character.isUpperCase(w.charAt(0))) {
                return false;
            }
        }
        return journal;
    }

    static boolean label(String cleaned) {
        String lower = LowerCase.of(cleaned);
        return LABELS.contains(lower)
                || lower.contains("issn")
                || lower.startsWith("volume ") && lower.length() < 60
                || lower.startsWith("vol.") && lower.length() < 60
                || lower.startsWith("printed in ") && lower.length() < 40;
    }

    /**
     * "Contemporary Clinical Trials 41 (2015) 69–74", "Computational Statistics & Data Analysis 48 (2005) 755 – 764"
     * (pdftotext spaces the dash): a journal's name, volume, year and pages, as Elsevier's front page prints them.
     */
    static final java.util.regex.Pattern CITATION_LINE = java.util.regex.Pattern.compile(
            "(\\p{L}[^()\\d]{2,80}) \\d{1,4}+ \\(\\d{4}\\) [A-Za-z]?\\d{1,6}+ ?[–-] ?[A-Za-z]?\\d{1,6}+");

    /**
     * A journal banner or DOI line above a title: short, with a DOI, a URL, a year beside volume numbers, or a
     * journal's citation line.
     */
    static Zone.@Nullable FrontKind banner(String cleaned) {
        if (cleaned.length() > MAX_BANNER_CHARS) {
            return null;
        }
        if (CITATION_LINE.matcher(cleaned).matches()) {
            return Zone.FrontKind.JOURNAL;
        }
        String lower = LowerCase.of(cleaned);
        if (Dois.find(cleaned) != null
                && cleaned.length() < MAX_BANNER_CHARS / 2 + Dois.find(cleaned).length()) {
            return Zone.FrontKind.DOI;
        }
        if (lower.startsWith("http") || lower.startsWith("www.")) {
            return Zone.FrontKind.JOURNAL;
        }
        return yearWithNumbers(cleaned) ? Zone.FrontKind.JOURNAL : null;
    }

    /** "Clin Med 2020; 9: 387", "(2021) 12:45", "2019, Vol. 3": a year next to volume or page numbers. */
    private static boolean yearWithNumbers(String s) {
        int numbers = 0;
        boolean year = false;
        int i = 0;
        while (i < s.length()) {
            if (!Character.isDigit(s.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            numbers++;
            if (i - start == 4) {
                int y = Integer.parseInt(s.substring(start, i));
                year |= y >= 1900 && y <= 2100;
            }
        }
        return year && numbers >= 3 && (s.indexOf(';') >= 0 || s.indexOf(':') >= 0 || s.contains("Vol"));
    }

    static @Nullable String frontKey(String cleaned) {
        String lower = LowerCase.of(cleaned);
        for (String key : FRONT_KEYS) {
            if (lower.startsWith(key)) {
                return key;
            }
        }
        return null;
    }

    static boolean keywords(String cleaned) {
        String lower = LowerCase.of(cleaned);
        return lower.startsWith("keywords") || lower.startsWith("key words") || lower.startsWith("key-words");
    }

    /** "Figure 2.", "Fig. 3", "Table 1", "Supplementary Table S2": a caption's opening. */
    static boolean caption(String cleaned) {
        String lower = LowerCase.of(cleaned);
        for (String lead : new String[] {
            "figure ", "fig. ", "fig ", "table ", "supplementary figure ", "supplementary table ", "scheme ", "box "
        }) {
            if (lower.startsWith(lead)) {
                String rest = lower.substring(lead.length());
                return !rest.isEmpty()
                        && (Character.isDigit(rest.charAt(0))
                                || rest.length() > 1 && rest.charAt(0) == 's' && Character.isDigit(rest.charAt(1)));
            }
        }
        return false;
    }

    /** What kind of editorial or correspondence line opens this block, null when none. */
    static Zone.@Nullable FrontKind footerKind(String cleaned) {
        String lower = LowerCase.of(cleaned);
        if (lower.startsWith("how to cite") || lower.startsWith("cite this article") || lower.startsWith("citation:")) {
            return Zone.FrontKind.CITE_AS;
        }
        if (lower.startsWith("address for correspondence")
                || lower.startsWith("corresponding author")
                || lower.startsWith("correspondence:")
                || lower.startsWith("correspondence to")
                || lower.startsWith("e-mail:")
                || lower.startsWith("email:")) {
            return Zone.FrontKind.CORRESPONDENCE;
        }
        if (lower.startsWith("copyright") || lower.startsWith("©")) {
            return Zone.FrontKind.COPYRIGHT;
        }
        return Editorial.startsWithKey(cleaned) ? Zone.FrontKind.DATES : null;
    }

    static boolean affiliation(String cleaned, int lines, boolean italic) {
        if (cleaned.length() > MAX_AFFILIATION_CHARS || lines > 3) {
            return false;
        }
        if (italic) {
            return true;
        }
        String lower = LowerCase.of(cleaned);
        for (String word : AFFILIATION_WORDS) {
            if (lower.contains(word) && cleaned.indexOf(',') >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Opens with an affiliation mark ("1 Department", "a Institute", "† University"). */
    static boolean marked(String cleaned) {
        return !cleaned.isEmpty()
                && (Character.isDigit(cleaned.charAt(0))
                        || "*†‡§¶#¹²³⁴⁵⁶⁷⁸⁹⁰".indexOf(cleaned.charAt(0)) >= 0
                        || cleaned.length() > 2
                                && Character.isLowerCase(cleaned.charAt(0))
                                && cleaned.charAt(1) == ' ');
    }

    private static final java.util.regex.Pattern EMAIL_IN_PARENS =
            java.util.regex.Pattern.compile(" *[(<][^()<>\\s@]+@[^()<>\\s@]+[)>],?");

    /**
     * One author with an address in brackets, a line of its own ("Beena G Sood (bsood@med.wayne.edu)"): BMC's
     * provisional PDFs list their authors so, one line each, as many lines as authors.
     */
    static boolean addressedName(String raw) {
        return EMAIL_IN_PARENS.matcher(raw).find() && byline(raw);
    }

    static boolean byline(String raw) {
        String names = bylineNames(raw);
        if (names.isEmpty() || !AuthorNames.looksLikeNameList(names)) {
            return false;
        }
        for (String item : names.split("[,;]| and | & ")) {
            String t = item.strip();
            if (!t.isEmpty() && t.split(" +").length < 2) {
                return false;
            }
        }
        return !holdsTitleWord(names);
    }

    /** Words of titles no name holds ({@code title-words.txt}): "… Kinetic Model of" / "Mycobacterium … Using …". */
    private static final Set<String> TITLE_WORDS = WordList.load("title-words");

    private static boolean holdsTitleWord(String names) {
        int n = names.length();
        for (int i = 0; i < n; ) {
            if (!Character.isLetter(names.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            while (end < n && Character.isLetter(names.charAt(end))) {
                end++;
            }
            if (end - i > 1 && TITLE_WORDS.contains(names.substring(i, end).toLowerCase(Locale.ROOT))) {
                return true;
            }
            i = end;
        }
        return false;
    }

    /** A byline without affiliation marks, footnote symbols and degrees. */
    static String bylineNames(String raw) {
        // "Kevin J Loope (kjl75@cornell.edu)": BMC's provisional PDFs print each author with an address, a line each
        String s = separatorsAsCommas(EMAIL_IN_PARENS.matcher(Markup.clean(raw)).replaceAll(", "));
        // the first three characters lowered are the lowered line's first three ("by " has no İ or Σ)
        if (s.length() >= 3 && s.substring(0, 3).toLowerCase(Locale.ROOT).equals("by ")) {
            s = s.substring(3);
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean afterMark = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            // Wiley and Elsevier separate a name's marks with semicolons ("Peter Martus1;∗;†,", "Scott Evans∗;†",
            // "John S. Preissera;∗ ,"): they go with the marks
            boolean mark = bylineMark(c) || c == ';' && (afterMark || markOrComma(nextAfterSpaces(s, i)));
            if (!mark) {
                out.append(c);
            }
            afterMark = mark;
        }
        List<String> kept = new ArrayList<>();
        for (String item : out.toString().split(",")) {
            String t = withoutLetterMark(item.strip());
            // Cell Press shortens a long byline with an ellipsis: "Benjamin M. Whitlock, ..., Morgan Huse"
            if (!t.isEmpty() && !degree(t) && !t.equals("...") && !t.equals("…")) {
                kept.add(t);
            }
        }
        return String.join(", ", withoutGluedLetterMarks(kept));
    }

    /**
     * pdftotext glues Elsevier's superscript affiliation letters to the names ("Kellie J. Archera,∗ , Stanley
     * Lemeshowb , David W. Hosmerc"): when every name ends in a lower-case letter and those letters are a run from
     * "a" ("a, b, c"; "a, b, c, a, b, b"), the first name's "a" among them, they are marks. A single letter or a
     * repeated one ("Costa, Silva") is no such run.
     */
    private static List<String> withoutGluedLetterMarks(List<String> names) {
        if (names.size() < 2) {
            return names;
        }
        boolean[] seen = new boolean[26];
        for (String name : names) {
            char last = name.charAt(name.length() - 1);
            int space = name.lastIndexOf(' ');
            if (last < 'a' || last > 'z' || name.length() - space - 1 < 3) {
                return names;
            }
            seen[last - 'a'] = true;
        }
        int distinct = 0;
        while (distinct < 26 && seen[distinct]) {
            distinct++;
        }
        for (int i = distinct; i < 26; i++) {
            if (seen[i]) {
                return names; // not a run from "a"
            }
        }
        String first = names.get(0);
        if (distinct < 2 || first.charAt(first.length() - 1) != 'a') {
            return names;
        }
        List<String> out = new ArrayList<>(names.size());
        for (String name : names) {
            out.add(name.substring(0, name.length() - 1));
        }
        return out;
    }

    /** The first character after position {@code i} that is no space, or a space at the end. */
    private static char nextAfterSpaces(String s, int i) {
        int j = i + 1;
        while (j < s.length() && s.charAt(j) == ' ') {
            j++;
        }
        return j < s.length() ? s.charAt(j) : ' ';
    }

    /**
     * A mark ("Scott Evans∗; †" in pdftotext's text) or a comma ("Preissera;∗ , Garciab" once the marks go) after a
     * semicolon: the semicolon separated marks, not names.
     */
    private static boolean markOrComma(char c) {
        return c == ',' || bylineMark(c);
    }

    private static boolean bylineMark(char c) {
        return Character.isDigit(c) || "†‡§¶#¹²³⁴⁵⁶⁷⁸⁹⁰⁺*∗⇑⁎✉".indexOf(c) >= 0;
    }

    /**
     * Springer separates the names of a byline with a dot ("Dan Wang • Scott A. Heckathorn •", "C. L. Parr ·
     * A. N. Andersen"), which some of its fonts map to "Æ" between spaces: each is a comma here.
     */
    static String separatorsAsCommas(String s) {
        if (s.indexOf('•') < 0
                && s.indexOf('·') < 0
                && s.indexOf('∙') < 0
                && s.indexOf('⋅') < 0
                && !s.contains(" Æ ")) {
            return s;
        }
        String commas = s.replace(" Æ ", ", ");
        StringBuilder out = new StringBuilder(commas.length());
        for (int i = 0; i < commas.length(); i++) {
            char c = commas.charAt(i);
            out.append(c == '•' || c == '·' || c == '∙' || c == '⋅' ? ',' : c);
        }
        return out.toString();
    }

    /**
     * Elsevier marks affiliations with lower-case letters after the name ("Britta S. Meyer a,b,⇑"): a lone
     * lower-case letter, as an item or at the end of one, is a mark; no name ends in one.
     */
    private static String withoutLetterMark(String item) {
        int n = item.length();
        if (n == 1 && Character.isLowerCase(item.charAt(0))) {
            return "";
        }
        if (n > 2 && item.charAt(n - 2) == ' ' && Character.isLowerCase(item.charAt(n - 1))) {
            return item.substring(0, n - 2).strip();
        }
        // Wiley sets a name's letters after its comma ("P. Wu,a * † X. M. Tu", "Tu,a,b and J. Kowalski"): the next
        // item opens with them
        if (n > 3 && Character.isLowerCase(item.charAt(0)) && item.charAt(1) == ' ') {
            String rest = item.substring(2).strip();
            if (!rest.isEmpty() && Character.isUpperCase(rest.charAt(0)) || rest.startsWith("and ")) {
                return rest;
            }
        }
        return item;
    }

    private static final int LONGEST_DEGREE =
            DEGREES.stream().mapToInt(String::length).max().orElse(0);

    /** "MD", "Ph.D.": lowering never shortens, so a word with more letters than the longest degree is none. */
    private static boolean degree(String word) {
        int dots = 0;
        for (int i = 0; i < word.length(); i++) {
            dots += word.charAt(i) == '.' ? 1 : 0;
        }
        return word.length() - dots <= LONGEST_DEGREE
                && DEGREES.contains(word.toLowerCase(Locale.ROOT).replace(".", ""));
    }

    static String stripLeadingMarks(String s) {
        int i = 0;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || "*†‡§¶#¹²³⁴⁵⁶⁷⁸⁹⁰,".indexOf(s.charAt(i)) >= 0)) {
            i++;
        }
        return s.substring(i).strip();
    }
}
