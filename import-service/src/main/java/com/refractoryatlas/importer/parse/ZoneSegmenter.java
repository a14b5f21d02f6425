package com.refractoryatlas.importer.parse;

import com.refractoryatlas.importer.parse.layout.Layout;
import com.refractoryatlas.importer.parse.layout.LayoutLine;
import com.refractoryatlas.importer.parse.layout.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Stage 2: labels a {@link Layout}'s lines as {@link Zone}s. Page furniture is found first over the whole layout
 * ({@link Furniture}); the other lines are grouped into blocks and each block labelled from its text, its place in
 * the document (front matter, body, reference list, editorial footer) and, when the layout has them, font size and
 * weight (the title is the largest type on the first page; a heading is bold or larger than the body). One pass over
 * the blocks with a cursor inside each block: no recursion over the input, linear in its size.
 */
final class ZoneSegmenter {

    private static final int MAX_TITLE_CHARS = 300;
    private static final int MAX_TITLE_LINES = 6;
    private static final int MAX_BYLINE_LINES = 3;
    private static final int FOOTER_RESIDUE_CHARS = 200;
    private static final int TABLE_MIN_LINES = 3;
    private static final int TABLE_MAX_AVERAGE_CHARS = 40;
    private static final double TABLE_NUMERIC_SHARE = 0.3;
    private static final float TITLE_FONT_FACTOR = 1.15f;
    private static final float HEADING_FONT_DELTA = 0.9f;
    private static final float SAME_FONT = 0.5f;
    /** The title stands in the upper part of page 1: above this share of the page's text. */
    private static final float TITLE_ZONE = 0.6f;
    /** Fewest words a line needs to set the title's type (a journal name above it may be larger). */
    private static final int TITLE_MIN_WORDS = 3;

    private static final String NOTES_SECTION = "Notes";
    private static final int AUTHOR_YEAR_WINDOW = 200;
    private static final int MAX_INITIALS = 5;
    private static final int MAX_FIRST_NUMBER = 3;
    private static final int MAX_NUMBER_JUMP = 30;
    /** A number this far past the list's numbering that reads as a year is a wrapped line's year, not an entry. */
    private static final int FIRST_YEAR = 1800;

    private static final int LAST_YEAR = 2100;
    /** A bare number longer than this is no entry number (and is not parsed). */
    private static final int MAX_NUMBER_DIGITS = 5;
    /** Entries a numbered list needs before body text may interrupt it and the list go on after. */
    private static final int MIN_ENTRIES_TO_RESUME = 3;
    /** A heading inside a reference list (the back matter after it) has at most this many words. */
    private static final int MAX_HEADING_WORDS_IN_LIST = 6;
    /** How many DOIs outside the reference entries are remembered: front matter and footers print a few. */
    private static final int MAX_DOCUMENT_DOIS = 64;

    private static final java.util.regex.Pattern NON_LETTERS = java.util.regex.Pattern.compile("[^\\p{L}]+");
    private static final int MIN_PROSE_CHARS = 80;
    private static final int MAX_STRAY_GLYPH_CHARS = 2;
    /** Lines looked at past a "1." for entries 2 and 3 of a list printed without a heading. */
    private static final int HEADLESS_LIST_LOOKAHEAD = 20;

    private static final int MAX_ENTRIES_ABOVE_HEADING = 12;
    private static final int MAX_ENTRY_ABOVE_HEADING_CHARS = 600;
    private static final int JOURNAL_BOX_LINES = 40;
    private static final String JOURNAL_HOMEPAGE = "journal homepage";

    private static final String BYLINE_MARKS = "⇑⁎*∗†‡§¶✉¹²³⁴⁵⁶⁷⁸⁹";
    private static final java.util.regex.Pattern PAREN_YEAR = java.util.regex.Pattern.compile("\\(\\d{4}\\)");
    /**
     * "Drug Alcohol Depend 2011; 115: 190–95.": a journal's name (without stops, as Vancouver abbreviates it), its year
     * and volume — the source line of the entry above, whose title ended with a year range and a period, not a new
     * entry.
     */
    private static final java.util.regex.Pattern SOURCE_LINE =
            java.util.regex.Pattern.compile("\\p{Lu}[\\p{L} &'’-]{1,80} (?:1[89]|20)\\d{2}[;,:] ?+\\d");
    /**
     * "Genes, Brain, and Behavior, 8, 650–660.": an APA source line (journal, volume, pages, maybe a DOI after them)
     * of the entry above, whose journal's name reads like "Family, Given"; a new entry prints its year before that.
     */
    private static final java.util.regex.Pattern APA_SOURCE_LINE = java.util.regex.Pattern.compile(
            "^\\p{Lu}[\\p{L} ,&'’-]{1,80}, \\d{1,4}(?:\\(\\d{1,4}\\))?, [eE]?\\d{1,6}(?:[–-]\\d{1,6})?\\.?(?: |$)");
    /** An entry's text ending with its page range: "2011, 55, 533–539". */
    private static final java.util.regex.Pattern ENDING_PAGES = java.util.regex.Pattern.compile("\\d[-–]\\d{1,6}+$");
    /** How much of an entry's end {@link #ENDING_PAGES} looks at. */
    private static final int ENDING_WINDOW = 16;
    /** "339–352", "93 –103", "e17896", "12:R31" (an article number): where an entry's pages stand. */
    private static final java.util.regex.Pattern PAGE_RANGE = java.util.regex.Pattern.compile(
            "\\d{1,6}+ ?+[-–] ?+\\d{1,6}+|\\be\\d{3,8}+\\b|\\d{1,4}+: ?+[A-Z]{1,2}+\\d{1,6}+\\b");

    private ZoneSegmenter() {}

    static Zones segment(Layout layout) {
        return new Run(layout).run();
    }

    /** A line that opens a reference entry: a numbered entry start or an author list ("Smith J,", "Abreu, M.E."). */
    static boolean opensEntry(String line) {
        return EntryStart.parse(line) != null || EntryBuilder.authorStart(line);
    }

    private enum Phase {
        FRONT,
        BODY,
        REFERENCES,
        FOOTER
    }

    private static final class Run {
        private final Layout layout;
        private final List<Zone> zones = new ArrayList<>();
        private final boolean[] furniture;
        private final boolean styled;
        private final float bodyFont;
        private final java.util.Set<Integer> titleLines;
        private int furnitureCursor;
        private Phase phase = Phase.FRONT;
        private boolean markdown;
        private boolean titleDone;
        private boolean bylineDone;
        private boolean affiliationSeen;
        private boolean entriesSeen;
        /** An entry without a number was read: the list is author-year (or its numbers are printed apart). */
        private boolean entriesSeenUnnumbered;

        private @Nullable EntryBuilder open;
        /** The DOIs printed outside reference entries so far (lower case): the article's own among them. */
        private final java.util.Set<String> documentDois = new java.util.HashSet<>();

        private final java.util.TreeSet<Integer> pendingNumbers = new java.util.TreeSet<>();
        /**
         * Zones (by index) of the entries that took a waiting number, in reading order, since the last entry printed
         * with its own number: {@link #settle} may renumber them once that number is read.
         */
        private final List<Integer> provisional = new ArrayList<>();
        /** Zones (by index) of entries read before any number was free for them, waiting for numbers printed later. */
        private final java.util.ArrayDeque<Integer> orphans = new java.util.ArrayDeque<>();
        /** The list prints its numbers apart from its entries (pdftotext of a two-column page), seen once. */
        private boolean numbersApart;

        private int lastNumber;
        /** The highest entry number read: a list whose columns come out of order goes back to lower numbers. */
        private int highestNumber;
        /** Plain text: the first line of the title found above the byline, or -1 (see {@link #titleAboveByline}). */
        private int titleStart = -1;
        /** The line ending a journal box above the title, or -1 (see {@link #journalBoxEnd}). */
        private final int journalBoxEnd;
        /** With positions: how far down page 1 the journal box reaches (its last line's baseline), else NaN. */
        private final float journalBoxBottom;

        Run(Layout layout) {
            this.layout = layout;
            this.furniture = Furniture.find(layout);
            this.styled = layout.lines().stream().anyMatch(l -> l.style() != null);
            this.bodyFont = styled ? bodyFont(layout.lines()) : 0;
            this.journalBoxEnd = journalBoxEnd(layout.lines());
            this.journalBoxBottom = journalBoxBottom(layout.lines(), journalBoxEnd);
            this.titleLines = styled
                    ? titleLines(layout.lines(), bodyFont, furniture, this::boxed, citedJournal(layout.lines()))
                    : java.util.Set.of();
        }

        private static float journalBoxBottom(List<LayoutLine> lines, int boxEnd) {
            for (int i = 0; i < lines.size() && i < JOURNAL_BOX_LINES; i++) {
                LayoutLine l = lines.get(i);
                if (l.number() == boxEnd && l.style() != null && l.style().page() == 1) {
                    return l.style().y();
                }
            }
            return Float.NaN;
        }

        /**
         * Whether a line is in the journal box: with positions, a line of page 1 no lower than the box's last line
         * (a PDF's content order may put the title before the box); in text, a line above that last one.
         */
        private boolean boxed(LayoutLine l) {
            if (journalBoxEnd < 0) {
                return false;
            }
            if (!Float.isNaN(journalBoxBottom) && l.style() != null) {
                return l.style().page() == 1 && l.style().y() <= journalBoxBottom + BOX_SLACK;
            }
            return l.number() <= journalBoxEnd;
        }

        /** A point: baselines of one line measured apart. */
        private static final float BOX_SLACK = 1f;

        /**
         * The journal's name as the citation line above the title prints it ("Contemporary Clinical Trials 41
         * (2015) 69–74": Elsevier), lower case, or null: a line of just that name is the journal, not the title,
         * wherever the PDF's content order puts it. Looks at the first {@value #JOURNAL_BOX_LINES} lines.
         */
        private static @Nullable String citedJournal(List<LayoutLine> lines) {
            for (int i = 0; i < lines.size() && i < JOURNAL_BOX_LINES; i++) {
                java.util.regex.Matcher m = LineCues.CITATION_LINE.matcher(
                        Markup.clean(lines.get(i).text()).strip());
                if (m.matches()) {
                    return m.group(1).strip().toLowerCase(Locale.ROOT);
                }
            }
            return null;
        }

