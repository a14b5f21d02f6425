package com.refractoryatlas.importer.parse;

import com.refractoryatlas.importer.parse.layout.Layout;

/**
 * The staged text pipeline behind {@link DocumentParser}: {@link TextReader} (text → {@link Layout}), then for any
 * layout — a text's plain lines or a PDF reader's styled ones — {@link ZoneSegmenter} (layout → {@link Zones}),
 * {@link ReferenceLabeller} with the normalisers ({@link AuthorNames}, {@link Dois}, {@link Pages}, {@link Editorial}
 * dates, {@link JournalNames}), and {@link ArticleAssembler} (zones → {@link ParsedDocument}, citations linked).
 * Knowledge extraction is not a stage of parsing: it runs on the parsed body afterwards ({@link DocumentBody}).
 */
public final class TextPipeline {

    private TextPipeline() {}

    /** Parses a layout from any reader. Total: any layout gives a document, never an exception. */
    public static ParsedDocument parse(String source, Layout layout, ParserSettings settings) {
        IssueLog log = new IssueLog(settings.maxIssuesPerCode());
        return new ArticleAssembler(source, settings, log).assemble(ZoneSegmenter.segment(normalised(layout)));
    }

    /** The zones a layout is segmented into, for tests and the debug view. */
    static Zones zones(Layout layout) {
        return ZoneSegmenter.segment(normalised(layout));
    }

    /** The layout-to-layout repairs every reader's lines go through before segmentation. */
    private static Layout normalised(Layout layout) {
        return LineEndHyphens.joined(LigatureLetters.repaired(SmallCapitals.joined(CoverPages.removed(layout))));
    }

    /** Guards and reads decoded text, then parses it. */
    static ParsedDocument parseText(String source, String text, ParserSettings settings) {
        IssueLog log = new IssueLog(settings.maxIssuesPerCode());
        long size = InputGuard.utf8Length(text, settings.maxBytes());
        if (size > settings.maxBytes()) {
            return tooLarge(source, size, settings, log);
        }
        if (!InputGuard.acceptable(text, log)) {
            return new Unrecognized(source, log.toList());
        }
        Layout layout = normalised(TextReader.read(text));
        return new ArticleAssembler(source, settings, log).assemble(ZoneSegmenter.segment(layout));
    }

    /** Decodes strictly as UTF-8 (a malformed sequence is {@link ParseIssue.Code#INVALID_UTF8}), then parses. */
    static ParsedDocument parseBytes(String source, byte[] bytes, ParserSettings settings) {
        IssueLog log = new IssueLog(settings.maxIssuesPerCode());
        if (bytes.length > settings.maxBytes()) {
            return tooLarge(source, bytes.length, settings, log);
        }
        String text = InputGuard.decode(bytes, log);
        return text == null ? new Unrecognized(source, log.toList()) : parseText(source, text, settings);
    }

    private static ParsedDocument tooLarge(String source, long size, ParserSettings settings, IssueLog log) {
        log.error(
                ParseIssue.Code.TOO_LARGE,
                "the document has " + (size > settings.maxBytes() ? "more than " + settings.maxBytes() : size)
                        + " bytes; the limit is " + settings.maxBytes(),
                null);
        return new Unrecognized(source, log.toList());
    }
}
