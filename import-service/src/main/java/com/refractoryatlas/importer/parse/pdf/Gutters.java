package com.refractoryatlas.importer.parse.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Finds the gaps between a page's text columns from a histogram of how many text runs cover each x. Body text in
 * columns covers its column and leaves the gutter bare, so the histogram has a valley there; full-width lines
 * (title, abstract, a wide table) cross it and only make the valley shallower, which is why a valley counts by
 * its depth against the peaks on both sides, not by being empty. One-column text declines smoothly toward its
 * ragged right edge and has no valley. Linear in the page's glyphs plus the histogram's bins.
 */
final class Gutters {

    private static final float MIN_BIN = 2;
    private static final int MAX_BINS = 4096;
    /** Runs merge across gaps below this share of the font size: word spaces, not gutters. */
    private static final float RUN_GAP = 0.6f;
    /** A gutter lies inside the middle of the text area, away from indents and ragged edges. */
    private static final float EDGE_SHARE = 0.15f;
    /**
     * The valley must be this deep against the lower of its two side peaks, as a share of that peak less the
     * full-width runs (which cover peaks and valley alike: on a first page the title and abstract can outnumber
     * the few column lines below them) ...
     */
    private static final float DEPTH_SHARE = 0.35f;
    /** ... and at least this many runs deep. */
    private static final int MIN_DEPTH = 3;
    /** A run this wide, as a share of the text area, is full width. */
    private static final float FULL_WIDTH_SHARE = 0.7f;
    /**
     * Text on each side of a gutter must be this many font sizes wide (median run): a column of reference numbers,
     * line numbers or a narrow table column is not a text column.
     */
    private static final float MIN_COLUMN_EMS = 6;

    /** A run of glyphs with no word-space gap: where text covers the page. */
    private record Run(float start, float end, float size) {}

    private Gutters() {}

    /** Gutter positions (x of each valley's lowest point), left to right; empty for one-column pages. */
    static float[] find(List<Row> rows) {
        float minX = Float.MAX_VALUE;
        float maxX = -Float.MAX_VALUE;
        for (Row row : rows) {
            for (Glyph g : row.glyphs()) {
                if (!g.space()) {
                    minX = Math.min(minX, g.x());
                    maxX = Math.max(maxX, g.endX());
                }
            }
        }
        if (maxX - minX < 1) {
            return new float[0];
        }
        float bin = Math.max(MIN_BIN, (maxX - minX) / MAX_BINS);
        List<Run> runs = runs(rows);
        int[] coverage = coverage(runs, minX, bin, (int) ((maxX - minX) / bin) + 2);
        int fullWidth = 0;
        for (Run run : runs) {
            fullWidth += run.end() - run.start() >= FULL_WIDTH_SHARE * (maxX - minX) ? 1 : 0;
        }
        return wideColumns(valleys(coverage, fullWidth, minX, bin), rows);
    }

    private static List<Run> runs(List<Row> rows) {
        List<Run> runs = new ArrayList<>();
        for (Row row : rows) {
            float start = Float.NaN;
            float end = Float.NaN;
            float bridge = Float.NaN;
            for (Glyph g : row.glyphs()) {
                float limit = RUN_GAP * Math.max(row.size(), g.size());
                if (g.space()) {
                    bridge = !Float.isNaN(end) && g.x() - reach(end, bridge) <= limit
                            ? Math.max(reach(end, bridge), g.endX())
                            : bridge;
                    continue;
                }
                if (!Float.isNaN(end) && g.x() - reach(end, bridge) > limit) {
                    runs.add(new Run(start, end, row.size()));
                    start = Float.NaN;
                    end = Float.NaN;
                }
                start = Float.isNaN(start) ? g.x() : start;
                end = Float.isNaN(end) ? g.endX() : Math.max(end, g.endX());
                bridge = Float.NaN;
            }
            if (!Float.isNaN(start)) {
                runs.add(new Run(start, end, row.size()));
            }
        }
        return runs;
    }

    /**
     * How far a run reaches: its last glyph, or past it a space glyph the producer drew in the gap. Justified text
     * whose producer draws its spaces (LibreOffice, Word) opens word gaps wider than a run's usual break, and
     * their chance alignment over a few rows would otherwise make a valley inside a column; a gutter has no space
     * glyph in the middle of it (a line's trailing space sits at its end and bridges nothing).
     */
    private static float reach(float end, float bridge) {
        return Float.isNaN(bridge) ? end : Math.max(end, bridge);
    }

    private static int[] coverage(List<Run> runs, float minX, float bin, int bins) {
        int[] delta = new int[bins + 1];
        for (Run run : runs) {
            mark(delta, run.start(), run.end(), minX, bin);
        }
        int[] coverage = new int[bins];
        int running = 0;
        for (int b = 0; b < bins; b++) {
            running += delta[b];
            coverage[b] = running;
        }
        return coverage;
    }