        /**
         * Elsevier's front page opens with a box: the citation line, "Contents lists available at ScienceDirect",
         * the journal's name in large type, then "journal homepage: www.elsevier.com/locate/…". The number of that
         * last line, when one of the first {@value #JOURNAL_BOX_LINES} lines: every line above it is the box, not
         * the title. -1 when there is none.
         */
        private static int journalBoxEnd(List<LayoutLine> lines) {
            for (int i = 0; i < lines.size() && i < JOURNAL_BOX_LINES; i++) {
                String c = Markup.clean(lines.get(i).text()).strip();
                if (c.regionMatches(true, 0, JOURNAL_HOMEPAGE, 0, JOURNAL_HOMEPAGE.length())) {
                    return lines.get(i).number();
                }
            }
            return -1;
        }

        private boolean inJournalBox(Block block) {
            if (journalBoxEnd <= 0) {
                return false;
            }
            if (!Float.isNaN(journalBoxBottom)) {
                return block.lines().stream().allMatch(l -> l.style() == null || boxed(l));
            }
            return block.lines().get(block.lines().size() - 1).number() < journalBoxEnd;
        }

        Zones run() {
            List<Block> blocks = Block.group(layout, furniture);
            markdown = countAtxHeadings(blocks) >= 2;
            titleStart = titleLines.isEmpty() ? titleAboveByline(afterJournalBox(blocks)) : -1;
            for (int i = 0; i < blocks.size(); i++) {
                Block block = blocks.get(i);
                furnitureUpTo(block.firstLine().number());
                if (!block.rule()) {
                    read(block, i + 1 < blocks.size() ? blocks.get(i + 1).first() : null);
                }
            }
            flushEntry();
            furnitureUpTo(Integer.MAX_VALUE);
            return new Zones(ReferenceSections.withoutFalseSections(zones), markdown, highestNumber);
        }

        private void furnitureUpTo(int lineNumber) {
            List<LayoutLine> lines = layout.lines();
            while (furnitureCursor < lines.size() && lines.get(furnitureCursor).number() < lineNumber) {
                if (furniture[furnitureCursor]) {
                    furnitureLine(lines.get(furnitureCursor));
                }
                furnitureCursor++;
            }
        }

        /**
         * A bare number inside a reference list is an entry number printed apart from its entry, not a page: the next
         * number of the list, or the next of a run of numbers waiting for their entries (The Lancet's "8" to "29",
         * printed without stops above their column's entries).
         */
        private void furnitureLine(LayoutLine line) {
            if (phase == Phase.REFERENCES && Furniture.pageNumber(line.text())) {
                String digits = line.text().strip();
                int next = pendingNumbers.isEmpty() ? lastNumber + 1 : pendingNumbers.last() + 1;
                if (digits.chars().allMatch(Character::isDigit)
                        && digits.length() <= MAX_NUMBER_DIGITS
                        && Integer.parseInt(digits) == next) {
                    if (!numberAfterFirstLine(next, line)) {
                        flushUnlessWaiting();
                        numberApart(next);
                    }
                    return;
                }
            }
            rememberDoi(line.text());
            zones.add(new Zone.PageFurniture(List.of(line)));
        }

        /**
         * Splits a block at heading lines with a cursor (a heading glued to its paragraph), then labels each part;
         * {@code after} is the first line of the next block.
         */
        private void read(Block block, @Nullable String after) {
            List<LayoutLine> lines = block.lines();
            int start = 0;
            while (start < lines.size()) {
                if (lines.size() - start > 1
                        && (leadingHeading(lines, start) || phase == Phase.REFERENCES && leadingDoi(lines, start))) {
                    label(
                            new Block(List.of(lines.get(start)), false),
                            lines.get(start + 1).text());
                    start++;
                    continue;
                }
                int cut = lines.size();
                for (int i = start + 1; i < lines.size(); i++) {
                    if (startsInnerZone(lines, i, phase == Phase.REFERENCES)
                            || phase == Phase.BODY && !entriesSeen && headlessList(lines.get(i))) {
                        cut = i;
                        break;
                    }
                }
                label(
                        new Block(lines.subList(start, cut), false),
                        cut < lines.size() ? lines.get(cut).text() : after);
                start = cut;
            }
        }

        /** Labels a block; {@code after} is the line that follows it, if any. */
        private void label(Block block, @Nullable String after) {
            String cleaned = block.joinedCleaned();
            if (cleaned.isEmpty()) {
                return;
            }
            Zone.FrontKind footer = LineCues.footerKind(cleaned);
            if (footer != null && !doiEndingOpenEntry(block, footer, cleaned, after)) {
                footer(block, footer);
                return;
            }
            if (phase == Phase.FRONT) {
                rememberDoi(cleaned);
            }
            switch (phase) {
                case FRONT -> front(block, cleaned);
                case BODY -> body(block, cleaned);
                case REFERENCES -> references(block, cleaned);
                case FOOTER -> afterFooter(block, cleaned);
            }
        }

        /**
         * A "doi:10…" line on its own after an entry without a DOI: the end of that entry, set apart by a blank row
         * ({@code -layout} prints one where the column beside it has a paragraph break), not the article's own DOI
         * in an editorial footer, which would end the list. The article's DOI is told by being printed before, in
         * the front matter, a footer or a running line, or by a footer line after it (BMC's "Cite this article as").
         */
        private boolean doiEndingOpenEntry(Block block, Zone.FrontKind footer, String cleaned, @Nullable String after) {
            if (footer != Zone.FrontKind.DATES
                    || phase != Phase.REFERENCES
                    || open == null
                    || block.lines().size() != 1
                    || !doiLine(cleaned)
                    || after != null && LineCues.footerKind(Markup.clean(after)) != null) {
                return false;
            }
            String doi = Dois.find(cleaned);
            return doi != null && !documentDois.contains(LowerCase.of(doi)) && Dois.find(open.text.toString()) == null;
        }

        /** Notes the DOI a line outside the reference entries prints: the article's own, or a related one. */
        private void rememberDoi(String text) {
            String doi = Dois.find(text);
            if (doi != null && documentDois.size() < MAX_DOCUMENT_DOIS) {
                documentDois.add(LowerCase.of(doi));
            }
        }

        // ------------------------------------------------------------------ front matter

        private void front(Block block, String cleaned) {
            if (!titleDone) {
                beforeTitle(block, cleaned);
                return;
            }
            if (continuesTitle(block)) {
                return;
            }
            if (inJournalBox(block)) { // a PDF's content order may put the title before the box
                zones.add(new Zone.FrontMatter(Zone.FrontKind.JOURNAL, block.lines()));
                return;
            }
            if (titleAfterByline(block, cleaned)) {
                return;
            }
            if (!bylineDone
                    && block.lines().size() > 1
                    && LineCues.label(Markup.clean(block.first()).strip())) {
                // Cell Press's summary page: "Authors" on a line of its own over the names, in text glued to them
                zones.add(
                        new Zone.FrontMatter(Zone.FrontKind.LABEL, block.lines().subList(0, 1)));
                Block rest = block.from(1);
                front(rest, rest.joinedCleaned());
                return;
            }
            if (!bylineDone
                    && !affiliationSeen
                    && (block.lines().size() <= MAX_BYLINE_LINES && LineCues.byline(block.joinedRaw())
                            || addressedNames(block))) {
                zones.add(new Zone.Byline(block.lines()));
                bylineDone = true;
                return;
            }
            if (!bylineDone && !affiliationSeen && block.lines().size() > 1) {
                // the byline with its affiliations under it in one block (-layout indents them alike: Hindawi)
                int names = bylineEnd(block.lines(), 0);
                if (names > 0 && (severalNames(block.until(names).joinedRaw()) || authorsKey(block.first()))) {
                    zones.add(new Zone.Byline(block.lines().subList(0, names)));
                    bylineDone = true;
                    Block rest = block.from(names);
                    front(rest, rest.joinedCleaned());
                    return;
                }
            }
            if (bylineDone && LineCues.affiliation(cleaned, block.lines().size(), Markup.isItalicLine(block.first()))) {
                zones.add(new Zone.Affiliation(block.lines()));
                affiliationSeen = true;
                return;
            }
            if (frontMatter(block, cleaned)) {
                return;
            }
            phase = Phase.BODY;
            body(block, cleaned);
        }

        /** Authors a block of one addressed name a line may list (BMC's provisional PDFs: one line an author). */
        private static final int MAX_ADDRESSED_NAMES = 100;

        /** A block of more lines than a byline has, each one author with an address ({@link LineCues#addressedName}). */
        private static boolean addressedNames(Block block) {
            List<LayoutLine> lines = block.lines();
            if (lines.size() <= MAX_BYLINE_LINES || lines.size() > MAX_ADDRESSED_NAMES) {
                return false;
            }
            for (LayoutLine line : lines) {
                if (!LineCues.addressedName(line.text())) {
                    return false;
                }
            }
            return true;
        }

        /** Front-page blocks looked at for a byline under the title. */
        private static final int MAX_FRONT_BLOCKS = 16;

        /**
         * Plain text: where the title is, taken from the byline under it rather than from the first title-shaped
         * block (a journal's name, a series or article-type label, an ISSN line print above the title on many front
         * pages). The byline is the first front block (of the first {@value #MAX_FRONT_BLOCKS}) that reads as one or
         * opens with one, or that has one glued under its first lines; the title is the lines above it in that block, or the block
         * before it. -1 when no byline is found, or when what stands above it is not title-shaped (then the first
         * title-shaped block is the title, as before). Bounded: a few lines of a few blocks.
         */
        private static int titleAboveByline(List<Block> blocks) {
            for (int b = 0; b < blocks.size() && b < MAX_FRONT_BLOCKS; b++) {
                List<LayoutLine> lines = blocks.get(b).lines();
                String head = Markup.clean(blocks.get(b).first()).strip().toLowerCase(Locale.ROOT);
                if (head.startsWith("abstract")
                        || head.startsWith("background")
                        || head.startsWith("introduction")
                        || Markup.atxHeading(blocks.get(b).first()) != null) {
                    return -1;
                }
                String raw = blocks.get(b).joinedRaw();
                int opening = bylineEnd(lines, 0);
                // bylineEnd tries the whole of a short block first: it ends there when the block is a byline
                if (lines.size() <= MAX_BYLINE_LINES && opening == lines.size() && severalNames(raw)
                        || opening > 0 && severalNames(new Block(lines.subList(0, opening), false).joinedRaw())) {
                    return b > 0 && titleShaped(blocks.get(b - 1).lines())
                            ? blocks.get(b - 1).firstLine().number()
                            : -1;
                }
                int[] byline = bylineSpan(lines);
                if (byline != null) {
                    // labels, banners and a journal's name glued above the title (text without blank lines)
                    int first = leadingFrontLines(lines.subList(0, byline[0]));
                    return first < byline[0] && titleShaped(lines.subList(first, byline[0]))
                            ? lines.get(first).number()
                            : -1;
                }
            }
            return -1;
        }

