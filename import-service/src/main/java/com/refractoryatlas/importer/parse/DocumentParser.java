package com.refractoryatlas.importer.parse;

import com.refractoryatlas.importer.parse.format.DocumentFormat;
import com.refractoryatlas.importer.parse.format.FormatDetector;
import com.refractoryatlas.importer.parse.layout.Layout;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The one entry point of the parser: text (or bytes) and a source name in, a {@link ParsedDocument} out. Plain
 * Java, no Spring and no I/O, thread-safe, and total: any input gives a result (an {@link Unrecognized} with typed
 * reasons when nothing usable could be read), never an exception, in time linear in the input size. Text goes
 * through the staged {@link TextPipeline}; a reader that builds a {@link Layout} (PDF) enters at
 * {@link #parse(String, Layout)}. Parsing never extracts knowledge: callers run the extractor on
 * {@link DocumentBody#of(ParsedDocument)}.
 */
public final class DocumentParser {

    private final ParserSettings settings;

    /** A parser with default limits. */
    public DocumentParser() {
        this(ParserSettings.defaults());
    }

    public DocumentParser(ParserSettings settings) {
        this.settings = settings;
    }

    /** Parses text that is already decoded. */
    public ParsedDocument parse(String source, String text) {
        return TextPipeline.parseText(source, text, settings);
    }

    /** Decodes strictly as UTF-8 (a malformed sequence is {@link ParseIssue.Code#INVALID_UTF8}), then parses. */
    public ParsedDocument parse(String source, byte[] bytes) {
        return TextPipeline.parseBytes(source, bytes, settings);
    }

    /** Parses a layout a format reader built (lines in reading order, with style when the format has it). */
    public ParsedDocument parse(String source, Layout layout) {
        return TextPipeline.parse(source, layout, settings);
    }

    /**
     * Parses a document in any supported format, found from its content ({@link FormatDetector}); the media type
     * and the source name only break ties. Each format's reader plugs in here.
     */
    public ParsedDocument parse(String source, byte[] bytes, @Nullable String mediaType) {
        DocumentFormat format = FormatDetector.detect(bytes, mediaType, source);
        return switch (format) {
            case TEXT -> parse(source, bytes);
            case PDF, JATS_XML, PUBMED_XML, ENDNOTE_XML, BIBTEX, RIS, CSL_JSON -> notReadYet(source, format);
        };
    }

    private static ParsedDocument notReadYet(String source, DocumentFormat format) {
        return new Unrecognized(
                source,
                List.of(ParseIssue.error(
                        ParseIssue.Code.UNRECOGNIZED_LAYOUT, "documents in format " + format + " are not read", null)));
    }

    /** The settings in force. */
    public ParserSettings settings() {
        return settings;
    }

    static List<ParseIssue> none() {
        return List.of();
    }
}
