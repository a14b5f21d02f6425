package com.refractoryatlas.importer.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Unfolds text whose columns are printed side by side ({@code pdftotext -layout}: the left column's line, a run of
 * spaces, the right column's line) into reading order: per page (form feed), the gutter is the character column that
 * the most lines leave blank inside a wide run of spaces; where at least {@link #MIN_SHARE} of a page's lines have
 * such a gap there, each run of lines split by the gutter is read left column first, then right column, and lines
 * that print across the gutter (title, abstract, full-width figures) stay where they are, as do bands of blank lines
 * across the page that end one region of columns above another. Text without such a gutter
 * — prose, Markdown, the other pdftotext modes — comes back unchanged (the same string). One pass over each page for
 * the gaps, one to split: linear in the input.
 */
final class Columns {

    /** Spaces between two columns' text in {@code -layout} output (a word gap is one or two). */
    private static final int MIN_GAP = 3;
    /** Share of a page's non-blank lines that must leave the gutter blank. */
    private static final double MIN_SHARE = 0.3;
    /** Below {@link #MIN_SHARE}, the share of a page's non-blank lines that may print across the gutter. */
    private static final double MAX_CROSSING = 0.05;
    /** A page needs this many lines with the gutter to be read as two columns. */
    private static final int MIN_LINES = 6;
    /** Lines longer than this are not measured past it (a gutter lies within a printed page's width). */
    private static final int MAX_WIDTH = 400;
    /** A line printing a character at the gutter may still split at a gap of two spaces this close to it. */
    private static final int NEAR = 4;
    /**
     * Blank lines across the whole width that end a region of columns (body columns above, reference columns below
     * on one page); inside a column paragraphs are one blank line apart.
     */
    private static final int REGION_BREAK = 3;

    /** A page's text this far from the left edge may stand beside a note up its margin. */
    private static final int MIN_MARGIN = 20;
    /** Of a page's non-blank lines, the share that may start left of its text as margin notes. */
    private static final double MAX_MARGIN_NOTES = 0.1;

    /** Of a page's non-blank rows, the share each column needs when the two columns never share a row. */
    private static final double MIN_ALTERNATE_SHARE = 0.25;
    /** A right column this short (an entry's tail atop a last page) still makes a gutter when nothing crosses it. */
    private static final int MIN_SHORT_COLUMN_LINES = 2;
    /** A left column's full lines end at most this many characters before the gutter. */
    private static final int COLUMN_REACH = 16;
    /** How far right of an entry's first line its continuation lines may be indented. */
    private static final int HANGING_INDENT = 8;

    private Columns() {}

    static String unfold(String text) {
        if (text.indexOf("   ") < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + text.length() / 8);
        boolean changed = false;
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\f', start);
            if (end < 0) {
                end = text.length();
            }
            String page = text.substring(start, end);
            String unfolded = unfoldPage(page);
            if (unfolded == page) {
                unfolded = withoutLeftMargin(page);
            }
            changed |= unfolded != page;
            out.append(unfolded);
            if (end < text.length()) {
                out.append('\f');
            }
            start = end + 1;
        }
        return changed ? out.toString() : text;
    }

    /** One page in reading order, or the same string when it has no gutter. */
    private static String unfoldPage(String page) {
        String unfolded = page(page, false);
        if (unfolded != page) {
            // three columns side by side: the first split leaves two in one part, which a second split unfolds;
            // for that, the first keeps the right part's own indents
            String kept = page(page, true);
            String again = page(kept, false);
            unfolded = again != kept ? stripIndents(again) : unfolded;
        }
        return unfolded;
    }

    /**
     * A page whose text stands far from the left edge because a note runs up its margin (Dove Press prints "… downloaded
     * from https://www.dovepress.com/ … For personal use only." rotated there): without its margin lines — the few
     * lines that start left of where the others start — and that indent, it may have a gutter the indent hid (the
     * left column then looks like a column of its own at the page's middle). Unfolded, the margin lines follow the
     * page's text; otherwise the same string comes back. Sorting the indents makes it O(n log n) in the page's lines.
     */
    private static String withoutLeftMargin(String page) {
        List<String> lines = List.of(page.split("\n", -1));
        int margin = leftMargin(lines);
        if (margin == 0) {
            return page;
        }
        StringBuilder body = new StringBuilder(page.length());
        StringBuilder notes = new StringBuilder();
        for (String line : lines) {
            if (!line.isBlank() && leadingSpaces(line) < margin) {
                notes.append(line.strip()).append('\n');
            } else {
                body.append(line.length() > margin ? line.substring(margin) : "")
                        .append('\n');
            }
        }
        body.setLength(body.length() - 1);
        String dedented = body.toString();
        String unfolded = unfoldPage(dedented);
        return unfolded == dedented ? page : unfolded + "\n" + notes;
    }

    /**
     * The indent left of which at most {@link #MAX_MARGIN_NOTES} of a page's non-blank lines start (the margin's notes),
     * when it is wide ({@link #MIN_MARGIN} spaces or more); else 0.
     */
    private static int leftMargin(List<String> lines) {
        int[] indents = new int[lines.size()];
        int nonBlank = 0;
        for (String l : lines) {
            if (!l.isBlank()) {
                indents[nonBlank++] = Math.min(leadingSpaces(l), MAX_WIDTH);
            }
        }
        if (nonBlank < MIN_LINES) {
            return 0;
        }
        int[] sorted = java.util.Arrays.copyOf(indents, nonBlank);
        java.util.Arrays.sort(sorted);
        int margin = sorted[(int) (nonBlank * MAX_MARGIN_NOTES)];
        return margin >= MIN_MARGIN ? margin : 0;
    }

    /** One page: its lines in reading order, or the same string when it has no gutter. */
    private static String page(String page, boolean keepIndent) {
        List<String> lines = List.of(page.split("\n", -1));
        int gutter = gutter(lines);
        boolean alternating = false;
        if (gutter < 0) {
            gutter = alternatingGutter(lines);
            alternating = gutter >= 0;
        }
        if (gutter < 0) {
            return page;
        }
        StringBuilder out = new StringBuilder(page.length() + 16);
        List<String> right = new ArrayList<>();
        List<String[]> held = new ArrayList<>();
        int blankRun = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            blankRun = line.isBlank() ? blankRun + 1 : 0;
            int cut = cut(line, gutter);
            if (cut < 0) {
                release(out, right, held, true, keepIndent);
                flushRight(out, right, keepIndent);
                out.append(line).append('\n');
                continue;
            }
            String[] split = {
                stripEnd(line.substring(0, Math.min(cut, line.length()))),
                cut < line.length() ? stripEnd(line.substring(cut)) : ""
            };
            if (blankRun == REGION_BREAK && held.isEmpty()) {
                held.add(split); // a band blank across the page: the columns above may end here
            } else if (!held.isEmpty()) {
                held.add(split);
                if (!split[1].isBlank()) {
                    release(out, right, held, !continues(split[1].strip()), keepIndent);
                }
            } else if (split[0].isBlank() != split[1].isBlank() && (alternating || offsetRow(lines, i, gutter))) {
                if (split[0].isBlank()) {
                    right.add(split[1]); // a row of the right column only: no blank row in the left one
                } else {
                    out.append(split[0]).append('\n');
                }
            } else {
                out.append(split[0]).append('\n');
                right.add(split[1]);
            }
        }
        release(out, right, held, true, keepIndent);
        flushRight(out, right, keepIndent);
        out.setLength(out.length() - 1);
        return out.toString();
    }

    /**
     * A row of one column between two rows of the other: where the columns' baselines are offset for a stretch (a
     * reference list beside the right column's), {@code -layout} prints their rows in turn, and neither column has
     * a blank row there.
     */
    private static boolean offsetRow(List<String> lines, int i, int gutter) {
        int side = side(lines.get(i), gutter);
        return side != 0
                && i > 0
                && i + 1 < lines.size()
                && side(lines.get(i - 1), gutter) == 3 - side
                && side(lines.get(i + 1), gutter) == 3 - side;
    }

    /** 1 for a row of the left column only, 2 of the right only, 0 otherwise (blank, both, or across the gutter). */
    private static int side(String line, int gutter) {
        int cut = cut(line, gutter);
        if (cut < 0 || line.isBlank()) {
            return 0;
        }
        boolean left = !line.substring(0, Math.min(cut, line.length())).isBlank();
        boolean right = cut < line.length() && !line.substring(cut).isBlank();
        return left == right ? 0 : left ? 1 : 2;
    }

    /**
     * Lines held after a blank band, once the right column's next text shows what the band was: the end of one region
     * of columns above another (the right column above is printed first), or a gap inside both columns (a figure
     * beside the right column, whose text goes on in mid-sentence: it stays one column).
     */
    private static void release(
            StringBuilder out, List<String> right, List<String[]> held, boolean regionBreak, boolean keepIndent) {
        if (held.isEmpty()) {
            return;
        }
        if (regionBreak) {
            flushRight(out, right, keepIndent);
        }
        for (String[] split : held) {
            out.append(split[0]).append('\n');
            right.add(split[1]);
        }
        held.clear();
    }

    /** Text that goes on with what came before it: it starts in lower case (mid-sentence). */
    private static boolean continues(String text) {
        return Character.isLowerCase(text.codePointAt(0));
    }

    /** The right column of a run of split lines, after its left column and a blank line. */
    private static void flushRight(StringBuilder out, List<String> right, boolean keepIndent) {
        int indent = Integer.MAX_VALUE;
        for (String r : right) {
            if (!r.isBlank()) {
                indent = Math.min(indent, leadingSpaces(r));
            }
        }
        if (indent != Integer.MAX_VALUE) {
            out.append('\n');
            for (String r : right) {
                out.append(r.isBlank() ? "" : keepIndent ? r.substring(indent) : r.strip())
                        .append('\n');
            }
        }
        right.clear();
    }

    /** Every line without its leading spaces (after a second split, indents are those of the first's parts). */
    private static String stripIndents(String page) {
        StringBuilder out = new StringBuilder(page.length());
        int start = 0;
        while (start <= page.length()) {
            int end = page.indexOf('\n', start);
            if (end < 0) {
                end = page.length();
            }
            int from = start;
            while (from < end && page.charAt(from) == ' ') {
                from++;
            }
            out.append(page, from, end);
            if (end < page.length()) {
                out.append('\n');
            }
            start = end + 1;
        }
        return out.toString();
    }

    private static int leadingSpaces(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** A page's width (up to {@link #MAX_WIDTH}) and its count of non-blank lines. */
    private record Extent(int width, int nonBlank) {
        static Extent of(List<String> lines) {
            int width = 0;
            int nonBlank = 0;
            for (String l : lines) {
                width = Math.max(width, Math.min(l.length(), MAX_WIDTH));
                nonBlank += l.isBlank() ? 0 : 1;
            }
            return new Extent(width, nonBlank);
        }
    }

    /**
     * The character column most lines leave blank inside a gap of {@link #MIN_GAP} spaces or more between text, in
     * the middle three fifths of the page's width (the last of a run of such columns, next to the right column's
     * text); -1 when too few lines have it.
     */
    private static int gutter(List<String> lines) {
        Extent extent = Extent.of(lines);
        int width = extent.width();
        int nonBlank = extent.nonBlank();
        if (nonBlank < MIN_LINES || width < 2 * MIN_GAP) {
            return -1;
        }
        int from = width / 5;
        int to = width - width / 5;
        int[] delta = new int[width + 1];
        for (String l : lines) {
            addGaps(l, from, to, delta);
        }
        int best = -1;
        int bestCount = 0;
        int running = 0;
        boolean onPlateau = false;
        for (int x = 0; x < width; x++) {
            running += delta[x];
            if (x >= from && x < to && running > bestCount) {
                best = x;
                bestCount = running;
                onPlateau = true;
            } else if (onPlateau && running == bestCount && x < to) {
                best = x; // the right end of the widest-shared gap: left column lines that run long still fit
            } else {
                onPlateau = false;
            }
        }
        if (bestCount < MIN_LINES) {
            // a last page whose right column holds a few lines at its top (an entry's tail): no line crosses the
            // gutter, and a full left column reaches up to it
            return bestCount >= MIN_SHORT_COLUMN_LINES
                            && crossing(lines, best) == 0
                            && reaching(lines, best) >= MIN_LINES
                    ? best
                    : -1;
        }
        return bestCount >= nonBlank * MIN_SHARE || crossing(lines, best) <= nonBlank * MAX_CROSSING ? best : -1;
    }

    /**
     * Two columns whose lines never share a row: their baselines are offset, so {@code -layout} prints a row of the left
     * column, then one of the right, indented to where it starts (De Gruyter's two columns). No row has a gap at the
     * gutter, so {@link #gutter} finds none. Here the gutter is where the right column's rows start — the most common
     * indent in the middle three fifths of the page, or the least one just left of it (an entry's first line, left of
     * its indented continuation) — when at least {@link #MIN_ALTERNATE_SHARE} of the non-blank rows start there and as
     * many are left rows ending before it, and almost no row prints across it; -1 otherwise.
     */
    private static int alternatingGutter(List<String> lines) {
        Extent extent = Extent.of(lines);
        int width = extent.width();
        int nonBlank = extent.nonBlank();
        int from = width / 5;
        int to = width - width / 5;
        java.util.Map<Integer, Integer> starts = new java.util.HashMap<>();
        for (String l : lines) {
            int start = leadingSpaces(l);
            if (!l.isBlank() && start >= from && start < to) {
                starts.merge(start, 1, Integer::sum);
            }
        }
        int mode = -1;
        int modeCount = 0;
        for (var e : starts.entrySet()) {
            if (e.getValue() > modeCount) {
                mode = e.getKey();
                modeCount = e.getValue();
            }
        }
        if (mode < 0) {
            return -1;
        }
        int gutter = mode;
        int rightRows = 0;
        for (var e : starts.entrySet()) {
            if (e.getKey() <= mode && e.getKey() >= mode - HANGING_INDENT) {
                gutter = Math.min(gutter, e.getKey());
            }
            rightRows += e.getKey() >= mode - HANGING_INDENT ? e.getValue() : 0;
        }
        int leftRows = 0;
        int crossing = 0;
        for (String l : lines) {
            if (!l.isBlank() && leadingSpaces(l) < from) {
                if (stripEnd(l).length() < gutter - 1 || cut(l, gutter) >= 0) {
                    leftRows++; // a left row, or one of the few rows both columns print on
                } else {
                    crossing++;
                }
            }
        }
        boolean shared = rightRows >= MIN_LINES && leftRows >= MIN_LINES;
        return shared
                        && rightRows >= nonBlank * MIN_ALTERNATE_SHARE
                        && leftRows >= nonBlank * MIN_ALTERNATE_SHARE
                        && crossing <= nonBlank * MAX_CROSSING
                ? gutter
                : -1;
    }

    /**
     * Lines that print across a column: where the two columns share few lines of a page (a short right column on the
     * last page of references) the gutter still holds if almost no line crosses it.
     */
    private static int crossing(List<String> lines, int gutter) {
        int crossing = 0;
        for (String l : lines) {
            crossing += l.length() > gutter && !l.isBlank() && cut(l, gutter) < 0 ? 1 : 0;
        }
        return crossing;
    }

    /** Lines whose text (left of any gap at the gutter) ends close to the gutter: a full column left of it. */
    private static int reaching(List<String> lines, int gutter) {
        int reaching = 0;
        for (String l : lines) {
            int cut = cut(l, gutter);
            int end = cut < 0
                    ? l.length()
                    : stripEnd(l.substring(0, Math.min(cut, l.length()))).length();
            reaching += !l.isBlank() && leadingSpaces(l) < gutter && end >= gutter - COLUMN_REACH ? 1 : 0;
        }
        return reaching;
    }

    /** Adds one to the coverage of every column inside a wide gap between text that reaches the middle. */
    private static void addGaps(String l, int from, int to, int[] delta) {
        int n = Math.min(l.length(), MAX_WIDTH);
        int i = 0;
        while (i < n && l.charAt(i) == ' ') {
            i++;
        }
        if (i >= from) {
            return; // a line of the right column alone: its gaps ("12.   Smith J") are inside that column
        }
        while (i < n) {
            if (l.charAt(i) != ' ') {
                i++;
                continue;
            }
            int gapStart = i;
            while (i < n && l.charAt(i) == ' ') {
                i++;
            }
            boolean internal = i < n;
            if (internal && i - gapStart >= MIN_GAP && i > from && gapStart < to) {
                delta[gapStart]++;
                delta[i]--;
            }
        }
    }

    /**
     * Where to split a line at the gutter: lines shorter than it are all left column; a line blank at the gutter in
     * a gap of two spaces or more (or in its indent: all right column) splits there, one with a gap of two spaces
     * near it splits at that gap, and a line printing across it (one word space at most there) gives -1.
     */
    private static int cut(String line, int gutter) {
        if (line.length() <= gutter) {
            return gutter;
        }
        if (line.charAt(gutter) == ' ') {
            int a = gutter;
            while (a > 0 && line.charAt(a - 1) == ' ') {
                a--;
            }
            int b = gutter;
            while (b < line.length() && line.charAt(b) == ' ') {
                b++;
            }
            if (b - a >= 2 || a == 0) {
                return gutter;
            }
        }
        int from = Math.max(1, gutter - NEAR);
        int to = Math.min(line.length() - 1, gutter + NEAR);
        for (int x = from; x < to; x++) {
            if (line.charAt(x) == ' ' && line.charAt(x + 1) == ' ') {
                return x;
            }
        }
        return -1;
    }

    private static String stripEnd(String s) {
        int end = s.length();
        while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }
}