        /** Two names or more ("A, B", "A and B", "A & B"): two capitalised words alone read as a name too. */
        private static boolean severalNames(String raw) {
            String s = LineCues.separatorsAsCommas(raw); // Springer: "Gerriet Fokuhl Æ Jürgen Heinze"
            return s.indexOf(',') > 0 || s.contains(" and ") || s.contains(" & ");
        }

        /** A few lines of words without a closing period that are no banner, label or editorial line. */
        private static boolean titleShaped(List<LayoutLine> lines) {
            String c = new Block(lines, false).joinedCleaned();
            return lines.size() <= MAX_TITLE_LINES
                    && c.length() <= MAX_TITLE_CHARS
                    && c.split(" ").length >= TITLE_MIN_WORDS
                    && !c.endsWith(".")
                    && !c.endsWith(",")
                    && !LineCues.byline(new Block(lines, false).joinedRaw())
                    && LineCues.banner(c) == null
                    && !LineCues.label(c)
                    && LineCues.frontKey(c) == null;
        }

        private List<Block> afterJournalBox(List<Block> blocks) {
            int from = 0;
            while (from < blocks.size() && inJournalBox(blocks.get(from))) {
                from++;
            }
            return blocks.subList(from, blocks.size());
        }

        private void beforeTitle(Block original, String originalCleaned) {
            if (inJournalBox(original)) {
                zones.add(new Zone.FrontMatter(Zone.FrontKind.JOURNAL, original.lines()));
                return;
            }
            Block block = original;
            String cleaned = originalCleaned;
            if (titleStart > block.firstLine().number()) {
                int at = 0;
                while (at < block.lines().size() && block.lines().get(at).number() < titleStart) {
                    at++;
                }
                zones.add(
                        new Zone.FrontMatter(Zone.FrontKind.LABEL, block.lines().subList(0, at)));
                if (at == block.lines().size()) {
                    return;
                }
                block = block.from(at);
                cleaned = block.joinedCleaned();
            }
            int lead = titleLines.isEmpty() ? leadingFrontLines(block.lines()) : 0;
            if (lead > 0) {
                labelOrBanner(block.lines().subList(0, lead));
                if (lead == block.lines().size()) {
                    return;
                }
                block = block.from(lead);
                cleaned = block.joinedCleaned();
            }
            if (LineCues.label(cleaned) || allLabels(block)) {
                zones.add(new Zone.FrontMatter(Zone.FrontKind.LABEL, block.lines()));
                return;
            }
            if (!titleLines.isEmpty()) {
                styledTitle(block);
                return;
            }
            String atx = Markup.atxHeading(block.first());
            if (block.single() && atx != null) {
                title(atx, block.lines());
                return;
            }
            Zone.FrontKind banner = LineCues.banner(cleaned);
            if (banner != null && block.lines().size() <= 2) {
                zones.add(new Zone.FrontMatter(banner, block.lines()));
                return;
            }
            // in text, a journal's name on a line of its own ("American Journal of Epidemiology" above a copyright
            // notice) is no title; a PDF's type sizes tell its title
            if (block.single() && block.lines().get(0).style() == null && LineCues.journalName(cleaned)) {
                zones.add(new Zone.FrontMatter(Zone.FrontKind.JOURNAL, block.lines()));
                return;
            }
            if (block.lines().size() <= MAX_TITLE_LINES && copyrightNotice(block)) {
                zones.add(new Zone.FrontMatter(Zone.FrontKind.COPYRIGHT, block.lines()));
                return;
            }
            if (bylineThenTitle(block)) {
                return;
            }
            int[] byline = bylineSpan(block.lines());
            String titlePart = byline != null ? block.until(byline[0]).joinedCleaned() : cleaned;
            int titleLineCount = byline != null ? byline[0] : block.lines().size();
            if (titleLineCount <= MAX_TITLE_LINES
                    && titlePart.length() <= MAX_TITLE_CHARS
                    && !titlePart.endsWith(".")) {
                textTitle(block);
                return;
            }
            titleDone = true;
            phase = Phase.BODY;
            body(block, cleaned);
        }

        /**
         * An article type in capitals on the line above a title in mixed case ("PRACTICE OF EPIDEMIOLOGY" over
         * "Statistical Analysis of Correlated Data ..."): a title set in capitals has every line in capitals.
         */
        private static boolean capitalsAboveLowerCase(String cleaned, String next) {
            if (cleaned.split(" ").length > MAX_BANNER_NAME_WORDS) {
                return false;
            }
            int letters = 0;
            for (int i = 0; i < cleaned.length(); i++) {
                char c = cleaned.charAt(i);
                if (Character.isLowerCase(c)) {
                    return false;
                }
                letters += Character.isLetter(c) ? 1 : 0;
            }
            if (letters < 2) {
                return false;
            }
            for (int i = 0; i < next.length(); i++) {
                if (Character.isLowerCase(next.charAt(i))) {
                    return true;
                }
            }
            return false;
        }

        /**
         * A block above the title with a copyright line in it ("Copyright © 2003 by the Johns Hopkins Bloomberg School
         * of Public Health / All rights reserved"): a notice, never the title.
         */
        private static boolean copyrightNotice(Block block) {
            for (LayoutLine line : block.lines()) {
                String c = Markup.clean(line.text()).strip();
                if (LineCues.footerKind(c) == Zone.FrontKind.COPYRIGHT
                        || LowerCase.of(c).contains("all rights reserved")) {
                    return true;
                }
            }
            return false;
        }

        /**
         * How many lines open a text block above its title without being title: a journal banner, labels, a DOI or
         * URL, an ISSN or "Volume 2014, Article ID 801626" line, and the short name lines between them ("Hindawi
         * Publishing Corporation / International Journal of Agronomy / Volume 2014… / http://dx.doi.org/…": up to two
         * such short lines in a row, none a byline once a banner line was seen). Text
         * without blank lines (pdftotext -raw) glues these to the title; a title's own lines are none of them. Only
         * the first {@value #MAX_TITLE_LINES} + 2 lines are looked at; 0 when no such line leads the block.
         */
        private static int leadingFrontLines(List<LayoutLine> lines) {
            int lead = 0;
            int shortLines = 0;
            for (int i = 0; i < lines.size() && i < MAX_TITLE_LINES + 2; i++) {
                String c = Markup.clean(lines.get(i).text()).strip();
                if (c.isEmpty()) {
                    continue;
                }
                boolean front = LineCues.label(c)
                        || LineCues.labelSequence(c)
                        || LineCues.banner(c) != null
                        || c.toLowerCase(java.util.Locale.ROOT).startsWith("www.")
                        || i < lines.size() - 1 && LineCues.journalName(c)
                        || i < lines.size() - 1
                                && capitalsAboveLowerCase(c, lines.get(i + 1).text());
                if (front) {
                    lead = i + 1;
                    shortLines = 0;
                } else if (c.split(" ").length <= MAX_BANNER_NAME_WORDS
                        && !c.endsWith(",")
                        && (lead == 0 || !LineCues.byline(lines.get(i).text()))
                        && shortLines < 2) {
                    shortLines++;
                } else {
                    break;
                }
            }
            return lead;
        }

        private static final int MAX_BANNER_NAME_WORDS = 5;

        /** Lines above the title that are no title: a banner's kind when they read as one, else a label. */
        private void labelOrBanner(List<LayoutLine> lines) {
            Zone.FrontKind banner = LineCues.banner(new Block(lines, false).joinedCleaned());
            zones.add(new Zone.FrontMatter(banner == null ? Zone.FrontKind.LABEL : banner, lines));
        }

        /** A DOI, URL, editorial-date or banner line. */
        private static boolean frontKeyOrBanner(LayoutLine line) {
            String c = Markup.clean(line.text()).strip();
            return LineCues.frontKey(c) != null || LineCues.banner(c) != null;
        }

        /** A DOI, URL, editorial-date, banner or label line. */
        private static boolean frontLine(LayoutLine line) {
            return frontKeyOrBanner(line)
                    || LineCues.label(Markup.clean(line.text()).strip());
        }

        /**
         * Whether line {@code i} of a block starts a zone of its own: a heading or a footer key. Inside a reference
         * list headings are entry text, and a "doi:" or date line belongs to the entry it ends (BMC prints
         * "doi:10..." on its own line) unless another footer line follows it (the article's own DOI above "Cite this
         * article as").
         */
        private static boolean startsInnerZone(List<LayoutLine> lines, int i, boolean inReferences) {
            String text = lines.get(i).text();
            Zone.FrontKind footer = LineCues.footerKind(Markup.clean(text));
            if (!inReferences) {
                return headingInside(text) || footer != null;
            }
            if (footer != Zone.FrontKind.DATES) {
                return footer != null;
            }
            return i + 1 < lines.size()
                    && LineCues.footerKind(Markup.clean(lines.get(i + 1).text())) != null;
        }

        /**
         * A "doi:10…" line over the next entry, in a reference list: the end of the entry above it (or the article's
         * own DOI in a footer), read on its own.
         */
        private static boolean leadingDoi(List<LayoutLine> lines, int i) {
            String c = Markup.clean(lines.get(i).text()).strip();
            return LineCues.footerKind(c) == Zone.FrontKind.DATES && doiLine(c) && !startsInnerZone(lines, i + 1, true);
        }

        /** A cleaned line that opens with "doi" ("doi:10…", "DOI 10…"): the line of a DOI alone. */
        private static boolean doiLine(String cleaned) {
            return LowerCase.of(cleaned).startsWith("doi");
        }

