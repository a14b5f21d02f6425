package com.refractoryatlas.importer.parse.pdf;

/**
 * Limits that keep reading one PDF bounded whatever the file holds: a hostile PDF can be small on the wire and
 * huge once decoded (a flate bomb), nest forms, or draw millions of glyphs on one page.
 *
 * @param maxBytes largest accepted file
 * @param maxPages pages read; the rest are skipped with a {@code PDF_PAGES_TRUNCATED} warning
 * @param maxStreamMemoryBytes memory PDFBox may use for decoded streams (its stream cache), beyond which the read
 *     fails with {@code PDF_TOO_COMPLEX}; main memory only, never temporary files
 * @param maxGlyphs glyphs drawn over the whole document, beyond which the read fails with {@code PDF_TOO_COMPLEX}
 * @param maxOperators content-stream operators run over the whole document (text, paths, forms), same failure
 * @param maxContentBytes decoded content-stream bytes over the whole document (pages and forms, each time drawn),
 *     same failure: a flate bomb of whitespace runs no operators but still costs time to parse
 */
public record PdfSettings(
        long maxBytes,
        int maxPages,
        long maxStreamMemoryBytes,
        long maxGlyphs,
        long maxOperators,
        long maxContentBytes) {

    /** 64 MB: article PDFs with figures are rarely over 20 MB. */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

    /** Long enough for a review with its supplement; a thesis or book is cut with a warning. */
    public static final int DEFAULT_MAX_PAGES = 300;

    private static final long DEFAULT_MAX_STREAM_MEMORY = 256L * 1024 * 1024;
    /** A dense page has 5,000 to 10,000 glyphs: this is 300 dense pages with room to spare. */
    private static final long DEFAULT_MAX_GLYPHS = 10_000_000L;

    /** A text page runs 10,000 to 50,000 operators; vector figures many more. */
    private static final long DEFAULT_MAX_OPERATORS = 50_000_000L;

    /** Content streams of text pages are 20 to 200 KB decoded; figures drawn as vectors can reach megabytes. */
    private static final long DEFAULT_MAX_CONTENT_BYTES = 512L * 1024 * 1024;

    public PdfSettings {
        if (maxBytes <= 0
                || maxPages <= 0
                || maxStreamMemoryBytes <= 0
                || maxGlyphs <= 0
                || maxOperators <= 0
                || maxContentBytes <= 0) {
            throw new IllegalArgumentException("PDF limits must be positive");
        }
    }

    public static PdfSettings defaults() {
        return new PdfSettings(
                DEFAULT_MAX_BYTES,
                DEFAULT_MAX_PAGES,
                DEFAULT_MAX_STREAM_MEMORY,
                DEFAULT_MAX_GLYPHS,
                DEFAULT_MAX_OPERATORS,
                DEFAULT_MAX_CONTENT_BYTES);
    }

    public PdfSettings withMaxPages(int pages) {
        return new PdfSettings(maxBytes, pages, maxStreamMemoryBytes, maxGlyphs, maxOperators, maxContentBytes);
    }

    public PdfSettings withMaxGlyphs(long glyphs) {
        return new PdfSettings(maxBytes, maxPages, maxStreamMemoryBytes, glyphs, maxOperators, maxContentBytes);
    }

    public PdfSettings withMaxStreamMemoryBytes(long bytes) {
        return new PdfSettings(maxBytes, maxPages, bytes, maxGlyphs, maxOperators, maxContentBytes);
    }

    public PdfSettings withMaxContentBytes(long bytes) {
        return new PdfSettings(maxBytes, maxPages, maxStreamMemoryBytes, maxGlyphs, maxOperators, bytes);
    }
}
