package com.refractoryatlas.importer.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads one reference entry: the quoted-title layout of the seeds ({@code Authors. "Title." *Journal* 20
 * (2020):727-742.}) with its variants (issue, missing volume or pages, DOI, plain journal), and as fallbacks the APA
 * ({@code Authors (2020). Title. Journal, 20(3), 727-742.}) and Vancouver ({@code Authors. Title. Journal.
 * 2020;20(3):727-42.}) layouts. Entries are capped in length and every pattern is bounded, so hostile entries
 * cannot make it slow.
 */
final class ReferenceLabeller {

    static final int MAX_ENTRY_CHARS = 4000;
    private static final int MIN_YEAR = 1500;
    private static final int MAX_YEAR = 2100;
    private static final int MAX_TITLE_CHARS = 500;

    private static final Pattern URL = Pattern.compile("https?://[^\\s]{1,500}+");
    private static final Pattern PUBMED = Pattern.compile("(?:PMID|PMCID):?\\s?+\\w{1,20}+", Pattern.CASE_INSENSITIVE);
    private static final Pattern YEAR_IN_PARENS = Pattern.compile("\\((\\d{4})[a-z]?\\)");
    private static final Pattern BARE_YEAR = Pattern.compile("(?<![\\w/.-])(\\d{4})[a-z]?(?![\\w/-])");
    private static final Pattern VOLUME_ISSUE =
            Pattern.compile("([A-Za-z]?\\d[\\w.-]{0,15}+)\\s*+(?:\\(([^()]{1,20}+)\\))?+");
    private static final Pattern APA_YEAR = Pattern.compile("\\((\\d{4}|n\\.\\s?d\\.)[a-z]?(?:,[^)]{0,40}+)?\\)\\.?");

    /**
     * "Doe B. 2010 Title", "Doe B. 2010. Title", "Doe, B., 2010. Title", and Harvard without stops ("Doe, B 2010
     * Title", Ubiquity Press): a bare year closing the author list.
     */
    private static final Pattern YEAR_AFTER_AUTHORS =
            Pattern.compile("(?:[.,]|(?<=(?<![\\p{L}'’-])\\p{Lu})) (\\d{4})[a-z]?+\\.?+ (?=\\S)");

    private static final Pattern NUMBER_WORDS = Pattern.compile("(?i)\\b(?:vol(?:ume)?|no|issue|pp?)\\.?+\\s?+");
    /**
     * "vol. 91", "no. 9-10", "pp. 221–229", "p. 45", and ABNT's "v. 30, n. 2, p. 123-130" (SciELO, Brazilian
     * journals): a number named by its label (IEEE, Hindawi, ACM, many books).
     */
    private static final Pattern LABELLED_NUMBER = Pattern.compile(
            "(?i)(?<!\\p{L})(vol|volume|no|issue|pp|p|(?-i:v|n)(?=\\.))\\.?+\\s?+([A-Za-z]?+\\d\\w{0,12}+(?:\\s?+[-–—]\\s?+[A-Za-z]?+\\d\\w{0,12}+)?+)");

    private ReferenceLabeller() {}

    /** The fields of a cited work, used for reference entries and for an article's own "How to cite" line. */
    record Fields(
            List<ParsedAuthor> authors,
            @Nullable String title,
            @Nullable String journal,
            @Nullable String volume,
            @Nullable String issue,
            @Nullable String pages,
            @Nullable Integer year,
            @Nullable String doi) {}

    static ParsedReference parse(int number, String entry, int line, IssueLog log) {
        String raw = collapse(entry);
        String text = raw;
        if (text.length() > MAX_ENTRY_CHARS) {
            log.warning(
                    ParseIssue.Code.MALFORMED_REFERENCE,
                    "reference " + number + " is longer than " + MAX_ENTRY_CHARS + " characters; the rest is ignored",
                    line);
            text = text.substring(0, MAX_ENTRY_CHARS);
        }
        Fields f = fields(text);
        String title = f.title();
        if (title == null || title.isBlank() || f.authors().isEmpty() && f.year() == null) {
            log.warning(
                    ParseIssue.Code.MALFORMED_REFERENCE,
                    "reference " + number + " could not be split into authors, title and source: " + abbreviate(raw),
                    line);
            title = title == null || title.isBlank() ? abbreviate(Markup.clean(text)) : title;
        } else if (f.year() == null) {
            log.warning(ParseIssue.Code.MALFORMED_REFERENCE, "reference " + number + " has no year", line);
        }
        return new ParsedReference(
                number,
                f.authors(),
                title,
                f.journal(),
                f.volume(),
                f.issue(),
                f.pages(),
                f.year(),
                f.doi(),
                raw,
                line);
    }

