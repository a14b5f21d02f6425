package com.refractoryatlas.importer.parse.pdf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One page's glyphs to lines in reading order. Rows are cut at the page's gutters ({@link Gutters}); a row that
 * crosses a gutter without a gap there is full width. Reading order goes band by band down the page: a run of
 * full-width rows is read as it stands, and the column rows between two such runs are read column by column, all
 * of the first column before the second. So a title and abstract above two columns come first, and a full-width
 * table or figure caption in the middle of a page separates what is above it from what is below.
 */
final class PageLayout {

    /** A row is cut at a gutter where its glyphs leave a gap wider than this share of its font size. */
    private static final float CUT_GAP = 0.6f;
    /**
     * Two rows meet across a gap up to this many times their median word gap, and no wider than their widest word
     * gap (give or take this share): a justified line stretched wide still leaves a gutter wider than its words'.
     */
    private static final float WORD_GAP_REACH = 1.25f;

    private static final float WIDEST_WORD_GAP = 1.05f;
    /** A gap between inked glyphs wider than this share of the font size is a word gap, not letter spacing. */
    private static final float MIN_WORD_GAP = 0.2f;
    /** Rows of neighbouring columns this close, in font sizes, share a baseline. */
    private static final float BASELINE_SHARE = 0.5f;
    /** A line starts a new block when the gap above it is wider than this many font sizes. */
    private static final float BLOCK_GAP = 1.6f;
    /** How far, in font sizes, the rows around a cut row may be for it to count as between full-width rows. */
    private static final float NEIGHBOUR_REACH = 3f;
    /** An empty strip across the page this many font sizes high (baseline to baseline) separates two bands. */
    private static final float BAND_GAP = 4f;
    /** A sidebar's lines are at most this share as wide as the other columns' (medians). */
    private static final float SIDEBAR_WIDTH = 0.6f;
    /** Font sizes this close are one type. */
    private static final float SAME_SIZE = 0.5f;

    private PageLayout() {}

    /** A row cut into pieces, one per column it touches, or kept whole when it crosses a gutter. */
    private record Cut(Row row, List<List<Glyph>> pieces, int[] columns, boolean spanning) {}

    static List<PageLine> lines(int page, List<Glyph> printed) {
        List<Glyph> glyphs = LineNumbers.remove(printed);
        List<Row> rows = Row.of(glyphs);
        float[] gutters = Gutters.find(rows);
        List<Cut> cuts = new ArrayList<>(rows.size());
        if (gutters.length == 0) {
            for (Row row : rows) {
                cuts.add(new Cut(row, List.of(row.glyphs()), new int[] {0}, false));
            }
        } else {
            cuts = columnCuts(glyphs, gutters);
        }
        joinCentredRows(cuts);
        return order(page, cuts, gutters.length + 1);
    }

    /** One column's row. */
    private record Segment(Row row, int column) {}