        private static boolean allLabels(Block block) {
            boolean known = false;
            int parts = 0;
            for (LayoutLine l : block.lines()) {
                for (String part : Markup.clean(l.text()).split("\\|")) {
                    String c = part.strip();
                    if (c.isEmpty()) {
                        continue;
                    }
                    parts++;
                    known |= LineCues.label(c);
                    if (!LineCues.label(c) && !LineCues.shortCapitals(c)) {
                        return false;
                    }
                }
            }
            return known || parts == 1;
        }

        /**
         * De Gruyter prints the byline above the title; in text without blank lines (pdf.js, pdftotext -raw) the
         * block opens with the byline, then the title's lines up to a DOI, date or banner line ("Xiao Haibing*, Cao
         * Xu, …" / "Correlation between CTLA-4 gene…" / "DOI 10.1515/…"). The title must be title-shaped and end at
         * such a line, so a byline over body text is left alone. Bounded: a few lines.
         */
        private boolean bylineThenTitle(Block block) {
            List<LayoutLine> lines = block.lines();
            int names = -1;
            for (int j = Math.min(lines.size() - 1, MAX_BYLINE_LINES); j > 0 && names < 0; j--) {
                if (LineCues.byline(new Block(lines.subList(0, j), false).joinedRaw())) {
                    names = j;
                }
            }
            if (names < 0) {
                return false;
            }
            int end = names;
            while (end < lines.size() && end - names < MAX_TITLE_LINES && !frontKeyOrBanner(lines.get(end))) {
                end++;
            }
            if (end == names
                    || end == lines.size()
                    || !frontKeyOrBanner(lines.get(end))
                    || !titleShaped(lines.subList(names, end))) {
                return false;
            }
            zones.add(new Zone.Byline(lines.subList(0, names)));
            bylineDone = true;
            title(titleText(lines.subList(names, end)), lines.subList(names, end));
            Block rest = block.from(end);
            front(rest, rest.joinedCleaned());
            return true;
        }

        /** A title block, maybe with the byline glued under it (no blank line between them). */
        private void textTitle(Block block) {
            List<LayoutLine> lines = block.lines();
            int[] byline = bylineSpan(lines);
            if (byline != null) {
                int end = byline[0];
                // a citation or DOI line between title and byline ("BMC Evolutionary Biology 2014, 14:277 doi:…")
                while (end > 1 && frontLine(lines.get(end - 1))) {
                    end--;
                }
                List<LayoutLine> titlePart = lines.subList(0, end);
                title(new Block(titlePart, false).joinedCleaned(), titlePart);
                if (end < byline[0]) {
                    labelOrBanner(lines.subList(end, byline[0]));
                }
                zones.add(new Zone.Byline(lines.subList(byline[0], byline[1])));
                bylineDone = true;
                if (byline[1] < lines.size()) {
                    Block rest = block.from(byline[1]);
                    front(rest, rest.joinedCleaned());
                }
                return;
            }
            if (lines.size() > MAX_TITLE_LINES) {
                titleDone = true;
                phase = Phase.BODY;
                body(block, block.joinedCleaned());
                return;
            }
            // a label glued under the title ("Graphical Abstract" on Cell Press's summary page) is no part of it
            int end = lines.size();
            while (end > 1
                    && LineCues.label(Markup.clean(lines.get(end - 1).text()).strip())) {
                end--;
            }
            if (end < lines.size()) {
                title(new Block(lines.subList(0, end), false).joinedCleaned(), lines.subList(0, end));
                zones.add(new Zone.FrontMatter(Zone.FrontKind.LABEL, lines.subList(end, lines.size())));
                return;
            }
            title(block.joinedCleaned(), lines);
        }

        /**
         * Where a byline sits inside a title block: [first, end) lines that read as names (marks, commas, degrees),
         * starting within the first title lines and at most {@value #MAX_BYLINE_LINES} long; null when none. Bounded
         * work whatever the block's size.
         */
        private static int @Nullable [] bylineSpan(List<LayoutLine> lines) {
            for (int i = 1; i < lines.size() && i <= MAX_TITLE_LINES; i++) {
                int end = bylineEnd(lines, i);
                if (end > 0) {
                    // "Amazighs" or "Reduced Tillage" + "Youssef Idaghdour, John D. Storey": a title's last words
                    // wrapped onto a line of their own read as a name; the byline starts after them when the names
                    // alone read as a byline
                    // ("Najma Baseer a" then ", Abdullah S. Al-Baloushi b": pdftotext -raw puts each further name of
                    // a byline on a line opening with its comma, so a line followed by one is the first name)
                    boolean continued = i + 1 < lines.size()
                            && lines.get(i + 1).text().strip().startsWith(",");
                    int after = lone(lines.get(i)) && !continued ? bylineEnd(lines, i + 1) : -1;
                    return after > 0 ? new int[] {i + 1, after} : new int[] {i, end};
                }
            }
            return null;
        }

        private static int bylineEnd(List<LayoutLine> lines, int i) {
            for (int j = Math.min(lines.size(), i + MAX_BYLINE_LINES); j > i; j--) {
                if (LineCues.byline(new Block(lines.subList(i, j), false).joinedRaw())) {
                    return j;
                }
            }
            return -1;
        }

        /**
         * Words alone on their line, without a comma, an "and", a digit or a mark: a title's wrapped end, or one name
         * when the byline has a single author (then the next lines are no byline by themselves).
         */
        private static boolean lone(LayoutLine line) {
            String t = Markup.clean(line.text()).strip();
            return !t.isEmpty()
                    && t.split(" ").length <= MAX_BANNER_NAME_WORDS
                    && !t.contains(" and ")
                    && t.chars().allMatch(c -> Character.isLetter(c) || c == ' ' || c == '-');
        }

        /** With font sizes: the lines in the largest type of the first page are the title, whatever surrounds them. */
        private void styledTitle(Block block) {
            List<LayoutLine> before = new ArrayList<>();
            List<LayoutLine> title = new ArrayList<>();
            List<LayoutLine> after = new ArrayList<>();
            for (LayoutLine l : block.lines()) {
                if (titleLines.contains(l.number())) {
                    title.add(l);
                } else if (title.isEmpty()) {
                    before.add(l);
                } else {
                    after.add(l);
                }
            }
            int names = bylineAbove(before);
            if (names > 0) {
                labelOrBanner(before.subList(0, names));
            }
            if (names >= 0 && names < before.size()) {
                // De Gruyter prints the byline right above the title
                zones.add(new Zone.Byline(before.subList(names, before.size())));
                bylineDone = true;
            } else if (!before.isEmpty()) {
                labelOrBanner(before);
            }
            if (!title.isEmpty()) {
                title(titleText(title), title);
            }
            if (!after.isEmpty()) {
                front(new Block(after, false), new Block(after, false).joinedCleaned());
            }
        }

        /**
         * Where a byline ends the lines printed above a styled title, or -1: the first of the last
         * {@value #MAX_BYLINE_LINES} lines from which the rest reads as a byline.
         */
        private static int bylineAbove(List<LayoutLine> before) {
            for (int i = Math.max(0, before.size() - MAX_BYLINE_LINES); i < before.size(); i++) {
                String raw = new Block(before.subList(i, before.size()), false).joinedRaw();
                if (severalNames(raw) && LineCues.byline(raw)) {
                    return i;
                }
            }
            return -1;
        }

        /**
         * De Gruyter and others print the byline above the title: the block taken for the title reads as a byline,
         * and this block, coming right after it, is shaped like a title (a few lines, no closing period, no byline of
         * its own). The first becomes the byline and this one the title. Text only: with font sizes the type decides.
         */
        private boolean titleAfterByline(Block whole, String wholeCleaned) {
            int cut = frontKeyLine(whole.lines());
            Block block = cut < whole.lines().size() ? whole.until(cut) : whole;
            String cleaned = cut < whole.lines().size() ? block.joinedCleaned() : wholeCleaned;
            if (bylineDone
                    || !titleLines.isEmpty()
                    || zones.isEmpty()
                    || !(zones.get(zones.size() - 1) instanceof Zone.Title t)
                    || t.lines().size() > MAX_BYLINE_LINES
                    || !LineCues.byline(new Block(t.lines(), false).joinedRaw())
                    || block.lines().size() > MAX_TITLE_LINES
                    || cleaned.length() > MAX_TITLE_CHARS
                    || cleaned.endsWith(".")
                    || LineCues.byline(block.joinedRaw())
                    || LineCues.frontKey(cleaned) != null
                    || LineCues.banner(cleaned) != null
                    || LineCues.label(cleaned)) {
                return false;
            }
            zones.set(zones.size() - 1, new Zone.Byline(t.lines()));
            bylineDone = true;
            zones.add(new Zone.Title(titleText(block.lines()), block.lines()));
            if (cut < whole.lines().size()) {
                Block rest = whole.from(cut);
                front(rest, rest.joinedCleaned()); // bylineDone: no second title-after-byline
            }
            return true;
        }

        /** The first line after the first that is a DOI, URL or editorial-date line ("received March 29, 2016"). */
        private static int frontKeyLine(List<LayoutLine> lines) {
            for (int i = 1; i < lines.size() && i <= MAX_TITLE_LINES; i++) {
                if (frontKeyOrBanner(lines.get(i))) {
                    return i;
                }
            }
            return lines.size();
        }

        /**
         * A block of title lines right after the title (a layout cut the title's last line off: a new block, a
         * narrower line read as a column) is more of the title, up to {@value #MAX_TITLE_LINES} lines.
         */
        private boolean continuesTitle(Block block) {
            if (zones.isEmpty() || !(zones.get(zones.size() - 1) instanceof Zone.Title t)) {
                return false;
            }
            for (LayoutLine l : block.lines()) {
                if (!titleLines.contains(l.number())) {
                    return false;
                }
            }
            if (t.lines().size() + block.lines().size() > MAX_TITLE_LINES) {
                return false;
            }
            List<LayoutLine> lines = new ArrayList<>(t.lines());
            lines.addAll(block.lines());
            zones.set(zones.size() - 1, new Zone.Title(titleText(lines), lines));
            return true;
        }

        /**
         * A title's lines joined: a line-end hyphen stays, glued to the next line ("cluster-" + "randomised"),
         * unless the next line starts with a word ending ("treat-" + "ment").
         */
        private static String titleText(List<LayoutLine> lines) {
            StringBuilder out = new StringBuilder();
            for (LayoutLine l : lines) {
                String next = Markup.clean(l.text());
                if (next.isEmpty()) {
                    continue;
                }
                int n = out.length();
                if (Hyphenation.dropHyphen(out, next)) {
                    out.setLength(n - 1);
                } else if (!(n > 1 && out.charAt(n - 1) == '-' && out.charAt(n - 2) != ' ')) {
                    out.append(out.isEmpty() ? "" : " ");
                }
                out.append(next);
            }
            return out.toString();
        }

