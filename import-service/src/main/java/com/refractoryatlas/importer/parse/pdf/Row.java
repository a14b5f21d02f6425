package com.refractoryatlas.importer.parse.pdf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Glyphs that share a baseline across the whole page width, left to right. Two columns' lines at the same height
 * fall into one row and are cut apart later at the gutter; superscripts and subscripts join the line they sit on.
 *
 * @param glyphs left to right, overprinted duplicates (fake bold) removed
 * @param baseline the baseline of the row's largest glyph
 * @param size the row's largest font size
 */
record Row(List<Glyph> glyphs, float baseline, float size) {

    /** How far from a row's baseline, in its font size, a glyph may sit and still belong to it. */
    private static final float BASELINE_TOLERANCE = 0.5f;

    /** Overprinted copies of one glyph are closer than this share of its width. */
    private static final float DUPLICATE_OVERLAP = 0.3f;

    private static final Comparator<Glyph> BY_Y = Comparator.comparingDouble(Glyph::y);
    private static final Comparator<Glyph> BY_X = Comparator.comparingDouble(Glyph::x);

    /** The page's rows, top to bottom; sorting makes this O(n log n) in the page's glyphs. */
    static List<Row> of(List<Glyph> glyphs) {
        List<Glyph> sorted = new ArrayList<>(glyphs);
        sorted.sort(BY_Y);
        List<Row> rows = new ArrayList<>();
        List<Glyph> current = new ArrayList<>();
        float baseline = 0;
        float size = 0;
        for (Glyph g : sorted) {
            boolean joins =
                    !current.isEmpty() && Math.abs(g.y() - baseline) <= BASELINE_TOLERANCE * Math.max(size, g.size());
            if (!joins && !current.isEmpty()) {
                rows.add(finish(current, baseline, size));
                current = new ArrayList<>();
            }
            if (current.isEmpty() || g.size() > size) {
                baseline = g.y();
                size = g.size();
            }
            current.add(g);
        }
        if (!current.isEmpty()) {
            rows.add(finish(current, baseline, size));
        }
        return rows;
    }

    private static Row finish(List<Glyph> glyphs, float baseline, float size) {
        glyphs.sort(BY_X);
        List<Glyph> kept = new ArrayList<>(glyphs.size());
        for (Glyph g : glyphs) {
            if (kept.isEmpty() || !duplicate(kept.get(kept.size() - 1), g)) {
                kept.add(g);
            }
        }
        return new Row(List.copyOf(kept), baseline, size);
    }

    private static boolean duplicate(Glyph previous, Glyph g) {
        return !g.space()
                && previous.text().equals(g.text())
                && Math.abs(previous.x() - g.x()) < DUPLICATE_OVERLAP * Math.max(g.width(), 1)
                && Math.abs(previous.y() - g.y()) < 1;
    }
}