    /**
     * Rows built column by column, so a line of one column never takes a superscript of the other column's line
     * when their baselines are offset; rows of neighbouring columns at one height that meet at the gutter are one
     * full-width line again.
     */
    private static List<Cut> columnCuts(List<Glyph> glyphs, float[] gutters) {
        List<List<Glyph>> columns = new ArrayList<>();
        for (int c = 0; c <= gutters.length; c++) {
            columns.add(new ArrayList<>());
        }
        for (Glyph g : glyphs) {
            columns.get(columnOf(g, gutters)).add(g);
        }
        List<Segment> segments = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            for (Row row : Row.of(columns.get(c))) {
                segments.add(new Segment(row, c));
            }
        }
        segments.sort(
                Comparator.comparingDouble((Segment s) -> s.row().baseline()).thenComparingInt(Segment::column));
        List<Cut> cuts = new ArrayList<>();
        int start = 0;
        while (start < segments.size()) {
            int end = groupEnd(segments, start);
            cuts.add(cut(segments.subList(start, end), gutters.length));
            start = end;
        }
        return cuts;
    }

    /** The end of the run of segments from {@code start} that share one baseline. */
    private static int groupEnd(List<Segment> segments, int start) {
        Row first = segments.get(start).row();
        int end = start + 1;
        while (end < segments.size()) {
            Row next = segments.get(end).row();
            boolean same = Math.abs(next.baseline() - first.baseline())
                    <= BASELINE_SHARE * Math.max(first.size(), next.size());
            if (!same) {
                break;
            }
            end++;
        }
        return end;
    }

    /**
     * The group's segments left to right, neighbours that meet joined: all of them joined, from the first column to
     * the last, is a full-width line; otherwise each joined run is a piece of the column it starts in, so a line that
     * meets its neighbour across a doubtful gutter never carries the next column's line at that height with it. A
     * column line joined across a valley inside its own column (a table's gap, aligned word spaces) reaches neither
     * the page's first nor its last column and stays a column line: taken for full width, it had cut the other
     * column's lines around it out of their column and joined them to its own.
     */
    private static Cut cut(List<Segment> group, int lastColumn) {
        List<Segment> sorted = new ArrayList<>(group);
        sorted.sort(Comparator.comparingInt(Segment::column).thenComparingDouble(s -> firstX(s.row())));
        List<List<Glyph>> pieces = new ArrayList<>();
        List<Integer> columns = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Segment s = sorted.get(i);
            if (i > 0 && meet(sorted.get(i - 1), s)) {
                List<Glyph> joined = new ArrayList<>(pieces.get(pieces.size() - 1));
                joined.addAll(s.row().glyphs());
                pieces.set(pieces.size() - 1, joined);
                continue;
            }
            pieces.add(s.row().glyphs());
            columns.add(s.column());
        }
        Row head = sorted.get(0).row();
        boolean acrossThePage =
                sorted.get(0).column() == 0 && sorted.get(sorted.size() - 1).column() == lastColumn;
        if (pieces.size() == 1 && sorted.size() > 1 && acrossThePage) {
            Row whole = new Row(List.copyOf(pieces.get(0)), head.baseline(), head.size());
            return new Cut(whole, List.of(whole.glyphs()), new int[] {0}, true);
        }
        int[] starts = new int[columns.size()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = columns.get(i);
        }
        return new Cut(head, pieces, starts, false);
    }

    /**
     * Whether two rows of neighbouring columns are one line cut by the gutter split: no gap where they meet, or
     * only gaps a drawn space glyph bridges (a justified word space).
     */
    private static boolean meet(Segment left, Segment right) {
        if (right.column() != left.column() + 1) {
            return false;
        }
        float size = Math.max(left.row().size(), right.row().size());
        float limit = Math.max(CUT_GAP * size, wordGap(left.row(), right.row(), size));
        float end = lastEnd(left.row());
        float start = firstX(right.row());
        for (Glyph g : spacesBetween(left.row(), right.row(), end, start)) {
            if (g.x() - end > limit) {
                break;
            }
            end = Math.max(end, g.endX());
        }
        return start - end <= limit;
    }

    /**
     * How wide a gap between two rows can be and still be one of their word gaps, measured between inked glyphs (0
     * when they have fewer than two word gaps between them). A typesetter that draws no space glyphs leaves word
     * gaps wider than a row's usual cut in loosely set lines (0.75 of the font size in a ragged reference list); a
     * gap at a valley no wider than the words' own is one of them, not a gutter.
     */
    private static float wordGap(Row left, Row right, float size) {
        List<Float> gaps = new ArrayList<>();
        for (Row row : List.of(left, right)) {
            Glyph previous = null;
            for (Glyph g : row.glyphs()) {
                if (g.space()) {
                    continue;
                }
                if (previous != null && g.x() - previous.endX() > MIN_WORD_GAP * size) {
                    gaps.add(g.x() - previous.endX());
                }
                previous = g;
            }
        }
        if (gaps.size() < 2) {
            return 0;
        }
        gaps.sort(null);
        return Math.min(WORD_GAP_REACH * gaps.get(gaps.size() / 2), WIDEST_WORD_GAP * gaps.get(gaps.size() - 1));
    }

    /** The space glyphs after the left row's last ink and before the right row's first, left to right. */
    private static List<Glyph> spacesBetween(Row left, Row right, float from, float to) {
        List<Glyph> spaces = new ArrayList<>();
        for (Row row : List.of(left, right)) {
            for (Glyph g : row.glyphs()) {
                if (g.space() && g.x() >= from - 1 && g.x() < to) {
                    spaces.add(g);
                }
            }
        }
        spaces.sort(Comparator.comparingDouble(Glyph::x));
        return spaces;
    }

    private static float firstX(Row row) {
        for (Glyph g : row.glyphs()) {
            if (!g.space()) {
                return g.x();
            }
        }
        return row.glyphs().get(0).x();
    }

    private static float lastEnd(Row row) {
        float end = -Float.MAX_VALUE;
        for (Glyph g : row.glyphs()) {
            end = g.space() ? end : Math.max(end, g.endX());
        }
        return end;
    }

    private static int columnOf(Glyph g, float[] gutters) {
        int column = 0;
        while (column < gutters.length && g.centerX() > gutters[column]) {
            column++;
        }
        return column;
    }

    /**
     * A row cut in pieces between two full-width rows is centred front matter (author names spread across the
     * page), not two columns: it is read whole. So is a short row in one column between them in the type of the
     * full-width row above it: a title's last line ("learnt", "Programming") that does not reach the gutter,
     * which read as a column line would start a block of its own after the band.
     */
    private static void joinCentredRows(List<Cut> cuts) {
        for (int i = 1; i + 1 < cuts.size(); i++) {
            Cut cut = cuts.get(i);
            Cut above = cuts.get(i - 1);
            if (cut.spanning()) {
                continue;
            }
            boolean continues = cut.pieces().size() >= 2
                    || Math.abs(cut.row().size() - above.row().size()) <= SAME_SIZE;
            if (continues && spanningNear(cut, above) && spanningNear(cut, cuts.get(i + 1))) {
                cuts.set(i, whole(cut));
            }
        }
    }

    private static Cut whole(Cut cut) {
        List<Glyph> all = new ArrayList<>();
        for (List<Glyph> piece : cut.pieces()) {
            all.addAll(piece);
        }
        Row row = new Row(List.copyOf(all), cut.row().baseline(), cut.row().size());
        return new Cut(row, List.of(row.glyphs()), new int[] {0}, true);
    }

    private static boolean spanningNear(Cut cut, Cut other) {
        float reach = NEIGHBOUR_REACH * Math.max(cut.row().size(), other.row().size());
        return other.spanning() && Math.abs(other.row().baseline() - cut.row().baseline()) <= reach;
    }

    /**
     * Lines band by band: a full-width row ends the band above it, and so does an empty strip across every column
     * wider than {@value #BAND_GAP} font sizes (a page whose upper half is body text in two columns and whose
     * lower half is the reference list in two columns, or text above and below a figure without a caption): the
     * columns above the strip are read before anything below it.
     */
    private static List<PageLine> order(int page, List<Cut> cuts, int columns) {
        List<PageLine> out = new ArrayList<>();
        List<List<PageLine>> buckets = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            buckets.add(new ArrayList<>());
        }
        Row previous = null;
        for (Cut cut : cuts) {
            boolean strip = previous != null
                    && cut.row().baseline() - previous.baseline()
                            > BAND_GAP * Math.max(cut.row().size(), previous.size());
            previous = cut.row();
            if (cut.spanning() || strip) {
                flush(buckets, out);
            }
            if (cut.spanning()) {
                add(out, LineText.of(page, cut.row().glyphs(), 0));
                continue;
            }
            for (int i = 0; i < cut.pieces().size(); i++) {
                int column = Math.min(cut.columns()[i], columns - 1);
                add(buckets.get(column), LineText.of(page, cut.pieces().get(i), column));
            }
        }
        flush(buckets, out);
        return out;
    }

    /** Appends a line, marking it as a block start when the gap above it is wide. */
    private static void add(List<PageLine> lines, PageLine line) {
        if (line.text().isEmpty()) {
            return;
        }
        if (lines.isEmpty()) {
            lines.add(withBlockStart(line));
            return;
        }
        PageLine above = lines.get(lines.size() - 1);
        float gap = line.y() - above.y();
        boolean block = gap > BLOCK_GAP * Math.max(line.size(), above.size()) || gap < 0;
        lines.add(block ? withBlockStart(line) : line);
    }

    /**
     * The band's columns left to right, a sidebar in the leftmost column after the others. Each column starts a
     * block, except the first when its first line sits right below the last line read (a byline's or title's
     * last line that stops short of the gutter, under its full-width first line).
     */
    private static void flush(List<List<PageLine>> buckets, List<PageLine> out) {
        boolean sidebar = sidebar(buckets);
        boolean first = true;
        for (int c = sidebar ? 1 : 0; c < buckets.size(); c++) {
            first &= !append(buckets.get(c), out, first);
        }
        if (sidebar) {
            append(buckets.get(0), out, false);
        }
    }

    /** Appends a column's lines; whether there were any. */
    private static boolean append(List<PageLine> bucket, List<PageLine> out, boolean mayContinue) {
        if (bucket.isEmpty()) {
            return false;
        }
        if (mayContinue) {
            PageLine line = bucket.get(0);
            add(out, withBlockStart(line, false));
        } else {
            out.add(withBlockStart(bucket.get(0)));
        }
        out.addAll(bucket.subList(1, bucket.size()));
        bucket.clear();
        return true;
    }

    /**
     * Whether the leftmost column is a sidebar beside the text (a first page's "To cite", history and
     * correspondence notes): narrower than {@value #SIDEBAR_WIDTH} of every other column and in smaller type.
     * It is read after them, so the abstract beside it is not cut from the title above it.
     */
    private static boolean sidebar(List<List<PageLine>> buckets) {
        if (buckets.size() < 2 || buckets.get(0).isEmpty()) {
            return false;
        }
        float width = median(buckets.get(0), true);
        float size = median(buckets.get(0), false);
        boolean others = false;
        for (int c = 1; c < buckets.size(); c++) {
            if (buckets.get(c).isEmpty()) {
                continue;
            }
            others = true;
            boolean narrower = width < SIDEBAR_WIDTH * median(buckets.get(c), true);
            if (!narrower || size > median(buckets.get(c), false) - SAME_SIZE) {
                return false;
            }
        }
        return others;
    }

    private static float median(List<PageLine> lines, boolean width) {
        float[] values = new float[lines.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = width ? lines.get(i).width() : lines.get(i).size();
        }
        java.util.Arrays.sort(values);
        return values[values.length / 2];
    }

    private static PageLine withBlockStart(PageLine line) {
        return withBlockStart(line, true);
    }

    private static PageLine withBlockStart(PageLine line, boolean start) {
        return line.blockStart() == start
                ? line
                : new PageLine(
                        line.page(),
                        line.text(),
                        line.x(),
                        line.y(),
                        line.width(),
                        line.size(),
                        line.bold(),
                        line.italic(),
                        line.column(),
                        start);
    }
}
