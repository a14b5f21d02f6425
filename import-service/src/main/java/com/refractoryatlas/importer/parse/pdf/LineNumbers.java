package com.refractoryatlas.importer.parse.pdf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Removes a page's printed line numbers: the margin or gutter numbering of manuscripts (accepted manuscripts,
 * preprints, review copies: "5, 10, 15, ..." beside every fifth line, or every line numbered). Such a number is a
 * word of digits standing apart from the text of its row; a column of them, aligned, rising down the page at a
 * steady rate of numbers per point, is line numbering. A column of reference labels rises at the rate of its entries'
 * lengths, which vary, and a page number stands alone; neither is removed. Left in, the numbers glue onto the lines
 * beside them ("Notes and references5") and break the headings and entries there.
 */
final class LineNumbers {

    /** A number stands apart when the text beside it in its row is at least this many font sizes away. */
    private static final float APART = 0.5f;
    /** Glyphs further apart than this share of the font size are two words. */
    private static final float WORD_GAP = 0.25f;
    /** Numbers whose edges lie this close, in points, are one aligned column. */
    private static final float ALIGNED = 3f;
    /** A page's numbering has at least this many numbers. */
    private static final int MIN_NUMBERS = 6;
    /** Steps between neighbouring numbers within this share of the median rate count as steady. */
    private static final double STEADY = 0.15;
    /** This share of the steps at least must be steady. */
    private static final double STEADY_SHARE = 0.7;

    private static final int MAX_DIGITS = 5;
    /** Numbering counts about one per line: reference labels beside entries of several lines count fewer. */
    private static final double MIN_PER_LINE = 0.7;

    private static final double MAX_PER_LINE = 1.4;
    /**
     * Steady columns measured against the text beside them per page and edge: numbering has one or two (margin,
     * gutter).
     */
    private static final int MAX_MEASURED = 4;

    /** How far from the column, in points, the text whose line spacing it is measured against lies. */
    private static final float BESIDE = 150;

    private LineNumbers() {}

    /** A word of digits standing apart in its row. */
    private record Number(List<Glyph> glyphs, long value, float x, float endX, float baseline) {}

    /** The page's glyphs without its line numbers (the same list when it has none). */
    static List<Glyph> remove(List<Glyph> glyphs) {
        List<Number> numbers = new ArrayList<>();
        for (Row row : Row.of(glyphs)) {
            collect(row, numbers);
        }
        if (numbers.size() < MIN_NUMBERS) {
            return glyphs;
        }
        Set<Glyph> drop = new HashSet<>();
        mark(glyphs, numbers, Number::x, drop);
        mark(glyphs, numbers, Number::endX, drop);
        if (drop.isEmpty()) {
            return glyphs;
        }
        List<Glyph> kept = new ArrayList<>(glyphs.size() - drop.size());
        for (Glyph g : glyphs) {
            if (!drop.contains(g)) {
                kept.add(g);
            }
        }
        return kept;
    }

    /** The row's words of digits that stand apart from their neighbours. */
    private static void collect(Row row, List<Number> out) {
        List<List<Glyph>> words = new ArrayList<>();
        Glyph previous = null;
        boolean spaced = false;
        for (Glyph g : row.glyphs()) {
            if (g.space()) {
                spaced = true;
                continue;
            }
            if (previous == null || spaced || g.x() - previous.endX() > WORD_GAP * g.size()) {
                words.add(new ArrayList<>());
            }
            words.get(words.size() - 1).add(g);
            previous = g;
            spaced = false;
        }
        for (int i = 0; i < words.size(); i++) {
            List<Glyph> word = words.get(i);
            long value = digits(word);
            if (value < 0) {
                continue;
            }
            Glyph first = word.get(0);
            Glyph last = word.get(word.size() - 1);
            float apart = APART * first.size();
            boolean leftApart = i == 0 || first.x() - lastOf(words.get(i - 1)).endX() >= apart;
            boolean rightApart =
                    i == words.size() - 1 || words.get(i + 1).get(0).x() - last.endX() >= apart;
            if (leftApart && rightApart) {
                out.add(new Number(word, value, first.x(), last.endX(), row.baseline()));
            }
        }
    }