        private void title(String text, List<LayoutLine> lines) {
            zones.add(new Zone.Title(text, lines));
            titleDone = true;
        }

        /** Lines of the first pages that are neither prose nor headings: DOI, banner, keywords, editorial notes. */
        private boolean frontMatter(Block block, String cleaned) {
            if (LineCues.keywords(cleaned)) {
                zones.add(new Zone.FrontMatter(Zone.FrontKind.KEYWORDS, block.lines()));
                return true;
            }
            if (LineCues.frontKey(cleaned) != null) {
                zones.add(new Zone.FrontMatter(Zone.FrontKind.DATES, block.lines()));
                return true;
            }
            Zone.FrontKind banner = block.lines().size() <= 2 ? LineCues.banner(cleaned) : null;
            if (banner != null || LineCues.label(cleaned)) {
                zones.add(new Zone.FrontMatter(banner == null ? Zone.FrontKind.LABEL : banner, block.lines()));
                return true;
            }
            return false;
        }

        // ------------------------------------------------------------------ body

        private void body(Block block, String cleaned) {
            String heading = heading(block, cleaned);
            if (heading != null) {
                openSection(heading, block.lines());
                return;
            }
            if (LineCues.keywords(cleaned) || LineCues.frontKey(cleaned) != null) {
                zones.add(new Zone.FrontMatter(
                        LineCues.keywords(cleaned) ? Zone.FrontKind.KEYWORDS : Zone.FrontKind.DATES, block.lines()));
                return;
            }
            if (LineCues.caption(cleaned)) {
                zones.add(new Zone.Caption(block.lines()));
                return;
            }
            if (table(block)) {
                zones.add(new Zone.Table(block.lines()));
                return;
            }
            if (!entriesSeen && (looksLikeFirstReference(block) || headlessList(block)) || resumesList(block)) {
                phase = Phase.REFERENCES;
                references(block, cleaned);
                return;
            }
            if (bylineDone
                    && LineCues.marked(cleaned)
                    && LineCues.affiliation(cleaned, block.lines().size(), false)) {
                zones.add(new Zone.Affiliation(block.lines()));
                return;
            }
            zones.add(new Zone.Paragraph(block.lines()));
        }

        /**
         * The next entry of a numbered list that body text interrupted: pdftotext reads a page's columns in turn, so
         * a column of body text (a section heading, its paragraphs) can fall between two stretches of the list. The
         * block opens with the number after the last entry's, then an author list, and the list had a few entries.
         */
        private boolean resumesList(Block block) {
            if (!entriesSeen || lastNumber < MIN_ENTRIES_TO_RESUME) {
                return false;
            }
            EntryStart start = EntryStart.parse(block.first());
            return start != null
                    && start.number() == lastNumber + 1
                    && (EntryBuilder.authorStart(start.rest()) || initialsThenName(start.rest()));
        }

        /** "W. Song, …", "J. C. B. Dakubo, …", "M.-G. Choi, …": an author list with initials first (IEEE, Hindawi). */
        private static boolean initialsThenName(String text) {
            String[] t = text.strip().split(" ", MAX_INITIALS + 2);
            int i = 0;
            while (i < t.length - 1 && i < MAX_INITIALS && t[i].endsWith(".") && EntryBuilder.initials(t[i])) {
                i++;
            }
            return i > 0
                    && i < t.length
                    && !t[i].isEmpty()
                    && Character.isUpperCase(t[i].charAt(0))
                    && t[i].endsWith(",");
        }

        private void openSection(String heading, List<LayoutLine> lines) {
            flushEntry();
            boolean references = LineCues.referenceHeading(heading);
            List<Zone.Paragraph> above = references && !entriesSeen ? entriesAboveHeading() : List.of();
            zones.add(new Zone.Heading(heading, references, lines));
            phase = references ? Phase.REFERENCES : Phase.BODY;
            titleDone = true;
            for (Zone.Paragraph p : above) {
                Block block = new Block(p.lines(), false);
                references(block, block.joinedCleaned());
            }
        }

        /**
         * Entries pdftotext printed above the list's heading (Cell's first entries of the next column, read before
         * the heading): the paragraphs right before it, back to the first that is no whole reference (authors, a
         * year, a journal or volume and pages), are taken out of the body to be read as the list's first entries.
         * Page furniture between them stays. At most {@link #MAX_ENTRIES_ABOVE_HEADING} paragraphs are looked at.
         */
        private List<Zone.Paragraph> entriesAboveHeading() {
            List<Integer> taken = new ArrayList<>();
            for (int i = zones.size() - 1; i >= 0 && taken.size() < MAX_ENTRIES_ABOVE_HEADING; i--) {
                Zone z = zones.get(i);
                if (z instanceof Zone.PageFurniture) {
                    continue;
                }
                if (!(z instanceof Zone.Paragraph p) || !wholeReference(p)) {
                    break;
                }
                taken.add(i);
            }
            List<Zone.Paragraph> out = new ArrayList<>();
            for (int k = taken.size() - 1; k >= 0; k--) {
                out.add((Zone.Paragraph) zones.get(taken.get(k)));
            }
            for (int index : taken) { // descending: removing one leaves the earlier indexes in place
                zones.remove(index);
            }
            return out;
        }

        private static boolean wholeReference(Zone.Paragraph p) {
            String text = p.text();
            if (text.length() > MAX_ENTRY_ABOVE_HEADING_CHARS
                    || !EntryBuilder.authorStart(p.lines().get(0).text())) {
                return false;
            }
            ReferenceLabeller.Fields f = ReferenceLabeller.fields(text);
            return !f.authors().isEmpty()
                    && f.year() != null
                    && f.pages() != null
                    && (f.journal() != null || f.volume() != null);
        }

        private @Nullable String heading(Block block, String cleaned) {
            if (!block.single()) {
                return null;
            }
            String atx = Markup.atxHeading(block.first());
            if (atx != null) {
                return atx;
            }
            String spaced = LineCues.despaced(cleaned);
            if (spaced != null) {
                return spaced;
            }
            if (LineCues.referenceHeading(cleaned)) {
                return cleaned;
            }
            if (!LineCues.plainHeadingLike(cleaned)) {
                return null;
            }
            if (Markup.isBoldLine(block.first()) || styledHeading(block.firstLine())) {
                return cleaned;
            }
            if (markdown) {
                return null;
            }
            if (styled) {
                return LineCues.knownHeading(cleaned) ? cleaned : null;
            }
            return LineCues.headingShaped(cleaned) || LineCues.knownHeading(cleaned) ? cleaned : null;
        }

        private boolean styledHeading(LayoutLine line) {
            TextStyle s = line.style();
            return s != null && (s.bold() || s.fontSize() > bodyFont + HEADING_FONT_DELTA);
        }

        /** The first line is a markdown heading, a title before any other text, or a well-known section name. */
        private boolean leadingHeading(List<LayoutLine> lines, int start) {
            String first = lines.get(start).text();
            if (Markup.atxHeading(first) != null) {
                return true;
            }
            String cleaned = Markup.clean(first);
            if (!titleDone && phase == Phase.FRONT) {
                String next = Markup.clean(lines.get(start + 1).text());
                return titleLines.isEmpty()
                        && LineCues.plainHeadingLike(cleaned)
                        && next.length() > cleaned.length()
                        && !LineCues.byline(next)
                        && (next.endsWith(".") || next.length() > MAX_TITLE_CHARS / 2);
            }
            return LineCues.knownHeading(cleaned) && LineCues.plainHeadingLike(cleaned)
                    || LineCues.despaced(cleaned) != null;
        }

        private static boolean headingInside(String line) {
            if (Markup.atxHeading(line) != null) {
                return true;
            }
            String cleaned = Markup.clean(line);
            return (LineCues.SECTION_NAMES.contains(LineCues.normalizeHeading(cleaned))
                                    || LineCues.referenceHeading(cleaned))
                            && LineCues.plainHeadingLike(cleaned)
                    || LineCues.despaced(cleaned) != null;
        }

        private boolean table(Block block) {
            if (block.lines().size() < TABLE_MIN_LINES) {
                return false;
            }
            int chars = 0;
            int tokens = 0;
            int numeric = 0;
            for (LayoutLine l : block.lines()) {
                String t = l.text().strip();
                chars += t.length();
                for (String token : t.split("\\s+")) {
                    tokens++;
                    if (!token.isEmpty()
                            && (Character.isDigit(token.charAt(0))
                                    || token.startsWith("-")
                                    || token.startsWith("(")
                                            && token.length() > 1
                                            && Character.isDigit(token.charAt(1)))) {
                        numeric++;
                    }
                }
            }
            return chars / block.lines().size() <= TABLE_MAX_AVERAGE_CHARS && numeric >= tokens * TABLE_NUMERIC_SHARE;
        }

        // ------------------------------------------------------------------ reference list

        private void references(Block block, String cleaned) {
            if (strayGlyph(block, cleaned)) {
                // "Ò": a journal logo's glyph that pdftotext printed on a line of its own between two pages of the
                // list; neither a heading that ends the list nor text of an entry
                zones.add(new Zone.PageFurniture(block.lines()));
                return;
            }
            String heading = markdown || Markup.isBoldLine(block.first()) || styledHeading(block.firstLine())
                    ? heading(block, cleaned)
                    : null;
            if (heading != null
                            && !heading.isEmpty()
                            && !startsEntry(block.first())
                            && !boldAuthors(block.first())
                            && !boldEntryTitle(heading)
                    || plainHeadingAfterCompleteEntry(block, cleaned)) {
                openSection(heading != null ? heading : cleaned, block.lines());
                return;
            }
            List<LayoutLine> lines = block.lines();
            int from = 0;
            if (foreignProse(block)) {
                from = waitingTail(block) ? entriesAfterTail(lines) : lines.size();
                flushEntry();
                zones.add(new Zone.Paragraph(lines.subList(0, from)));
                if (from == lines.size()) {
                    return;
                }
            }
            boolean blockStart = true;
            for (int i = from; i < lines.size(); i++) {
                String next = i + 1 < lines.size() ? lines.get(i + 1).text() : "";
                furnitureUpTo(lines.get(i).number()); // a number among the lines is read where it stands
                referenceLine(lines.get(i), blockStart, next);
                blockStart = false;
            }
        }