    static String abbreviateRaw(String s) {
        String t = collapse(s);
        return t.length() <= ABBREVIATED ? t : t.substring(0, ABBREVIATED) + "…";
    }

    private static final int ABBREVIATED = 80;

    private static String abbreviate(String s) {
        return s.length() <= MAX_TITLE_CHARS ? s : s.substring(0, MAX_TITLE_CHARS) + "…";
    }

    static String collapse(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0') {
                if (!out.isEmpty() && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
            } else {
                out.append(c);
            }
        }
        return out.toString().strip();
    }

    /**
     * Splits an entry (without its number) into fields; fields that cannot be found are null. Every style's reading
     * that applies is tried and the one with the best {@link #score} wins, so that an author-year entry with a quoted
     * word in its title is not read as a quoted-title entry only because a quote comes first.
     */
    static Fields fields(String entry) {
        String text = closeSpacedInitials(Pages.closeRanges(
                Hyphenation.repairInline(entry.replace("\\*", "").replace("\\_", ""))));
        String doi = null;
        int[] span = Dois.span(text);
        if (span != null) {
            doi = Dois.find(text.substring(span[0]));
            text = text.substring(0, span[0]) + text.substring(span[1]);
        }
        text = URL.matcher(text).replaceAll("");
        text = asciiPm(text) ? PUBMED.matcher(text).replaceAll("") : text;
        text = text.replace("Available from:", "")
                .replace("Available at:", "")
                .replace("[Internet]", "")
                .replace("[PubMed]", "")
                .strip();
        List<Fields> candidates = new ArrayList<>();
        int open = indexOfAny(text, '"', '“', 0);
        int close = lastIndexOfAny(text, '"', '”');
        if (open >= 0 && close > open + 1 && quoteOpensTitle(text, open)) {
            candidates.add(quoted(text, open, close, doi));
        }
        Matcher apa = APA_YEAR.matcher(text);
        if (apa.find() && apa.start() > 0 && AuthorNames.looksLikeNameList(text.substring(0, apa.start()))) {
            candidates.add(apa(text, apa, doi));
        }
        Matcher bare = YEAR_AFTER_AUTHORS.matcher(text);
        if (findYearAfterAuthors(bare, text)
                && bare.start() <= MAX_AUTHORS_CHARS
                && plausibleYear(bare.group(1)) != null
                && AuthorNames.looksLikeNameList(text.substring(0, bare.start() + 1))) {
            Fields f = bareYear(text, bare, doi);
            if (f != null) {
                candidates.add(f);
            }
        }
        int colon = colonAfterAuthors(text);
        if (colon > 0) {
            candidates.add(afterAuthors(text, colon, doi));
        }
        candidates.addAll(InitialsFirst.candidates(text, doi)); // before Vancouver's readings: a tie is theirs
        int initialsFirstEnd = InitialsFirst.listEnd(text);
        if (initialsFirstEnd > 0) {
            candidates.add(afterAuthors(text, initialsFirstEnd, doi));
        }
        candidates.add(vancouver(text, doi, false));
        candidates.add(vancouver(text, doi, true));
        Fields best = candidates.get(0);
        double bestScore = score(best);
        for (Fields f : candidates.subList(1, candidates.size())) {
            double s = score(f);
            if (s > bestScore) {
                best = f;
                bestScore = s;
            }
        }
        return best;
    }

    private static final int MIN_TITLE_CHARS = 8;
    private static final int MAX_AUTHORS_CHARS = 600;
    private static final int MAX_JOURNAL_CHARS = 150;

    /** How well a reading fits: filled, well-formed fields score; fields that look like another field cost. */
    static double score(Fields f) {
        double s = 0;
        if (!f.authors().isEmpty()) {
            s += 2;
            s -= f.authors().stream()
                    .filter(a -> a.family().length() < 2 || a.family().split(" ").length > 4)
                    .count();
        }
        String title = f.title();
        if (title != null && title.length() >= MIN_TITLE_CHARS && title.length() <= MAX_TITLE_CHARS) {
            s += 2;
            if (AuthorNames.looksLikeNameList(title) && title.indexOf(',') > 0) {
                s -= 2;
            }
        }
        String journal = f.journal();
        if (journal != null && journal.length() <= MAX_JOURNAL_CHARS) {
            s += 1.5;
            if (hasDigit(journal)) {
                s -= 1;
            }
        }
        s += f.year() != null ? 1.5 : 0;
        s += f.volume() != null && hasDigit(f.volume()) ? 1 : 0;
        s += f.pages() != null && hasDigit(f.pages()) ? 1 : 0;
        return s;
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Title and source of a rest that opens with a quoted title, as Harvard prints it after the year: {@code (2004)
     * “Title,” Journal, 77, pp. 253–262.}; null when the rest opens with no quote or the quote is not closed.
     */
    /** An initial whose period pdftotext set apart ("Kafadar, K . and Tukey"): the period rejoins it. */
    private static final Pattern SPACED_INITIAL = Pattern.compile("(?<=(?<![\\p{L}'’])\\p{Lu}) \\.(?=[\\s,;]|$)");

    private static String closeSpacedInitials(String text) {
        return text.contains(" .") ? SPACED_INITIAL.matcher(text).replaceAll(".") : text;
    }

    private static String @Nullable [] quotedTitleFirst(String rest) {
        if (rest.isEmpty() || rest.charAt(0) != '"' && rest.charAt(0) != '“') {
            return null;
        }
        int close = indexOfAny(rest, '"', '”', 1);
        if (close < 2) {
            return null;
        }
        return new String[] {rest.substring(1, close), stripLeading(rest.substring(close + 1), ",.;: ")};
    }

    private static String stripLeading(String s, String chars) {
        int i = 0;
        while (i < s.length() && chars.indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return s.substring(i);
    }

    /** True when the text holds a plausible publication year. */
    static boolean hasYear(String text) {
        return anyYear(text) != null;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    /**
     * A quoted title follows the authors' closing punctuation ({@code Smith J. "Title."}, IEEE's {@code J. Smith,
     * "Title,"}); a quote inside a sentence ({@code Faith: addressing the "universal" gender gap}) quotes a word of
     * the title and is no title reading.
     */
    private static boolean quoteOpensTitle(String text, int open) {
        String before = text.substring(0, open).strip();
        return before.isEmpty() || ".,:;".indexOf(before.charAt(before.length() - 1)) >= 0;
    }

    private static Fields quoted(String text, int open, int close, @Nullable String doi) {
        String names = text.substring(0, open);
        Integer year = null;
        Matcher trailing = YEAR_BEFORE_QUOTE.matcher(names);
        if (trailing.find() && plausibleYear(trailing.group(1)) != null) { // Chicago: "… and W. Khan. 2004. “Title.”"
            year = Integer.valueOf(trailing.group(1));
            names = names.substring(0, trailing.start());
        }
        List<ParsedAuthor> authors = AuthorNames.parse(names);
        String title = cleanTitle(text.substring(open + 1, close));
        Source source = source(text.substring(close + 1));
        Integer printed = source.year != null ? source.year : year;
        return new Fields(authors, title, source.journal, source.volume, source.issue, source.pages, printed, doi);
    }

    /** The year closing an author list before a quoted title: "Khan. 2004. ", "Smith J (2004) ". */
    private static final Pattern YEAR_BEFORE_QUOTE = Pattern.compile("[\\s.,]\\(?(\\d{4})[a-z]?\\)?[.,:]?\\s*+$");

    private static Fields apa(String text, Matcher year, @Nullable String doi) {
        List<ParsedAuthor> authors = AuthorNames.parse(text.substring(0, year.start()));
        String rest = text.substring(year.end()).strip();
        String[] parts = quotedTitleFirst(rest);
        if (parts == null) {
            parts = titleAndSource(rest);
        }
        String title = cleanTitle(parts[0]);
        Source source = parts[1].isEmpty() ? Source.EMPTY : source(parts[1]);
        Integer y = Character.isDigit(year.group(1).charAt(0)) ? Integer.valueOf(year.group(1)) : null;
        return new Fields(authors, title, source.journal, source.volume, source.issue, source.pages, y, doi);
    }

    /**
     * Author-year without parentheses (Royal Society, eLife, PeerJ, Wiley, Elsevier's Harvard): "Smith JA, Doe B.
     * 2010 Title. Journal 12, 1–9." The authors end at the year; title and source are read as after an APA year.
     * Null when the source holds a year of its own: then the number opens a Vancouver title ("Doe B. 2010 census
     * results. Stat J. 2012;4:1-9").
     */
    private static @Nullable Fields bareYear(String text, Matcher year, @Nullable String doi) {
        List<ParsedAuthor> authors = AuthorNames.parse(text.substring(0, year.start() + 1));
        String rest = text.substring(year.end()).strip();
        String[] parts = titleAndSource(rest);
        String title = cleanTitle(parts[0]);
        Source source = parts[1].isEmpty() ? Source.EMPTY : source(parts[1]);
        if (source.year != null) {
            return null;
        }
        return new Fields(
                authors,
                title,
                source.journal,
                source.volume,
                source.issue,
                source.pages,
                Integer.valueOf(year.group(1)),
                doi);
    }

    /**
     * Title and source of the text after the authors (and year): the source is the last sentence-like segment
     * with numbers, extended back over abbreviated journal words ("Mem. Inst. Oswaldo Cruz"); the title is what
     * comes before, whatever punctuation it has inside ("…her pup? An experimental study…").
     */
    static String[] titleAndSource(String rest) {
        List<String> segments = segments(rest, 0);
        if (segments.size() < 2) {
            return new String[] {rest, ""};
        }
        int sourceAt = segments.size() - 1;
        while (sourceAt > 1 && numericOnly(segments.get(sourceAt))) {
            sourceAt--;
        }
        sourceAt = journalStart(segments, sourceAt, 0);
        return new String[] {
            String.join(" ", segments.subList(0, sourceAt)),
            String.join(" ", segments.subList(sourceAt, segments.size()))
        };
    }

    private static List<String> segments(String text, int start) {
        List<String> segments = new ArrayList<>();
        int from = start;
        int end;
        while ((end = sentenceEnd(text, from)) >= 0) {
            segments.add(text.substring(from, end + 1).strip());
            from = end + 1;
        }
        if (from < text.length() && !text.substring(from).isBlank()) {
            segments.add(text.substring(from).strip());
        }
        return segments;
    }

    /** Moves the source start back over segments that are only abbreviations ("Mem.", "J. Am."). */
    private static int journalStart(List<String> segments, int sourceAt, int titleFrom) {
        int at = sourceAt;
        while (at - 1 > titleFrom && abbreviations(segments.get(at - 1))) {
            at--;
        }
        return at;
    }

    /**
     * A segment that is part of an abbreviated journal name: up to three capitalized tokens ending in an abbreviation
     * ("Mem.", "J. Am.", and ACS/MDPI's "Cereal Res." before "Commun. 2011, 39, 1–10": whole words may stand between
     * abbreviations). A title's last sentence is longer or has a lower-case word.
     */
    private static boolean abbreviations(String segment) {
        String[] tokens = segment.split(" ");
        if (tokens.length > MAX_ABBREVIATION_TOKENS || !segment.endsWith(".")) {
            return false;
        }
        for (String t : tokens) {
            if (t.length() < 2
                    || t.length() > MAX_ABBREVIATION_CHARS + (t.endsWith(".") ? 0 : 1)
                    || !Character.isUpperCase(t.charAt(0))
                    || !t.endsWith(".") && !lettersOnly(t)) {
                return false;
            }
        }
        return true;
    }

    private static boolean lettersOnly(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (!Character.isLetter(t.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static final int MAX_ABBREVIATION_TOKENS = 3;
    private static final int MAX_ABBREVIATION_CHARS = 13;

    /** BMC and older Springer: "Dagenais S, Caro J, Haldeman S: A systematic review… Spine J 2008, 8:8–20." */
    private static int colonAfterAuthors(String text) {
        int colon = text.indexOf(": ");
        if (colon <= 0 || colon > MAX_AUTHORS_CHARS) {
            return -1;
        }
        String prefix = text.substring(0, colon);
        if (sentenceEnd(prefix, 0) >= 0 || prefix.contains("et al. ") || prefix.contains("et al., ")) {
            return -1;
        }
        int vancouverEnd = authorsEnd(prefix);
        if (vancouverEnd > 0) {
            return -1; // "Cringoli G, Utzinger J. FLOTAC: new techniques…": the authors end at the initial's period
        }
        return AuthorNames.looksLikeNameList(prefix) ? colon : -1;
    }

    private static Fields afterAuthors(String text, int end, @Nullable String doi) {
        List<ParsedAuthor> authors = AuthorNames.parse(text.substring(0, end));
        String rest = text.substring(end + 1).strip();
        String[] parts = titleAndSource(rest);
        String title = cleanTitle(parts[0]);
        Source source = parts[1].isEmpty() ? Source.EMPTY : source(parts[1]);
        Integer year = source.year != null ? source.year : anyYear(rest);
        return new Fields(authors, title, source.journal, source.volume, source.issue, source.pages, year, doi);
    }

    private static Fields vancouver(String text, @Nullable String doi, boolean authorsEndAtInitial) {
        List<String> segments = new ArrayList<>();
        int from = 0;
        int end;
        int authorsEnd = authorsEndAtInitial ? authorsEnd(text) : -1;
        if (authorsEnd > 0) {
            segments.add(text.substring(0, authorsEnd + 1).strip());
            from = authorsEnd + 1;
        }
        while ((end = sentenceEnd(text, from)) >= 0) {
            segments.add(text.substring(from, end + 1).strip());
            from = end + 1;
        }
        if (from < text.length() && !text.substring(from).isBlank()) {
            segments.add(text.substring(from).strip());
        }
        if (segments.size() < 2) {
            return new Fields(List.of(), null, null, null, null, null, anyYear(text), doi);
        }
        List<ParsedAuthor> authors =
                AuthorNames.looksLikeNameList(segments.get(0)) || AuthorNames.corporate(segments.get(0)) != null
                        ? AuthorNames.parse(segments.get(0))
                        : List.of();
        int titleFrom = authors.isEmpty() ? 0 : 1;
        int sourceAt = segments.size() - 1;
        while (sourceAt > titleFrom + 1 && numericOnly(segments.get(sourceAt))) {
            sourceAt--;
        }
        sourceAt = journalStart(segments, sourceAt, titleFrom);
        String sourceText = String.join(" ", segments.subList(sourceAt, segments.size()));
        if (sourceAt == titleFrom) {
            return new Fields(authors, cleanTitle(sourceText), null, null, null, null, anyYear(text), doi);
        }
        String title = cleanTitle(String.join(" ", segments.subList(titleFrom, sourceAt)));
        Source source = source(sourceText);
        Integer year = source.year != null ? source.year : anyYear(sourceText);
        return new Fields(authors, title, source.journal, source.volume, source.issue, source.pages, year, doi);
    }

    /**
     * For "Smith, J.; Doe, A. Title", "Lee J. Title" and "Lee J. 2010 census…": the first period-space whose prefix
     * reads as a name list, even right after an initial; -1 when none.
     */
    private static int authorsEnd(String s) {
        for (int i = 1; i < Math.min(s.length() - 1, MAX_AUTHORS_CHARS); i++) {
            if (s.charAt(i) == '.'
                    && s.charAt(i + 1) == ' '
                    && afterInitial(s, i)
                    && i + 2 < s.length()
                    && (Character.isUpperCase(s.charAt(i + 2)) || Character.isDigit(s.charAt(i + 2)))
                    && AuthorNames.looksLikeNameList(s.substring(0, i + 1))
                    && (!AuthorNames.isInitial(stripSeparator(firstToken(s.substring(i + 2)))) || article(s, i + 2))) {
                return i;
            }
        }
        return -1;
    }

    /** "Pellegrino J. A simple device…": the capital after the authors is the article "A", not an initial. */
    private static boolean article(String s, int at) {
        return s.startsWith("A ", at) && at + 2 < s.length() && Character.isLowerCase(s.charAt(at + 2));
    }

    /** "A.;" and "A.," of "Smith, J. A.; Doe, B." (ACS): an initial closing a name, before the names' separator. */
    private static String stripSeparator(String token) {
        return token.endsWith(";") || token.endsWith(",") ? token.substring(0, token.length() - 1) : token;
    }

    private static String firstToken(String s) {
        int space = s.indexOf(' ');
        return space < 0 ? s : s.substring(0, space);
    }

    private static boolean numericOnly(String segment) {
        for (String token : segment.split(" ")) {
            if (!numericToken(token)) {
                return false;
            }
        }
        return true;
    }

    /** Index of the punctuation ending the first sentence-like segment at or after {@code from}, or -1. */
    private static int sentenceEnd(String s, int from) {
        for (int i = Math.max(from, 1); i < s.length() - 1; i++) {
            char c = s.charAt(i);
            if ((c == '.' || c == '?' || c == '!') && s.charAt(i + 1) == ' ' && !afterInitial(s, i)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean afterInitial(String s, int dot) {
        if (s.charAt(dot) != '.') {
            return false;
        }
        int start = dot;
        while (start > 0 && s.charAt(start - 1) != ' ') {
            start--;
        }
        String word = s.substring(start, dot + 1);
        return AuthorNames.isInitial(word) || word.equals("Jr.") || word.equals("Sr.");
    }

    /**
     * The first plausible {@link #BARE_YEAR}. A match opens with a digit, so the pattern is tried only where one
     * stands (its look-behind seeing the text before), not at every character.
     */
    private static @Nullable Integer anyYear(String s) {
        Matcher m = BARE_YEAR.matcher(s).useTransparentBounds(true);
        int from = 0;
        while (from < s.length()) {
            char c = s.charAt(from);
            if (c < '0' || c > '9' || !m.region(from, s.length()).lookingAt()) {
                from++;
                continue;
            }
            Integer y = plausibleYear(m.group(1));
            if (y != null) {
                return y;
            }
            from = m.end();
        }
        return null;
    }

    /**
     * {@code year.find()} for {@link #YEAR_AFTER_AUTHORS}, tried only where its match can start: every match has a
     * space and four digits, and starts at that space or at the stop or comma before it.
     */
    private static boolean findYearAfterAuthors(Matcher year, String s) {
        year.useTransparentBounds(true);
        for (int space = s.indexOf(' '); space >= 0 && space + 4 < s.length(); space = s.indexOf(' ', space + 1)) {
            if (!asciiDigits(s, space + 1, space + 5)) {
                continue;
            }
            char before = space > 0 ? s.charAt(space - 1) : ' ';
            if ((before == '.' || before == ',')
                            && year.region(space - 1, s.length()).lookingAt()
                    || year.region(space, s.length()).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    private static boolean asciiDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** "PMID", "pmcid": {@link #PUBMED} (ASCII case-insensitive) can match only where a "pm" stands. */
    private static boolean asciiPm(String s) {
        for (int i = 1; i < s.length(); i++) {
            char m = s.charAt(i);
            char p = s.charAt(i - 1);
            if ((m == 'm' || m == 'M') && (p == 'p' || p == 'P')) {
                return true;
            }
        }
        return false;
    }

    private static @Nullable Integer plausibleYear(String digits) {
        int y = Integer.parseInt(digits);
        return y >= MIN_YEAR && y <= MAX_YEAR ? y : null;
    }

    static String cleanTitle(String s) {
        String t = Markup.clean(s).strip();
        while (!t.isEmpty() && ".,;: ".indexOf(t.charAt(t.length() - 1)) >= 0) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.startsWith("“") || t.startsWith("\"")) {
            t = t.substring(1);
        }
        if (t.endsWith("”") || t.endsWith("\"")) {
            t = t.substring(0, t.length() - 1);
        }
        return t.strip();
    }

    /** Journal, volume, issue, year and pages from the text after the title. */
    private record Source(
            @Nullable String journal,
            @Nullable String volume,
            @Nullable String issue,
            @Nullable String pages,
            @Nullable Integer year) {
        static final Source EMPTY = new Source(null, null, null, null, null);
    }

    private static Source source(String afterTitle) {
        String t = afterTitle.strip();
        while (!t.isEmpty() && ".,;: ".indexOf(t.charAt(0)) >= 0) {
            t = t.substring(1);
        }
        String journal = null;
        String rest = t;
        if (t.startsWith("*") || t.startsWith("_")) {
            char marker = t.charAt(0);
            int start = 0;
            while (start < t.length() && t.charAt(start) == marker) {
                start++;
            }
            int end = t.indexOf(marker, start);
            if (end > start) {
                journal = cleanJournal(t.substring(start, end));
                int after = end;
                while (after < t.length() && t.charAt(after) == marker) {
                    after++;
                }
                rest = t.substring(after);
            }
        }
        if (journal == null) {
            String[] tokens = t.split(" ");
            int k = tokens.length;
            while (k > 0 && numericToken(tokens[k - 1]) && !closesParenthesis(tokens, k - 1)) {
                k--;
            }
            journal = k == 0 ? null : cleanJournal(String.join(" ", java.util.Arrays.copyOf(tokens, k)));
            rest = String.join(" ", java.util.Arrays.copyOfRange(tokens, k, tokens.length));
        }
        return numbers(journal, rest);
    }

    private static @Nullable String cleanJournal(String s) {
        return JournalNames.normalize(s);
    }

    /** "Spine (Phila Pa 1976)": the token closes a parenthesis the journal name opened, so it is the name's. */
    private static boolean closesParenthesis(String[] tokens, int at) {
        if (!tokens[at].endsWith(")") || tokens[at].indexOf('(') >= 0) {
            return false;
        }
        int open = 0;
        for (int i = 0; i < at; i++) {
            open += count(tokens[i], '(') - count(tokens[i], ')');
        }
        return open > 0 && !numericToken(tokens[at - 1 < 0 ? 0 : at - 1]);
    }

    private static boolean numericToken(String token) {
        String lower = token.toLowerCase(Locale.ROOT);
        if (token.equals("v.") || token.equals("n.")) {
            return true; // ABNT's volume and issue labels, in lower case only (a journal abbreviation is capitalized)
        }
        if (lower.isEmpty()
                || lower.equals("vol.")
                || lower.equals("vol")
                || lower.equals("volume")
                || lower.equals("no.")
                || lower.equals("no")
                || lower.equals("issue")
                || lower.equals("pp.")
                || lower.equals("p.")
                || lower.equals("pp")) {
            return true;
        }
        for (int i = 0; i < token.length(); i++) {
            if (Character.isDigit(token.charAt(i))) {
                return true;
            }
        }
        return ":;,.()-–".indexOf(token.charAt(0)) >= 0 && token.length() == 1;
    }

    private static Source numbers(@Nullable String journal, String numericText) {
        Source labelled = labelledNumbers(journal, numericText);
        return labelled != null ? labelled : positionalNumbers(journal, numericText);
    }

    /** "2011;306(7):711-720", "20(3), 727-742", "(2020):727-742": the numbers read by their places and separators. */
    private static Source positionalNumbers(@Nullable String journal, String numericText) {
        String s = numericText
                .replace('–', '-')
                .replace('—', '-')
                .transform(t -> NUMBER_WORDS.matcher(t).replaceAll(""))
                .strip();
        Integer year = null;
        Matcher y = YEAR_IN_PARENS.matcher(s);
        if (y.find() && plausibleYear(y.group(1)) != null) {
            year = plausibleYear(y.group(1));
            s = s.substring(0, y.start()) + " " + s.substring(y.end());
        } else {
            Matcher bare = BARE_YEAR.matcher(s);
            while (bare.find()) {
                Integer candidate = plausibleYear(bare.group(1));
                int dateEnd = dateEnd(s, bare.end());
                boolean vancouver = bare.end() < s.length()
                        && (s.charAt(bare.end()) == ';'
                                || s.charAt(bare.end()) == ','
                                || dateEnd > bare.end()
                                || yearThenVolume(s, bare.end()));
                if (candidate != null && (vancouver || s.indexOf(':') < 0 || bare.start() > s.indexOf(':'))) {
                    year = candidate;
                    s = s.substring(0, bare.start()) + " " + s.substring(Math.max(bare.end(), dateEnd));
                    break;
                }
            }
        }
        s = s.strip();
        while (!s.isEmpty() && ";,. ".indexOf(s.charAt(0)) >= 0) {
            s = s.substring(1);
        }
        String left;
        String right;
        int colon = s.indexOf(':');
        if (colon >= 0) {
            left = s.substring(0, colon);
            right = s.substring(colon + 1);
        } else {
            int comma = s.indexOf(',');
            left = comma >= 0 ? s.substring(0, comma) : s;
            right = comma >= 0 ? s.substring(comma + 1) : "";
        }
        String volume = null;
        String issue = null;
        Matcher vi = VOLUME_ISSUE.matcher(left.strip());
        if (vi.lookingAt()) {
            volume = stripEnds(vi.group(1));
            issue = vi.group(2) == null ? null : vi.group(2).strip();
            String tail = left.strip().substring(vi.end()).strip();
            if (issue == null && tail.startsWith(",")) {
                String candidate = stripEnds(tail.substring(1));
                issue = candidate.isEmpty() ? null : candidate;
            }
        }
        String pages = pages(right);
        return new Source(journal, emptyToNull(volume), emptyToNull(issue), pages, year);
    }

    /**
     * "vol. 91, no. 2, pp. 221–229, 1986.": each number is named by its label, in whatever order the style prints
     * them, so the labels decide (read by position, the issue "2" would be taken for the pages); what is not
     * labelled (the year, an unlabelled volume before "pp.") is read by position from the rest. Null when neither a
     * volume nor pages are labelled.
     */
    private static @Nullable Source labelledNumbers(@Nullable String journal, String numericText) {
        Matcher m = LABELLED_NUMBER.matcher(numericText);
        String volume = null;
        String issue = null;
        String pages = null;
        StringBuilder rest = new StringBuilder(numericText.length());
        int from = 0;
        while (m.find()) {
            String label = m.group(1).toLowerCase(Locale.ROOT);
            String value = m.group(2);
            switch (label) {
                case "vol", "volume", "v" -> volume = volume == null ? value : volume;
                case "no", "issue", "n" -> issue = issue == null ? value : issue;
                default -> pages = pages == null ? value : pages;
            }
            rest.append(numericText, from, m.start()).append(' ');
            from = m.end();
        }
        if (volume == null && pages == null) {
            return null;
        }
        rest.append(numericText, from, numericText.length());
        Source other = positionalNumbers(journal, rest.toString());
        return new Source(
                journal,
                volume != null ? volume : other.volume(),
                volume != null || issue != null ? issue : other.issue(),
                pages != null ? Pages.normalize(pages) : other.pages(),
                other.year());
    }

    private static final int MAX_DATE_CHARS = 16;

    /**
     * "2010 Jan;30(2)", "2010 Mar 15;30", "2010 Jan-Feb;30": the month (and day) a Vancouver entry prints after its
     * year, up to the semicolon before the volume; the index of that semicolon, or -1 when none follows the year.
     */
    private static int dateEnd(String s, int yearEnd) {
        if (yearEnd >= s.length() || s.charAt(yearEnd) != ' ') {
            return -1;
        }
        for (int j = yearEnd + 1; j < s.length() && j - yearEnd <= MAX_DATE_CHARS; j++) {
            char c = s.charAt(j);
            if (c == ';') {
                return j > yearEnd + 1 && Character.isLetter(s.charAt(yearEnd + 1)) ? j : -1;
            }
            if (!Character.isLetterOrDigit(c) && c != ' ' && c != '-' && c != '.') {
                return -1;
            }
        }
        return -1;
    }

    /** "2009. 120(6): 424-429": a year closed by a period, then the volume (De Gruyter and others). */
    private static boolean yearThenVolume(String s, int end) {
        return end + 2 < s.length()
                && s.charAt(end) == '.'
                && s.charAt(end + 1) == ' '
                && Character.isDigit(s.charAt(end + 2));
    }

    private static @Nullable String pages(String right) {
        String r = right.strip();
        if (r.isEmpty()) {
            return null;
        }
        String first = r.split("[ ,;]", 2)[0];
        if (first.endsWith("-") && r.length() > first.length()) {
            first = r.replace(" ", "").split("[,;]", 2)[0];
        }
        return Pages.normalize(first);
    }

    private static String stripEnds(String s) {
        String t = s.strip();
        while (!t.isEmpty() && ".,;:)( ".indexOf(t.charAt(t.length() - 1)) >= 0) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }

    private static @Nullable String emptyToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static int indexOfAny(String s, char a, char b, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == a || c == b) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOfAny(String s, char a, char b) {
        for (int i = s.length() - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (c == a || c == b) {
                return i;
            }
        }
        return -1;
    }
}