    private static Glyph lastOf(List<Glyph> word) {
        return word.get(word.size() - 1);
    }

    /** The word's value when it is only digits (at most {@link #MAX_DIGITS}), else -1. */
    private static long digits(List<Glyph> word) {
        StringBuilder s = new StringBuilder();
        for (Glyph g : word) {
            s.append(g.text());
        }
        if (s.isEmpty() || s.length() > MAX_DIGITS) {
            return -1;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(s.toString());
    }

    /**
     * Marks the glyphs of each aligned column (by the given edge) that numbers the page's lines: it rises down the
     * page at a steady rate of about one number per line (whether every line or every fifth is numbered).
     */
    private static void mark(List<Glyph> glyphs, List<Number> numbers, ToDoubleFunction<Number> edge, Set<Glyph> drop) {
        List<Number> sorted = new ArrayList<>(numbers);
        sorted.sort(Comparator.comparingDouble(edge));
        int start = 0;
        int measured = 0;
        while (start < sorted.size()) {
            int end = start + 1;
            while (end < sorted.size()
                    && edge.applyAsDouble(sorted.get(end)) - edge.applyAsDouble(sorted.get(end - 1)) <= ALIGNED) {
                end++;
            }
            List<Number> column = new ArrayList<>(sorted.subList(start, end));
            double rate = column.size() >= MIN_NUMBERS && measured < MAX_MEASURED ? steadyRate(column) : 0;
            if (rate > 0) {
                measured++; // each measure reads the page's glyphs: a page of digit columns is read a few times only
                double perLine = rate * leading(glyphs, column);
                if (perLine >= MIN_PER_LINE && perLine <= MAX_PER_LINE) {
                    column.forEach(n -> drop.addAll(n.glyphs()));
                }
            }
            start = end;
        }
    }

    /**
     * The usual distance from one line's baseline to the next in the text beside the column (within {@link #BESIDE}
     * points on either side; the greater of the two): beside a margin that is one column's lines, not two columns'
     * offset rows interleaved.
     */
    private static double leading(List<Glyph> glyphs, List<Number> column) {
        float left = Float.MAX_VALUE;
        float right = -Float.MAX_VALUE;
        Set<Glyph> own = new HashSet<>();
        for (Number n : column) {
            left = Math.min(left, n.x());
            right = Math.max(right, n.endX());
            own.addAll(n.glyphs());
        }
        List<Glyph> before = new ArrayList<>();
        List<Glyph> after = new ArrayList<>();
        for (Glyph g : glyphs) {
            if (g.space() || own.contains(g)) {
                continue;
            }
            if (g.endX() <= left && g.x() >= left - BESIDE) {
                before.add(g);
            } else if (g.x() >= right && g.endX() <= right + BESIDE) {
                after.add(g);
            }
        }
        return Math.max(rowDistance(before), rowDistance(after));
    }

    private static double rowDistance(List<Glyph> glyphs) {
        List<Row> rows = Row.of(glyphs);
        double[] distances = new double[Math.max(rows.size() - 1, 0)];
        for (int i = 1; i < rows.size(); i++) {
            distances[i - 1] = rows.get(i).baseline() - rows.get(i - 1).baseline();
        }
        return median(distances);
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double[] ordered = values.clone();
        Arrays.sort(ordered);
        return ordered[ordered.length / 2];
    }

    /**
     * The rate (numbers per point) at which an aligned column of numbers rises down the page when it rises steadily,
     * else 0.
     */
    private static double steadyRate(List<Number> column) {
        column.sort(Comparator.comparingDouble(Number::baseline));
        double[] rates = new double[column.size() - 1];
        for (int i = 1; i < column.size(); i++) {
            long step = column.get(i).value() - column.get(i - 1).value();
            float distance = column.get(i).baseline() - column.get(i - 1).baseline();
            if (step <= 0 || distance <= 0) {
                return 0;
            }
            rates[i - 1] = step / (double) distance;
        }
        double median = median(rates);
        int steady = 0;
        for (double rate : rates) {
            if (Math.abs(rate - median) <= STEADY * median) {
                steady++;
            }
        }
        return steady >= STEADY_SHARE * rates.length ? median : 0;
    }
}
