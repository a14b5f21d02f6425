package com.refractoryatlas.importer.parse.pdf;

import java.util.ArrayList;
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
    /** A line starts a new block when the gap above it is wider than this many font sizes. */
    private static final float BLOCK_GAP = 1.6f;
    /** How far, in font sizes, the rows around a cut row may be for it to count as between full-width rows. */
    private static final float NEIGHBOUR_REACH = 3f;

    private PageLayout() {}

    /** A row cut into pieces, one per column it touches, or kept whole when it crosses a gutter. */
    private record Cut(Row row, List<List<Glyph>> pieces, int[] columns, boolean spanning) {}

    static List<PageLine> lines(int page, List<Glyph> glyphs) {
        List<Row> rows = Row.of(glyphs);
        float[] gutters = Gutters.find(rows);
        List<Cut> cuts = new ArrayList<>(rows.size());
        for (Row row : rows) {
            cuts.add(cut(row, gutters));
        }
        joinCentredRows(cuts);
        return order(page, cuts, gutters.length + 1);
    }

    private static Cut cut(Row row, float[] gutters) {
        List<List<Glyph>> pieces = new ArrayList<>();
        List<Integer> columns = new ArrayList<>();
        boolean spanning = false;
        List<Glyph> piece = new ArrayList<>();
        int column = 0;
        Glyph previous = null;
        for (Glyph g : row.glyphs()) {
            if (g.space()) {
                piece.add(g);
                continue;
            }
            int at = columnOf(g, gutters);
            if (at > column && previous != null) {
                boolean gap = g.x() - previous.endX() > CUT_GAP * Math.max(row.size(), g.size());
                spanning |= !gap;
                if (gap) {
                    pieces.add(piece);
                    columns.add(column);
                    piece = new ArrayList<>();
                }
            }
            column = Math.max(column, at);
            piece.add(g);
            previous = g;
        }
        pieces.add(piece);
        columns.add(column);
        int[] cols = new int[columns.size()];
        for (int i = 0; i < cols.length; i++) {
            cols[i] = spanning ? 0 : columns.get(i);
        }
        return new Cut(row, pieces, cols, spanning);
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
     * page), not two columns: it is read whole.
     */
    private static void joinCentredRows(List<Cut> cuts) {
        for (int i = 1; i + 1 < cuts.size(); i++) {
            Cut cut = cuts.get(i);
            if (cut.spanning() || cut.pieces().size() < 2) {
                continue;
            }
            if (spanningNear(cut, cuts.get(i - 1)) && spanningNear(cut, cuts.get(i + 1))) {
                cuts.set(i, new Cut(cut.row(), List.of(cut.row().glyphs()), new int[] {0}, true));
            }
        }
    }

    private static boolean spanningNear(Cut cut, Cut other) {
        float reach = NEIGHBOUR_REACH * Math.max(cut.row().size(), other.row().size());
        return other.spanning() && Math.abs(other.row().baseline() - cut.row().baseline()) <= reach;
    }

    private static List<PageLine> order(int page, List<Cut> cuts, int columns) {
        List<PageLine> out = new ArrayList<>();
        List<List<PageLine>> buckets = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            buckets.add(new ArrayList<>());
        }
        for (Cut cut : cuts) {
            if (cut.spanning()) {
                flush(buckets, out);
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

    private static void flush(List<List<PageLine>> buckets, List<PageLine> out) {
        for (List<PageLine> bucket : buckets) {
            if (!bucket.isEmpty()) {
                out.add(withBlockStart(bucket.get(0)));
                out.addAll(bucket.subList(1, bucket.size()));
                bucket.clear();
            }
        }
    }

    private static PageLine withBlockStart(PageLine line) {
        return line.blockStart()
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
                        true);
    }
}
