package com.refractoryatlas.importer.parse.pdf;

import com.refractoryatlas.importer.parse.layout.Accents;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;

/**
 * Runs PDFBox's content-stream engine over the pages and keeps every glyph with its position, size and face,
 * handing each page's glyphs to a {@link PageSink}. It overrides {@link #processTextPosition} so none of
 * {@code PDFTextStripper}'s own line building runs: that code sorts text positions by position (which interleaves
 * columns) and its duplicate-overlap check is quadratic in the glyphs of one page.
 *
 * <p>Counts glyphs and operators against the document's budget and stops with {@link BudgetExceeded} past it; a
 * page whose content stream or font is broken is skipped and reported, the others are still read.
 */
final class GlyphCollector extends PDFTextStripper {

    /** Receives one page's glyphs in content-stream order. */
    interface PageSink {
        void page(int number, float width, float height, List<Glyph> glyphs);
    }

    /** The document needs more work than its budget allows. */
    static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded(String message) {
            super(message, null, false, false);
        }
    }

    private static final float SKEW_TOLERANCE = 0.02f;
    private static final float OFF_PAGE_MARGIN = 2;
    private static final int COUNT_BUFFER = 64 * 1024;

    private final PdfSettings settings;
    private final PageSink sink;
    private final Map<PDFont, FontFace> faces = new IdentityHashMap<>();
    private final List<Glyph> page = new ArrayList<>();
    private final List<Integer> unreadablePages = new ArrayList<>();
    private long glyphs;
    private long operators;
    private long contentBytes;
    private long unmapped;
    private long rotated;
    private float pageWidth;
    private float pageHeight;

    GlyphCollector(PdfSettings settings, PageSink sink) {
        this.settings = settings;
        this.sink = sink;
        setSortByPosition(false);
        setSuppressDuplicateOverlappingText(false);
        setShouldSeparateByBeads(false);
    }

    /** Reads the document's first {@code maxPages} pages. */
    void collect(PDDocument document, int maxPages) throws IOException {
        setStartPage(1);
        setEndPage(maxPages);
        writeText(document, Writer.nullWriter());
    }

    /** Pages skipped because PDFBox could not run their content. */
    List<Integer> unreadablePages() {
        return List.copyOf(unreadablePages);
    }

    /** Glyphs kept, over all pages. */
    long glyphs() {
        return glyphs;
    }

    /** Glyphs whose font gave no usable Unicode (replacement characters, control codes, private use). */
    long unmapped() {
        return unmapped;
    }

    /** Glyphs dropped because they were drawn rotated or skewed (margin stamps, watermarks, axis labels). */
    long rotated() {
        return rotated;
    }

    @Override
    public void processPage(PDPage pdPage) throws IOException {
        page.clear();
        PDRectangle box = pdPage.getCropBox();
        pageWidth = box.getWidth();
        pageHeight = box.getHeight();
        try {
            account(pdPage.getContents());
            Standard14Widths.supply(pdPage.getResources());
            super.processPage(pdPage);
        } catch (IOException | RuntimeException e) {
            if (e instanceof BudgetExceeded) {
                throw e;
            }
            unreadablePages.add(getCurrentPageNo());
            page.clear();
        }
    }

    @Override
    protected void endPage(PDPage pdPage) {
        sink.page(getCurrentPageNo(), pageWidth, pageHeight, List.copyOf(page));
        page.clear();
    }

    @Override
    public void showForm(PDFormXObject form) throws IOException {
        account(form.getContents());
        Standard14Widths.supply(form.getResources());
        super.showForm(form);
    }

    /**
     * Decodes a content stream once more, only counting its bytes against the budget, before the engine parses
     * it: the parser skips whitespace without running an operator, so a flate bomb of spaces would otherwise cost
     * unbounded time. Text pages' streams decode in well under a millisecond, so the cost is small.
     */
    private void account(InputStream content) throws IOException {
        byte[] buffer = new byte[COUNT_BUFFER];
        try (InputStream in = content) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                contentBytes += read;
                if (contentBytes > settings.maxContentBytes()) {
                    throw new BudgetExceeded(
                            "the PDF's content streams decode to more than " + settings.maxContentBytes() + " bytes");
                }
            }
        }
    }

    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
        if (++operators > settings.maxOperators()) {
            throw new BudgetExceeded("the PDF runs more than " + settings.maxOperators() + " drawing operators");
        }
        super.processOperator(operator, operands);
    }

    @Override
    protected void processTextPosition(TextPosition position) {
        if (++glyphs > settings.maxGlyphs()) {
            throw new BudgetExceeded("the PDF draws more than " + settings.maxGlyphs() + " glyphs");
        }
        String text = position.getUnicode();
        if (text == null || text.isEmpty()) {
            return;
        }
        if (!upright(position)) {
            rotated++;
            return;
        }
        float x = position.getXDirAdj();
        float y = position.getYDirAdj();
        if (x < -OFF_PAGE_MARGIN
                || y < -OFF_PAGE_MARGIN
                || x > pageWidth + OFF_PAGE_MARGIN
                || y > pageHeight + OFF_PAGE_MARGIN) {
            return;
        }
        String normalized = Characters.normalizeGlyph(text);
        if (normalized.isEmpty()) {
            return;
        }
        boolean space = normalized.isBlank();
        if (!space && Characters.unmapped(normalized)) {
            unmapped++;
            return;
        }
        FontFace face = faces.computeIfAbsent(position.getFont(), FontFace::of);
        page.add(new Glyph(
                normalized,
                x,
                y,
                Math.max(0, position.getWidthDirAdj()),
                size(position),
                position.getWidthOfSpace(),
                face,
                space,
                !space && diacritic(position, normalized)));
    }

    /**
     * Upright text only: glyphs drawn at a quarter turn or at an angle to the page are margin stamps ("Downloaded
     * from ..."), watermarks and figure labels, never body text. A page whose whole text is turned (a landscape
     * table page) is drawn with the page's /Rotate and stays upright here.
     */
    private static boolean upright(TextPosition position) {
        Matrix m = position.getTextMatrix();
        float a = m.getScaleX();
        float b = m.getShearY();
        float c = m.getShearX();
        float d = m.getScaleY();
        float scale = Math.max(Math.abs(a), Math.abs(d));
        if (scale == 0) {
            return false;
        }
        return a > 0 && d > 0 && Math.abs(b) <= SKEW_TOLERANCE * scale && Math.abs(c) <= SKEW_TOLERANCE * scale;
    }

    private static boolean diacritic(TextPosition position, String text) {
        return position.isDiacritic() || (text.length() == 1 && Accents.combining(text.charAt(0)) != 0);
    }

    private static float size(TextPosition position) {
        float size = Math.abs(position.getYScale());
        if (size > 0) {
            return size;
        }
        size = position.getFontSizeInPt();
        return size > 0 ? size : Math.max(1, position.getHeightDir());
    }
}