        /**
         * A block of prose inside the reference list that is no entry: a column of body text, a caption or a back-matter
         * statement that pdftotext put between the list's numbers and their entries. It has no year, does not open
         * like an author list or a numbered entry, is longer than a reference's tail, and comes where no entry waits
         * for more text (none open, or the open one already has its year).
         */
        private boolean foreignProse(Block block) {
            String joined = block.joinedCleaned();
            if (waitingTail(block)) {
                return true; // numbers wait for entries, and no entry opens in lower case
            }
            if (lastNumber == 0
                    || joined.length() < MIN_PROSE_CHARS
                    || open != null && !open.yearSeen
                    || ReferenceLabeller.hasYear(joined)
                    || EntryStart.parse(block.first()) != null
                    || EntryBuilder.authorStart(block.first())
                    || Dois.find(joined) != null
                    || joined.contains("http")) {
                return false;
            }
            return true;
        }

        /** Numbers wait for entries, none is open, and the block opens in lower case: the tail of an entry elsewhere. */
        private boolean waitingTail(Block block) {
            String joined = block.joinedCleaned();
            return open == null
                    && !pendingNumbers.isEmpty()
                    && !joined.isEmpty()
                    && Character.isLowerCase(joined.charAt(0));
        }

        /**
         * A block that opens with the tail of an entry printed elsewhere ("of bacteriophage SPP1. Mol. Microbiol. 70,
         * 557–569. (doi:…)", the end of the previous column's last entry) and goes on with the entries the waiting
         * numbers belong to: the index of the first line that opens like an author list after a line that ends an
         * entry, or the block's size when there is none (the whole block is foreign).
         */
        private static int entriesAfterTail(List<LayoutLine> lines) {
            for (int i = 1; i < lines.size(); i++) {
                String before = lines.get(i - 1).text().strip();
                char last = before.isEmpty() ? ' ' : before.charAt(before.length() - 1);
                if ((last == '.' || last == ')' || last == ']')
                        && EntryBuilder.authorStart(lines.get(i).text())) {
                    return i;
                }
            }
            return lines.size();
        }

        /**
         * Before a number printed apart: the open entry ends, unless it is numbered and still lacks its year (an entry
         * cut by a column or page break whose tail follows the next column's numbers).
         */
        private void flushUnlessWaiting() {
            if (open != null && open.number != null && !open.yearSeen) {
                return;
            }
            flushEntry();
        }

        /**
         * The Lancet sets each number beside its entry's first line, and pdftotext may print it after that line
         * ("Tekle AH, Zoure HG, Noma M, et al. Progress towards" / "5" / "onchocerciasis elimination…"): the next number,
         * on the line right after the open entry's only line, which opens like an author list and has no number, is
         * that entry's — unless entries read before it still wait for numbers.
         */
        private boolean numberAfterFirstLine(int number, LayoutLine numberLine) {
            if (open == null
                    || open.number != null
                    || open.lines.size() != 1
                    || open.lines.get(0).number() + 1 != numberLine.number()
                    || number != lastNumber + 1
                    || !pendingNumbers.isEmpty()
                    || !orphans.isEmpty()
                    || !EntryBuilder.authorStart(open.lines.get(0).text())) {
                return false;
            }
            open.number = number;
            lastNumber = number;
            highestNumber = Math.max(highestNumber, number);
            return true;
        }

        /** A number printed apart from its entry: it goes to the oldest entry still waiting for one, or waits itself. */
        private void numberApart(int number) {
            numbersApart = true;
            lastNumber = Math.max(lastNumber, number);
            highestNumber = Math.max(highestNumber, number);
            Integer orphan = orphans.poll();
            if (orphan == null) {
                pendingNumbers.add(number);
                return;
            }
            Zone.ReferenceEntry e = (Zone.ReferenceEntry) zones.get(orphan);
            zones.set(orphan, new Zone.ReferenceEntry(number, false, e.entry(), e.lines()));
        }

        /**
         * Entry {@code number} is printed with its number, after entries that took waiting numbers in ascending order.
         * Those entries are the ones just before it, so their numbers are the run ending at {@code number - 1} when
         * all of it was waiting: a number block holding numbers of another column ("1." above "12." … "22.", whose
         * entry 1 is printed later) gave them numbers too low. They are renumbered, and the numbers they free wait
         * again. Otherwise their numbers stay. Each entry is settled once, so this is linear in the list.
         */
        private void settle(int number) {
            int m = provisional.size();
            if (m == 0) {
                return;
            }
            int first = number - m;
            java.util.Set<Integer> taken = new java.util.HashSet<>();
            for (int index : provisional) {
                taken.add(((Zone.ReferenceEntry) zones.get(index)).number());
            }
            boolean fits = first >= 1;
            for (int k = first; fits && k < number; k++) {
                fits = taken.contains(k) || pendingNumbers.contains(k);
            }
            if (fits) {
                pendingNumbers.addAll(taken);
                for (int i = 0; i < m; i++) {
                    int index = provisional.get(i);
                    Zone.ReferenceEntry e = (Zone.ReferenceEntry) zones.get(index);
                    zones.set(index, new Zone.ReferenceEntry(first + i, false, e.entry(), e.lines()));
                    pendingNumbers.remove(first + i);
                }
            }
            provisional.clear();
        }

        /** The list's first line as a loose "1 Author AB, ..." entry start: number 1 and then an author's name. */
        private static @Nullable EntryStart firstLoose(String text) {
            EntryStart start = EntryStart.loose(text, 1);
            return start != null && EntryBuilder.authorStart(start.rest()) ? start : null;
        }

        private boolean startsEntry(String line) {
            return EntryStart.parse(line) != null;
        }

        /**
         * Ubiquity Press sets each entry's authors in bold ("Wicherts J M, Borsboom D, Kats K and"): a bold line
         * that opens like an author list and lists names is an entry's first line, not a heading ending the list.
         */
        private static boolean boldAuthors(String line) {
            return EntryBuilder.authorStart(line) && (line.indexOf(',') >= 0 || line.contains(" and "));
        }

        private void referenceLine(LayoutLine line, boolean blockStart, String nextLine) {
            String text = line.text().strip();
            if (text.isEmpty()) {
                return;
            }
            EntryStart start = EntryStart.parse(text, lastNumber + 1);
            if (start == null && lastNumber > 0) {
                start = EntryStart.loose(text, lastNumber + 1);
            } else if (start == null && open == null && !entriesSeen) {
                start = firstLoose(text); // "1 Wingerchuk DM, Carter JL. ...": numbers without a stop from the first
            }
            if (start != null && start.rest().isEmpty() && !plausibleNumber(start.number())) {
                start = null;
            }
            if (start != null && (yearOpeningTail(start) || pagesTail(start))) {
                start = null;
            }
            if (start != null && start.rest().isEmpty()) {
                if (!numberAfterFirstLine(start.number(), line)) {
                    flushUnlessWaiting();
                    numberApart(start.number());
                }
                return;
            }
            if (start != null) {
                flushEntry();
                settle(start.number());
                open = new EntryBuilder(start.number(), start.rest(), line);
                lastNumber = start.number();
                highestNumber = Math.max(highestNumber, lastNumber);
                return;
            }
            if (!pendingNumbers.isEmpty()
                    && (open == null
                            || open.startsNewAfter(text, blockStart, nextLine)
                            || !open.inline() && open.endsBefore(text, blockStart))) {
                flushEntry();
                open = new EntryBuilder(pendingNumbers.pollFirst(), text, line);
                open.provisional = true;
                return;
            }
            if (numbersApart
                    && open != null
                    && open.number != null
                    && open.startsNewAfter(text, blockStart, nextLine)) {
                // an entry printed before its number (the number block of its column comes later)
                flushEntry();
                open = new EntryBuilder(null, text, line);
                open.claimable = true;
                return;
            }
            if (open != null && (open.number != null || !open.startsNew(text, blockStart, nextLine))) {
                open.append(text, line);
                return;
            }
            flushEntry();
            open = new EntryBuilder(null, text, line);
            open.claimable = numbersApart && EntryBuilder.authorStart(text);
        }

        /**
         * "2004. 148(1-2): 218-230": the tail of an entry whose year opens a line, not entry 2004 — a number far past the
         * list's numbering followed by a digit, or cutting an entry that has no year yet.
         */
        private boolean yearOpeningTail(EntryStart start) {
            if (lastNumber == 0 || start.number() <= lastNumber + MAX_NUMBER_JUMP) {
                return false;
            }
            if (start.number() >= FIRST_YEAR && start.number() <= LAST_YEAR) {
                return true; // "2005. Addiction 2014; 109: 90–99.": the year a title ends with, wrapped (The Lancet)
            }
            boolean digitNext =
                    !start.rest().isEmpty() && Character.isDigit(start.rest().charAt(0));
            return digitNext || open != null && !open.yearSeen;
        }

        /**
         * "253–" + "263. https://doi.org/…": the end of a page range cut by the line break, not entry 263. So is any
         * number past the first few in a list whose entries have no numbers (author-year): it cannot start the
         * numbering there.
         */
        private boolean pagesTail(EntryStart start) {
            if (open != null && open.endsWithDash()) {
                return true;
            }
            return lastNumber == 0
                    && entriesSeenUnnumbered
                    && !start.rest().isEmpty()
                    && start.number() > MAX_FIRST_NUMBER;
        }

        /** A number alone on its line opens an entry only where the list's numbering could be: not "248." of pages. */
        private boolean plausibleNumber(int number) {
            if (lastNumber == 0) {
                return number == 1 || number <= MAX_FIRST_NUMBER && (open == null || open.number != null);
            }
            return number <= highestNumber + MAX_NUMBER_JUMP;
        }

        private void flushEntry() {
            if (open != null) {
                if (open.claimable && open.number == null) {
                    orphans.add(zones.size());
                }
                if (open.provisional) {
                    provisional.add(zones.size());
                }
                zones.add(new Zone.ReferenceEntry(open.number, open.inline(), open.text.toString(), open.lines));
                entriesSeen = true;
                entriesSeenUnnumbered |= open.number == null;
                open = null;
            }
        }

