package com.refractoryatlas.importer.parse.pdf;

import com.refractoryatlas.importer.parse.ParseIssue;
import com.refractoryatlas.importer.parse.layout.Layout;
import com.refractoryatlas.importer.parse.layout.LayoutLine;
import com.refractoryatlas.importer.parse.layout.TextStyle;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Reads a PDF's text layer into a {@link Layout}: lines in reading order, with page, position, font size and
 * weight, so the segmenter can find the title (the largest type on page 1) and headings (bold or larger than the
 * body). Plain Java on bytes (no files), thread-safe, and total: any input gives a {@link PdfReading}, never an
 * exception, with work bounded by {@link PdfSettings} (bytes, pages, decoded-stream memory, glyphs, operators).
 * Pages are never rendered and images never decoded, so the cost is linear in the pages' content streams.
 *
 * <p>What the layout holds:
 *
 * <ul>
 *   <li>reading order rebuilt per page: columns found from the page's x-histogram of text ({@link Gutters}), read
 *       one after the other, with full-width blocks (title, abstract, wide tables and captions) in their place
 *       ({@link PageLayout});
 *   <li>page furniture removed: running headers and footers, page numbers, "et al." headers, download and licence
 *       stamps ({@link Furniture}); text drawn rotated or skewed (margin stamps, watermarks) is dropped;
 *   <li>characters normalized: ligatures (ﬁ ﬂ ﬀ ﬃ ﬄ) expanded, NBSP, thin and other spaces made plain spaces,
 *       zero-width characters dropped, accents drawn apart merged into their letters;
 *   <li>line-end hyphenation <em>kept</em>: a word broken at a line end keeps its {@code -} (a soft hyphen there
 *       becomes one), because only the text stage can tell {@code meta-} + {@code analysis} from {@code anti-} +
 *       {@code TNF}, and it joins hyphenation for text and PDF input alike;
 *   <li>an empty line (no style) before each block: a new column, band or page, or a vertical gap wider than a
 *       line, as pdftotext prints them.
 * </ul>
 */
public final class PdfReader {

    private final PdfSettings settings;

    public PdfReader(PdfSettings settings) {
        this.settings = settings;
    }

    /** Reads {@code bytes} as a PDF. */
    public PdfReading read(byte[] bytes) {
        if (bytes.length > settings.maxBytes()) {
            return failed(
                    ParseIssue.Code.TOO_LARGE,
                    "the PDF has " + bytes.length + " bytes; the limit is " + settings.maxBytes());
        }
        try (PDDocument document = Loader.loadPDF(bytes, "", null, null, streamCache())) {
            return read(document);
        } catch (InvalidPasswordException e) {
            return failed(ParseIssue.Code.PDF_ENCRYPTED, "the PDF is encrypted with a password");
        } catch (GlyphCollector.BudgetExceeded e) {
            return failed(ParseIssue.Code.PDF_TOO_COMPLEX, e.getMessage());
        } catch (IOException e) {
            return ioFailure(e);
        } catch (RuntimeException | StackOverflowError e) {
            return failed(ParseIssue.Code.PDF_UNREADABLE, "the PDF could not be read: " + describe(e));
        }
    }

    private org.apache.pdfbox.io.RandomAccessStreamCache.StreamCacheCreateFunction streamCache() {
        return MemoryUsageSetting.setupMainMemoryOnly(settings.maxStreamMemoryBytes()).streamCache;
    }

    private PdfReading read(PDDocument document) throws IOException {
        int pages = document.getNumberOfPages();
        List<ParseIssue> warnings = new ArrayList<>();
        if (pages > settings.maxPages()) {
            warnings.add(warning(
                    ParseIssue.Code.PDF_PAGES_TRUNCATED,
                    "the PDF has " + pages + " pages; only the first " + settings.maxPages() + " were read"));
        }
        List<List<PageLine>> lines = new ArrayList<>();
        Map<Integer, Float> heights = new HashMap<>();
        GlyphCollector collector = new GlyphCollector(settings, (number, width, height, glyphs) -> {
            heights.put(number, height);
            lines.add(PageLayout.lines(number, glyphs));
        });
        collector.collect(document, Math.min(pages, settings.maxPages()));
        for (int page : collector.unreadablePages()) {
            warnings.add(warning(ParseIssue.Code.PDF_PAGE_UNREADABLE, "page " + page + " could not be read"));
        }
        Layout layout = layout(Furniture.remove(lines, heights), Math.min(pages, settings.maxPages()));
        if (!hasText(layout)) {
            return failed(ParseIssue.Code.PDF_NO_TEXT, noTextReason(collector));
        }
        if (Mojibake.likely(layout)) {
            return failed(
                    ParseIssue.Code.PDF_NO_TEXT,
                    "the PDF's fonts map glyphs to the wrong characters (no usable Unicode mapping); it needs OCR");
        }
        return new PdfReading.Read(layout, warnings);
    }

    private static String noTextReason(GlyphCollector collector) {
        if (collector.unmapped() > 0) {
            return "the PDF's fonts map its " + collector.unmapped() + " glyphs to no characters; it needs OCR";
        }
        return "the PDF has no text layer (a scan or images only); it needs OCR";
    }

    private static Layout layout(List<PageLine> lines, int pages) {
        List<LayoutLine> out = new ArrayList<>(lines.size() + lines.size() / 4);
        int page = 0;
        for (PageLine line : lines) {
            if (Mojibake.garbled(line.text())) {
                continue;
            }
            boolean separate = (line.blockStart() || line.page() != page) && !out.isEmpty();
            if (separate && !out.get(out.size() - 1).text().isEmpty()) {
                out.add(LayoutLine.plain(out.size() + 1, ""));
            }
            page = line.page();
            TextStyle style = new TextStyle(
                    line.page(),
                    line.x(),
                    line.y(),
                    line.width(),
                    line.size(),
                    line.bold(),
                    line.italic(),
                    line.column());
            out.add(new LayoutLine(out.size() + 1, line.text(), style));
        }
        return new Layout(out, pages);
    }

    private static boolean hasText(Layout layout) {
        for (LayoutLine line : layout.lines()) {
            for (int i = 0; i < line.text().length(); i++) {
                if (Character.isLetterOrDigit(line.text().charAt(i))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static PdfReading ioFailure(IOException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("maximum allowed") || message.contains("memory")) {
            return failed(ParseIssue.Code.PDF_TOO_COMPLEX, "the PDF's decoded streams need more memory than allowed");
        }
        if (message.contains("password") || message.contains("decrypt") || message.contains("encrypt")) {
            return failed(ParseIssue.Code.PDF_ENCRYPTED, "the PDF is encrypted and could not be decrypted");
        }
        return failed(ParseIssue.Code.PDF_UNREADABLE, "the PDF could not be read: " + describe(e));
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + truncate(message));
    }

    private static String truncate(String message) {
        int max = 200;
        return message.length() <= max ? message : message.substring(0, max) + "...";
    }

    private static PdfReading failed(ParseIssue.Code code, String message) {
        return new PdfReading.Failed(new ParseIssue(code, message, null, ParseIssue.Severity.ERROR));
    }

    private static ParseIssue warning(ParseIssue.Code code, String message) {
        return new ParseIssue(code, message, null, ParseIssue.Severity.WARNING);
    }
}
