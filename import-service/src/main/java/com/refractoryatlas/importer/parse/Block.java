package com.refractoryatlas.importer.parse;

import com.refractoryatlas.importer.parse.layout.Layout;
import com.refractoryatlas.importer.parse.layout.LayoutLine;
import com.refractoryatlas.importer.parse.layout.TextStyle;
import java.util.ArrayList;
import java.util.List;

/**
 * Consecutive lines that belong together: separated by blank lines in text, by a change of font or a vertical gap in
 * a PDF layout. A thematic break ({@code ---}) is a block of its own. Page furniture lines are taken out before
 * grouping, so that a paragraph cut by a page break is not split by its running header.
 */
record Block(List<LayoutLine> lines, boolean rule) {

    private static final float FONT_CHANGE = 0.9f;
    private static final float GAP_FACTOR = 1.7f;

    Block {
        lines = List.copyOf(lines);
    }

    int line() {
        return lines.get(0).number();
    }

    boolean single() {
        return lines.size() == 1;
    }

    String first() {
        return lines.get(0).text();
    }

    LayoutLine firstLine() {
        return lines.get(0);
    }

    Block from(int index) {
        return new Block(lines.subList(index, lines.size()), false);
    }

    Block until(int index) {
        return new Block(lines.subList(0, index), false);
    }

    String joinedCleaned() {
        StringBuilder out = new StringBuilder();
        for (LayoutLine l : lines) {
            String c = Markup.clean(l.text());
            if (!c.isEmpty()) {
                out.append(out.isEmpty() ? "" : " ").append(c);
            }
        }
        return out.toString();
    }

    String joinedRaw() {
        StringBuilder out = new StringBuilder();
        for (LayoutLine l : lines) {
            out.append(out.isEmpty() ? "" : " ").append(l.text().strip());
        }
        return out.toString();
    }

    /** Groups the layout's lines, skipping the ones marked as furniture (their indices in {@code furniture}). */
    static List<Block> group(Layout layout, boolean[] furniture) {
        List<Block> blocks = new ArrayList<>();
        List<LayoutLine> current = new ArrayList<>();
        float spacing = typicalSpacing(layout.lines());
        float bodySize = typicalSize(layout.lines());
        LayoutLine previous = null;
        for (int i = 0; i < layout.lines().size(); i++) {
            LayoutLine line = layout.lines().get(i);
            if (furniture[i]) {
                continue;
            }
            if (line.text().isBlank()) {
                flush(blocks, current);
            } else if (Markup.isRule(line.text())) {
                flush(blocks, current);
                blocks.add(new Block(List.of(line), true));
            } else {
                if (previous != null && styleBreak(previous, line, spacing, bodySize)) {
                    flush(blocks, current);
                }
                current.add(line);
            }
            previous = line.text().isBlank() ? null : line;
        }
        flush(blocks, current);
        return blocks;
    }

    private static void flush(List<Block> blocks, List<LayoutLine> current) {
        if (!current.isEmpty()) {
            blocks.add(new Block(current, false));
            current.clear();
        }
    }

    /**
     * Whether a new block starts at {@code line}: another font, or a gap wider than the usual baseline spacing,
     * scaled up for type larger than the body (a title in 24 pt set on 26 pt is one block).
     */
    private static boolean styleBreak(LayoutLine previous, LayoutLine line, float spacing, float bodySize) {
        TextStyle a = previous.style();
        TextStyle b = line.style();
        if (a == null || b == null) {
            return false;
        }
        if (Math.abs(a.fontSize() - b.fontSize()) > FONT_CHANGE || a.bold() != b.bold()) {
            return true;
        }
        if (a.page() != b.page() || a.column() != b.column()) {
            return false;
        }
        float gap = b.y() - a.y();
        float leading = bodySize > 0 ? spacing * Math.max(1, Math.min(a.fontSize(), b.fontSize()) / bodySize) : spacing;
        return spacing > 0 && (gap > leading * GAP_FACTOR || gap < 0);
    }

    /** The font size most lines have, 0 without styles. */
    private static float typicalSize(List<LayoutLine> lines) {
        java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
        for (LayoutLine l : lines) {
            if (l.style() != null && l.style().fontSize() > 0) {
                counts.merge(Math.round(l.style().fontSize() * 2), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .max(java.util.Map.Entry.comparingByValue())
                .map(e -> e.getKey() / 2f)
                .orElse(0f);
    }

    /** The most common distance between consecutive baselines of one column, 0 without styles. */
    private static float typicalSpacing(List<LayoutLine> lines) {
        int[] histogram = new int[64];
        for (int i = 1; i < lines.size(); i++) {
            TextStyle a = lines.get(i - 1).style();
            TextStyle b = lines.get(i).style();
            if (a == null || b == null || a.page() != b.page() || a.column() != b.column()) {
                continue;
            }
            int gap = Math.round(b.y() - a.y());
            if (gap > 0 && gap < histogram.length) {
                histogram[gap]++;
            }
        }
        int best = 0;
        for (int g = 1; g < histogram.length; g++) {
            if (histogram[g] > histogram[best]) {
                best = g;
            }
        }
        return best;
    }
}