    /**
     * Keeps the valleys with column-wide text on both sides, deepest first, each checked against the gutters kept
     * so far: a shallow valley beside a real gutter (between reference numbers and their entries) is judged with
     * the real gutter as its neighbour, not the other way round.
     */
    private static float[] wideColumns(List<Valley> valleys, List<Row> rows) {
        List<Valley> deepestFirst = new ArrayList<>(valleys);
        deepestFirst.sort((a, b) -> Integer.compare(b.depth(), a.depth()));
        TreeSet<Float> kept = new TreeSet<>();
        for (Valley valley : deepestFirst) {
            Float left = kept.lower(valley.x());
            Float right = kept.higher(valley.x());
            float from = left == null ? -Float.MAX_VALUE : left;
            float to = right == null ? Float.MAX_VALUE : right;
            if (wide(rows, from, valley.x()) && wide(rows, valley.x(), to)) {
                kept.add(valley.x());
            }
        }
        float[] out = new float[kept.size()];
        int i = 0;
        for (float x : kept) {
            out[i++] = x;
        }
        return out;
    }

    /**
     * Whether the rows' text between {@code from} and {@code to} (each row's stretch from its first to its last
     * glyph there, word spaces included) is mostly as wide as column text.
     */
    private static boolean wide(List<Row> rows, float from, float to) {
        List<Float> widths = new ArrayList<>();
        List<Float> sizes = new ArrayList<>();
        for (Row row : rows) {
            float start = Float.MAX_VALUE;
            float end = -Float.MAX_VALUE;
            for (Glyph g : row.glyphs()) {
                if (!g.space() && g.centerX() > from && g.centerX() < to) {
                    start = Math.min(start, g.x());
                    end = Math.max(end, g.endX());
                }
            }
            if (end > start) {
                widths.add(end - start);
                sizes.add(row.size());
            }
        }
        if (widths.size() < MIN_DEPTH) {
            return false;
        }
        widths.sort(null);
        sizes.sort(null);
        return widths.get(widths.size() / 2) >= MIN_COLUMN_EMS * sizes.get(sizes.size() / 2);
    }

    private static void mark(int[] delta, float start, float end, float minX, float bin) {
        int from = clamp((int) ((start - minX) / bin), delta.length - 2);
        int to = clamp((int) ((end - minX) / bin), delta.length - 2);
        delta[from]++;
        delta[to + 1]--;
    }

    private static int clamp(int b, int max) {
        return Math.max(0, Math.min(max, b));
    }

    /** A valley: where its lowest point is and how deep it is there. */
    private record Valley(float x, int depth) {}

    private static List<Valley> valleys(int[] coverage, int fullWidth, float minX, float bin) {
        int n = coverage.length;
        int[] leftMax = new int[n];
        int[] rightMax = new int[n];
        for (int b = 0; b < n; b++) {
            leftMax[b] = Math.max(coverage[b], b > 0 ? leftMax[b - 1] : 0);
        }
        for (int b = n - 1; b >= 0; b--) {
            rightMax[b] = Math.max(coverage[b], b < n - 1 ? rightMax[b + 1] : 0);
        }
        int from = (int) (n * EDGE_SHARE);
        int to = n - from;
        List<Valley> gutters = new ArrayList<>();
        int b = from;
        while (b < to) {
            if (!deep(coverage, leftMax, rightMax, fullWidth, b)) {
                b++;
                continue;
            }
            int runEnd = b;
            while (runEnd + 1 < to && deep(coverage, leftMax, rightMax, fullWidth, runEnd + 1)) {
                runEnd++;
            }
            float centre = lowestCenter(coverage, b, runEnd);
            int at = (int) centre;
            int depth = Math.min(leftMax[at], rightMax[at]) - coverage[at];
            gutters.add(new Valley(minX + bin * (centre + 0.5f), depth));
            b = runEnd + 1;
        }
        return gutters;
    }

    private static boolean deep(int[] coverage, int[] leftMax, int[] rightMax, int fullWidth, int b) {
        int peak = Math.min(leftMax[b], rightMax[b]);
        int depth = peak - coverage[b];
        return depth >= MIN_DEPTH && depth >= DEPTH_SHARE * Math.max(0, peak - fullWidth);
    }

    /** The middle of the widest stretch of the run's lowest coverage. */
    private static float lowestCenter(int[] coverage, int from, int to) {
        int lowest = Integer.MAX_VALUE;
        for (int b = from; b <= to; b++) {
            lowest = Math.min(lowest, coverage[b]);
        }
        int bestStart = from;
        int bestLength = 0;
        int start = -1;
        for (int b = from; b <= to + 1; b++) {
            boolean low = b <= to && coverage[b] == lowest;
            if (low && start < 0) {
                start = b;
            }
            if (!low && start >= 0) {
                if (b - start > bestLength) {
                    bestStart = start;
                    bestLength = b - start;
                }
                start = -1;
            }
        }
        return bestStart + bestLength / 2f;
    }
}
