package com.refractoryatlas.importer.parse.pdf;

import com.refractoryatlas.importer.parse.layout.Accents;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A line's text and style from its glyphs (left to right). PDFs rarely draw spaces, so word breaks come from the
 * gaps between glyphs: a gap wider than the line's usual letter gap plus {@value #WORD_GAP} of the font size is a
 * space. Measuring against the line's own median gap keeps letter-spaced headings ({@code R E F E R E N C E S}
 * drawn with tracking) in one word while normal text still breaks at its narrowest justified spaces.
 */
final class LineText {

    private static final float WORD_GAP = 0.12f;
    /**
     * ... or this share of the font's own space, for condensed faces whose spaces are narrower than that (when the
     * font reports a plausible space: below {@value #MAX_SPACE} of its size; PDFBox falls back to half an em).
     */
    private static final float SPACE_SHARE = 0.6f;
    /** Never below this share of the font size: kerning opens gaps of a few hundredths of an em inside words. */
    private static final float MIN_WORD_GAP = 0.07f;

    private static final float MAX_SPACE = 0.4f;
    /** A superscript is set at most this share of the text's size ... */
    private static final float SUPERSCRIPT_SIZE = 0.85f;
    /** ... with its baseline raised by at least this share of the text's size. */
    private static final float SUPERSCRIPT_RISE = 0.2f;
    /** An accent belongs to a letter whose box contains its centre, widened by this share of the letter. */
    private static final float ACCENT_REACH = 0.25f;

    private LineText() {}

    static PageLine of(int page, List<Glyph> glyphs, int column) {
        List<Glyph> ink = new ArrayList<>(glyphs.size());
        for (Glyph g : glyphs) {
            if (!g.space()) {
                ink.add(g);
            }
        }
        if (ink.isEmpty()) {
            return new PageLine(page, "", 0, 0, 0, 0, false, false, column, false);
        }
        String text = Characters.finishLine(text(glyphs, wordGap(ink)));
        return styled(page, text, ink, column);
    }

    /**
     * A superscript lower-case letter right after a word is an affiliation mark, not the word's last letter
     * (Elsevier's "Hammill^a" read "Hammilla"): it is set apart, where a byline's cue drops it. Superscript digits
     * stay where they are, as the citation linker reads them ("therapy12").
     */
    private static boolean letterMark(Glyph previous, Glyph g) {
        return g.text().length() == 1
                && Character.isLowerCase(g.text().charAt(0))
                && Character.isLetter(previous.text().charAt(previous.text().length() - 1))
                && g.size() < SUPERSCRIPT_SIZE * previous.size()
                && previous.y() - g.y() > SUPERSCRIPT_RISE * previous.size();
    }

    /** The smallest gap that is a word break on this line. */
    private static float wordGap(List<Glyph> ink) {
        float[] gaps = new float[Math.max(0, ink.size() - 1)];
        float[] spaces = new float[ink.size()];
        float size = 0;
        for (int i = 0; i < ink.size(); i++) {
            size = Math.max(size, ink.get(i).size());
            spaces[i] = ink.get(i).spaceWidth();
            if (i > 0) {
                gaps[i - 1] = Math.max(0, ink.get(i).x() - ink.get(i - 1).endX());
            }
        }
        float median = 0;
        if (gaps.length > 2) {
            Arrays.sort(gaps);
            median = gaps[gaps.length / 2];
        }
        Arrays.sort(spaces);
        float space = spaces[spaces.length / 2];
        float gap = space > 0 && space < MAX_SPACE * size
                ? Math.min(WORD_GAP * size, SPACE_SHARE * space)
                : WORD_GAP * size;
        return Math.min(median, size) + Math.max(MIN_WORD_GAP * size, gap);
    }

    private static CharSequence text(List<Glyph> glyphs, float wordGap) {
        String[] marks = new String[glyphs.size()];
        boolean[] merged = attachAccents(glyphs, marks);
        StringBuilder out = new StringBuilder(glyphs.size() + 8);
        Glyph previous = null;
        boolean pendingSpace = false;
        for (int i = 0; i < glyphs.size(); i++) {
            Glyph g = glyphs.get(i);
            if (g.space()) {
                pendingSpace = previous != null;
                continue;
            }
            if (merged[i]) {
                continue;
            }
            if (previous != null && (pendingSpace || g.x() - previous.endX() > wordGap || letterMark(previous, g))) {
                out.append(' ');
            }
            out.append(g.text());
            if (marks[i] != null) {
                out.append(marks[i]);
            }
            previous = g;
            pendingSpace = false;
        }
        return out;
    }

    /**
     * Accents drawn as glyphs of their own (TeX draws them before the letter, other tools after) become combining
     * marks after the letter whose box holds them; {@link Characters#finishLine} then composes the pair.
     */
    private static boolean[] attachAccents(List<Glyph> glyphs, String[] marks) {
        boolean[] merged = new boolean[glyphs.size()];
        for (int i = 0; i < glyphs.size(); i++) {
            Glyph accent = glyphs.get(i);
            char mark = accent.diacritic() && accent.text().length() == 1
                    ? Accents.combining(accent.text().charAt(0))
                    : 0;
            if (mark == 0) {
                continue;
            }
            int base = base(glyphs, i);
            if (base >= 0) {
                marks[base] = marks[base] == null ? String.valueOf(mark) : marks[base] + mark;
                merged[i] = true;
            }
        }
        return merged;
    }

    private static int base(List<Glyph> glyphs, int accent) {
        int before = accent - 1;
        if (before >= 0 && letter(glyphs.get(before)) && covers(glyphs.get(before), glyphs.get(accent))) {
            return before;
        }
        int after = accent + 1;
        if (after < glyphs.size() && letter(glyphs.get(after)) && covers(glyphs.get(after), glyphs.get(accent))) {
            return after;
        }
        return -1;
    }

    private static boolean letter(Glyph g) {
        return !g.space() && !g.diacritic() && Character.isLetter(g.text().charAt(0));
    }

    private static boolean covers(Glyph letter, Glyph accent) {
        float reach = ACCENT_REACH * letter.width();
        float centre = accent.centerX();
        return centre >= letter.x() - reach && centre <= letter.endX() + reach;
    }

    private static PageLine styled(int page, String text, List<Glyph> ink, int column) {
        int bold = 0;
        int italic = 0;
        float minX = Float.MAX_VALUE;
        float maxX = -Float.MAX_VALUE;
        float[] baselines = new float[ink.size()];
        float[] sizes = new float[ink.size()];
        for (int i = 0; i < ink.size(); i++) {
            Glyph g = ink.get(i);
            sizes[i] = Math.round(g.size() * 10) / 10f;
            bold += g.style().bold() ? 1 : 0;
            italic += g.style().italic() ? 1 : 0;
            minX = Math.min(minX, g.x());
            maxX = Math.max(maxX, g.endX());
            baselines[i] = g.y();
        }
        Arrays.sort(baselines);
        int half = ink.size() / 2;
        return new PageLine(
                page,
                text,
                minX,
                baselines[half],
                maxX - minX,
                mostCommon(sizes),
                bold > half,
                italic > half,
                column,
                false);
    }

    /** The value most glyphs have (the larger on a tie), so a few superscripts do not set a line's size. */
    private static float mostCommon(float[] values) {
        Arrays.sort(values);
        float best = values[0];
        int bestCount = 0;
        int count = 0;
        for (int i = 0; i < values.length; i++) {
            count = i > 0 && values[i] == values[i - 1] ? count + 1 : 1;
            if (count >= bestCount) {
                best = values[i];
                bestCount = count;
            }
        }
        return best;
    }
}