        /**
         * A line on its own of one or two characters, neither digit nor lower-case letter: a glyph or mark, not a
         * word ("a", "of" or a page number "7" between justified words stay text).
         */
        private static boolean strayGlyph(Block block, String cleaned) {
            if (!block.single() || cleaned.length() > MAX_STRAY_GLYPH_CHARS || cleaned.isEmpty()) {
                return false;
            }
            for (int i = 0; i < cleaned.length(); i++) {
                char c = cleaned.charAt(i);
                if (Character.isDigit(c) || Character.isLowerCase(c)) {
                    return false;
                }
            }
            return true;
        }

        /**
         * A bold line inside an entry, longer than a heading and none of the known ones: the entry's title, which
         * BMC's provisional PDFs print in bold ("Meyer J, …, Booke / M: <b>Inhaled prostaglandin E1 for treatment of
         * acute lung injury in severe multiple organ</b> / failure. Anesth Analg 1998").
         */
        private boolean boldEntryTitle(String heading) {
            return open != null
                    && heading.split(" ").length > MAX_HEADING_WORDS_IN_LIST
                    && !LineCues.knownHeading(heading)
                    && !LineCues.BACK_MATTER.contains(LineCues.normalizeHeading(heading));
        }

        private boolean plainHeadingAfterCompleteEntry(Block block, String cleaned) {
            if (open == null && !entriesSeen || !block.single() || !LineCues.plainHeadingLike(cleaned)) {
                return false;
            }
            for (int i = 0; i < cleaned.length(); i++) {
                if (Character.isDigit(cleaned.charAt(i))) {
                    return false;
                }
            }
            boolean complete = open == null || open.complete();
            boolean backMatter = LineCues.BACK_MATTER.contains(LineCues.normalizeHeading(cleaned))
                    || LineCues.despaced(cleaned) != null;
            return complete
                    && EntryStart.parse(block.first()) == null
                    && (backMatter || !styled && !markdown && cleaned.split(" ").length <= MAX_HEADING_WORDS_IN_LIST);
        }

        /**
         * A numbered reference list printed without a heading, as Nature's letters print theirs under the editorial
         * dates: the block opens with "1." and, within the next lines, entries 2 and 3 follow, each opening like an
         * author list, entry 1 with a year. Looks ahead a bounded number of lines.
         */
        private boolean headlessList(Block block) {
            return headlessList(block.firstLine());
        }

        private boolean headlessList(LayoutLine line) {
            EntryStart start = EntryStart.parse(line.text());
            if (start == null || start.number() != 1) {
                return false;
            }
            List<LayoutLine> lines = layout.lines();
            int at = line.number() - 1;
            if (at < 0 || at >= lines.size() || lines.get(at) != line) {
                return false;
            }
            StringBuilder first = new StringBuilder(start.rest());
            int expected = 2;
            for (int i = at + 1; i < lines.size() && i <= at + HEADLESS_LIST_LOOKAHEAD && expected <= 3; i++) {
                String text = lines.get(i).text();
                if (text.isBlank()) {
                    continue;
                }
                EntryStart next = EntryStart.parse(text);
                if (next == null) {
                    if (expected == 2) {
                        first.append(' ').append(text.strip());
                    }
                    continue;
                }
                if (next.number() != expected || !EntryBuilder.authorStart(next.rest())) {
                    return false;
                }
                expected++;
            }
            String one = first.toString().strip();
            return expected > 3 && EntryBuilder.authorStart(one) && ReferenceLabeller.hasYear(one);
        }

        private boolean looksLikeFirstReference(Block block) {
            EntryStart start = EntryStart.parse(block.first());
            if (start == null || start.number() != 1) {
                return false;
            }
            String rest = start.rest();
            return (rest.indexOf('"') >= 0 || rest.indexOf('“') >= 0)
                    && PAREN_YEAR.matcher(rest).find();
        }

        // ------------------------------------------------------------------ editorial footer

        private void footer(Block block, Zone.FrontKind kind) {
            rememberDoi(block.joinedCleaned());
            flushEntry();
            zones.add(new Zone.FrontMatter(kind, block.lines()));
            if (phase == Phase.REFERENCES || phase == Phase.BODY && kind == Zone.FrontKind.CITE_AS) {
                phase = Phase.FOOTER;
            }
        }

        private void afterFooter(Block block, String cleaned) {
            String heading = heading(block, cleaned);
            if (heading != null) {
                openSection(heading, block.lines());
                return;
            }
            if (cleaned.length() < FOOTER_RESIDUE_CHARS) {
                zones.add(new Zone.FrontMatter(Zone.FrontKind.COPYRIGHT, block.lines()));
                return;
            }
            Zone last = zones.isEmpty() ? null : zones.get(zones.size() - 1);
            boolean inNotes = last instanceof Zone.Paragraph && notesOpen;
            if (!inNotes) {
                zones.add(new Zone.Heading(NOTES_SECTION, false, List.of()));
                notesOpen = true;
            }
            zones.add(new Zone.Paragraph(block.lines()));
        }

        private boolean notesOpen;

        // ------------------------------------------------------------------ styles

        private static int countAtxHeadings(List<Block> blocks) {
            int count = 0;
            for (Block b : blocks) {
                for (LayoutLine l : b.lines()) {
                    if (Markup.atxHeading(l.text()) != null) {
                        count++;
                    }
                }
            }
            return count;
        }

        /** The font size most characters are printed in. */
        private static float bodyFont(List<LayoutLine> lines) {
            java.util.Map<Integer, Integer> chars = new java.util.HashMap<>();
            for (LayoutLine l : lines) {
                if (l.style() != null) {
                    chars.merge(Math.round(l.style().fontSize() * 2), l.text().length(), Integer::sum);
                }
            }
            return chars.entrySet().stream()
                    .max(java.util.Map.Entry.comparingByValue())
                    .map(e -> e.getKey() / 2f)
                    .orElse(0f);
        }

        /**
         * The title's lines: the first run of lines in the largest type among page 1's title candidates, when that
         * type is clearly larger than the body. A candidate is a line in the upper part of the page that is not
         * furniture and does not read as a banner or label ("TRIALS", "Open Access", a journal and volume line),
         * and has at least {@value #TITLE_MIN_WORDS} words: a journal's name set larger than the title is a word or
         * two. The run may continue over shorter lines of the same type (a title's last word on its own line) and
         * over blank lines; it ends at the first other non-blank line.
         */
        private static java.util.Set<Integer> titleLines(
                List<LayoutLine> lines,
                float bodyFont,
                boolean[] furniture,
                java.util.function.Predicate<LayoutLine> boxed,
                @Nullable String journal) {
            float pageEnd = 0;
            for (LayoutLine l : lines) {
                pageEnd = l.style() != null && l.style().page() == 1
                        ? Math.max(pageEnd, l.style().y())
                        : pageEnd;
            }
            java.util.Set<String> repeated = laterPagesTypes(lines);
            float max = 0;
            int first = -1;
            for (int i = 0; i < lines.size(); i++) {
                LayoutLine l = lines.get(i);
                boolean candidate = titleCandidate(l, furniture[i], pageEnd, boxed, journal)
                        && !repeated.contains(typeKey(l))
                        && (words(l) >= TITLE_MIN_WORDS || bylineFollows(lines, i, furniture, boxed));
                if (candidate && l.style().fontSize() > max + SAME_FONT) {
                    max = l.style().fontSize();
                    first = i;
                }
            }
            if (first < 0 || max < bodyFont * TITLE_FONT_FACTOR) {
                return java.util.Set.of();
            }
            for (int i = 0; i < first; i++) {
                LayoutLine l = lines.get(i);
                if (titleCandidate(l, furniture[i], pageEnd, boxed, journal)
                        && Math.abs(l.style().fontSize() - max) <= SAME_FONT) {
                    first = i;
                    break;
                }
            }
            java.util.Set<Integer> out = new java.util.LinkedHashSet<>();
            for (int i = first; i < lines.size(); i++) {
                LayoutLine l = lines.get(i);
                if (l.text().isBlank() || furniture[i]) {
                    continue;
                }
                boolean same = l.style() != null
                        && l.style().page() == 1
                        && Math.abs(l.style().fontSize() - max) <= SAME_FONT;
                if (!same || authorsKey(l.text())) {
                    break;
                }
                out.add(l.number());
            }
            return out;
        }

        /**
         * A cover page's "Author(s): …" line (JSTOR sets it in the title's type, under the title): the byline, where
         * the title ends.
         */
        private static boolean authorsKey(String text) {
            String lower = LowerCase.of(Markup.clean(text).strip());
            return lower.startsWith("author(s):") || lower.startsWith("authors:") || lower.startsWith("author:");
        }

        /**
         * Each line of the pages after the first as text and type: a line of page 1 printed again in the same type
         * on a later page is a running header or banner, not the title (a running title in smaller type is not).
         */
        private static java.util.Set<String> laterPagesTypes(List<LayoutLine> lines) {
            java.util.Set<String> out = new java.util.HashSet<>();
            for (LayoutLine l : lines) {
                if (l.style() != null && l.style().page() > 1 && l.text().length() <= MAX_TITLE_CHARS) {
                    out.add(typeKey(l));
                }
            }
            return out;
        }

        private static String typeKey(LayoutLine l) {
            String letters = NON_LETTERS
                    .matcher(l.text().toLowerCase(java.util.Locale.ROOT))
                    .replaceAll("");
            return letters + '@' + Math.round(l.style().fontSize());
        }

        /**
         * A line that may be the title: in the upper part of page 1, not furniture, not in the journal box above the
         * title nor the journal's name its citation line prints, and no banner, label, journal name or byline.
         */
        private static boolean titleCandidate(
                LayoutLine l,
                boolean furniture,
                float pageEnd,
                java.util.function.Predicate<LayoutLine> boxed,
                @Nullable String journal) {
            if (furniture
                    || boxed.test(l)
                    || l.style() == null
                    || l.style().page() != 1
                    || l.style().y() > TITLE_ZONE * pageEnd) {
                return false;
            }
            String cleaned = Markup.clean(l.text());
            return letters(cleaned) >= 3
                    && !(journal != null && cleaned.strip().equalsIgnoreCase(journal))
                    && !LineCues.label(cleaned)
                    && !LineCues.shortCapitals(cleaned)
                    && LineCues.banner(cleaned) == null
                    && !LineCues.journalName(cleaned)
                    && !markedByline(cleaned); // Phytochemistry sets its byline larger than a two-word title
        }

        /**
         * Names with the marks of a byline ("Simona Birtić ⇑, Pierre Dussort, …"): a title in title case can read
         * as names, but carries no author marks.
         */
        private static int words(LayoutLine l) {
            return Markup.clean(l.text()).strip().split(" ").length;
        }

        /**
         * A line of fewer than {@value #TITLE_MIN_WORDS} words is the title (or its start) only when the byline comes
         * right under it ("Carnosic acid" over "Simona Birtić ⇑, Pierre Dussort, …"), past lines in the same type
         * and the journal box: a journal's name set large is followed by a label or the title. Looks at a few lines.
         */
        private static boolean bylineFollows(
                List<LayoutLine> lines, int at, boolean[] furniture, java.util.function.Predicate<LayoutLine> boxed) {
            float size = lines.get(at).style().fontSize();
            int seen = 0;
            for (int j = at + 1; j < lines.size() && seen < MAX_TITLE_LINES + 2; j++) {
                LayoutLine l = lines.get(j);
                if (l.text().isBlank() || furniture[j] || l.style() == null || boxed.test(l)) {
                    continue;
                }
                seen++;
                String cleaned = Markup.clean(l.text()).strip();
                if (Math.abs(l.style().fontSize() - size) <= SAME_FONT) {
                    continue;
                }
                return severalNames(l.text()) && LineCues.byline(l.text()) || markedByline(cleaned);
            }
            return false;
        }

        private static boolean markedByline(String cleaned) {
            for (int i = 0; i < cleaned.length(); i++) {
                if (BYLINE_MARKS.indexOf(cleaned.charAt(i)) >= 0) {
                    return LineCues.byline(cleaned);
                }
            }
            return false;
        }

        private static int letters(String s) {
            int n = 0;
            for (int i = 0; i < s.length(); i++) {
                if (Character.isLetter(s.charAt(i))) {
                    n++;
                }
            }
            return n;
        }
    }

    /** A reference entry being read: its lines joined, line-end hyphens and DOIs split by a line break repaired. */
    static final class EntryBuilder {
        @Nullable
        Integer number;

        final StringBuilder text = new StringBuilder();
        boolean claimable;
        /** The number was a waiting one, taken in ascending order: {@link Run#settle} may correct it. */
        boolean provisional;

        /**
         * The entry is printed with its own number: numbers waiting for other entries do not cut it at a line that
         * merely starts with a capital ("Cell 18, 1119–1131." after "1979 Normal tRNAs promote frameshifting.").
         */
        boolean inline() {
            return number != null && !provisional;
        }

        final List<LayoutLine> lines = new ArrayList<>();

        /** Whether a line of the entry holds a year: kept as lines are added, so no check rereads the entry. */
        boolean yearSeen;

        /** "…Medicine, 239, 253–": the entry's text ends in a page range cut after its dash. */
        boolean endsWithDash() {
            int n = text.length();
            return n >= 2
                    && (text.charAt(n - 1) == '-' || text.charAt(n - 1) == '–')
                    && Character.isDigit(text.charAt(n - 2));
        }

        EntryBuilder(@Nullable Integer number, String first, LayoutLine line) {
            this.number = number;
            text.append(first.strip());
            lines.add(line);
            yearSeen = ReferenceLabeller.hasYear(first);
        }

        void append(String more, LayoutLine line) {
            lines.add(line);
            if (text.length() > ReferenceLabeller.MAX_ENTRY_CHARS) {
                return;
            }
            String next = more.strip();
            yearSeen |= ReferenceLabeller.hasYear(next);
            EntryText.append(text, next);
        }

        /** Ends like a whole entry: a year in parentheses, a long text, or a year and then its pages at the end. */
        boolean complete() {
            return PAREN_YEAR.matcher(text).find()
                    || text.length() > FOOTER_RESIDUE_CHARS
                    || yearSeen && endsWithPages();
        }

        /** "… 2005;20:30-39." — the page range ends the entry, before an optional period. */
        private boolean endsWithPages() {
            int end = text.length();
            while (end > 0 && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == ' ')) {
                end--;
            }
            return ENDING_PAGES
                    .matcher(text.subSequence(Math.max(0, end - ENDING_WINDOW), end))
                    .find();
        }

        /**
         * With numbers waiting for entries (printed apart from them), a line opening a new entry even without an author
         * list ("The ICHOM Standard Set…", "ICF Browser. [http…]"): the open entry is complete (ends with its year and
         * a period, or with a bracketed link) and the line starts with a capital (or a name's particle: "de Mutsert
         * R") that opens no trailing note.
         */
        boolean endsBefore(String line, boolean blockStart) {
            String l = line.strip();
            if (text.isEmpty() || !AuthorNames.opensLikeName(l)) {
                return false;
            }
            char last = text.charAt(text.length() - 1);
            boolean bracket = last == ']' || last == '.' && text.length() > 1 && text.charAt(text.length() - 2) == ']';
            boolean complete = last == '.' && yearSeen || bracket || blockStart && last == '.' && authorStart(l);
            return complete && !EntryText.trailingNote(l) && !sourceLine(l);
        }

        /**
         * With numbers printed apart: {@link #startsNew}, and an entry printed with its own number has its pages or
         * DOI already, so "EMBO J. 19, 6230–6239." (a journal that reads like "Smith J.") continues it.
         */
        boolean startsNewAfter(String line, boolean blockStart, String nextLine) {
            return startsNew(line, blockStart, nextLine)
                    && (!inline() || PAGE_RANGE.matcher(text).find() || Dois.find(text.toString()) != null);
        }

        /** For an unnumbered list: a complete entry before, and a line opening like an author list. */
        boolean startsNew(String line, boolean blockStart, String nextLine) {
            if (text.isEmpty()) {
                return false;
            }
            String t = text.toString().strip();
            char last = t.charAt(t.length() - 1);
            boolean ended = last == '.'
                    || last == ']' // "[CrossRef] [PubMed]", "[Medline: 21838570]"
                    || ENDING_PAGES.matcher(t).find() // "… Anal. 2011, 55, 533–539" without a period
                    || Dois.find(lastToken(t)) != null
                    || t.endsWith(")")
                    || lastToken(t).startsWith("http");
            // APA dates a work without a year "(n.d.)" or "(in press)"
            boolean hasYear = ReferenceLabeller.hasYear(t) || t.contains("(n.d.)") || t.contains("(in press)");
            if (hasYear && ended && corporateYearOpening(line)) {
                return true; // "R Development Core Team (2008) R: a language…"
            }
            if (!hasYear || !authorStart(line) || sourceLine(line.strip())) {
                return false; // "Int J Drug Policy 2012; 23: 24–32." reads like "Smith J" but is a source
            }
            return ended || blockStart || authorYearOpening(line) || wrappedAuthors(line, nextLine);
        }

        /** "Crockford C, Wittig RM, …," then "Deschner T (2013) Urinary…": an author list wrapped over two lines. */
        private static boolean wrappedAuthors(String line, String nextLine) {
            String t = line.strip();
            return !nextLine.isBlank()
                    && AuthorNames.looksLikeNameList(t)
                    && authorYearOpening(t + " " + nextLine.strip());
        }

        /**
         * A stripped line that is the source of the entry above though it opens like a name: Vancouver's "Drug
         * Alcohol Depend 2011; 115: 190–95." or APA's "Genes, Brain, and Behavior, 8, 650–660.".
         */
        private static boolean sourceLine(String stripped) {
            return SOURCE_LINE.matcher(stripped).lookingAt()
                    || APA_SOURCE_LINE.matcher(stripped).lookingAt();
        }

        /** "R Core Team (2020)", "World Health Organization (2013)": a body as author, then its year in brackets. */
        private static boolean corporateYearOpening(String line) {
            int open = bracketedYear(line);
            return open > 0 && AuthorNames.corporate(line.substring(0, open)) != null;
        }

        /** "Barnard CJ, Burk T (1979) Dominance…": names, then a parenthesized year early in the line. */
        private static boolean authorYearOpening(String line) {
            int open = bracketedYear(line);
            return open > 0 && AuthorNames.looksLikeNameList(line.substring(0, open));
        }

        /** Where "(" opens a four-digit year early in the line (not at its start), or -1. */
        private static int bracketedYear(String line) {
            int open = line.indexOf('(');
            if (open < 2 || open > AUTHOR_YEAR_WINDOW || open + 5 > line.length()) {
                return -1;
            }
            for (int i = open + 1; i < open + 5; i++) {
                if (!Character.isDigit(line.charAt(i))) {
                    return -1;
                }
            }
            return open;
        }

        private static String lastToken(String t) {
            return t.substring(t.lastIndexOf(' ') + 1);
        }

        /** "Smith J,", "Smith, J.", "van der Berg A", "World Health Organization." */
        static boolean authorStart(String line) {
            String[] t = line.strip().split(" ", 3);
            if (t.length < 2 || t[0].isEmpty()) {
                return false;
            }
            char c = t[0].charAt(0);
            if (!Character.isUpperCase(c) && !AuthorNames.isParticle(t[0])) {
                return false;
            }
            return t[0].endsWith(",") || initials(t[1]) || AuthorNames.isParticle(t[0]) || initialsFirst(t[0], t[1]);
        }

        /**
         * "T. Vos, A. Flaxman", "J.-P. Dubois, ...": dotted initials, then a capitalized family name and the comma
         * before the next author. Without the comma it is no start: "E. Stackebrandt & M. Goodfellow. Chichester:
         * Wiley." is a book's editors on an entry's second line.
         */
        private static boolean initialsFirst(String first, String second) {
            return first.endsWith(".")
                    && initials(first)
                    && second.length() > 2
                    && second.endsWith(",")
                    && Character.isUpperCase(second.charAt(0))
                    && !initials(second);
        }

        /** "J.", "JA,", "J.-P.", "CKW": up to five capitals with optional dots and hyphens. */
        private static boolean initials(String token) {
            String s = token.endsWith(",") || token.endsWith(":") ? token.substring(0, token.length() - 1) : token;
            int capitals = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isUpperCase(c)) {
                    capitals++;
                } else if (c != '.' && c != '-') {
                    return false;
                }
            }
            return capitals > 0 && capitals <= MAX_INITIALS;
        }
    }
}
