package com.refractoryatlas.importer.parse;

import com.refractoryatlas.importer.parse.bibliography.BibliographyReader;
import com.refractoryatlas.importer.parse.format.DocumentFormat;
import com.refractoryatlas.importer.parse.format.FormatDetector;
import com.refractoryatlas.importer.parse.format.TextEncoding;
import com.refractoryatlas.importer.parse.jats.JatsReader;
import com.refractoryatlas.importer.parse.layout.Layout;
import com.refractoryatlas.importer.parse.pdf.PdfReader;
import com.refractoryatlas.importer.parse.pdf.PdfReading;
import com.refractoryatlas.importer.parse.pdf.PdfSettings;
import java.util.ArrayList;
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
    private final JatsReader jats;
    private final BibliographyReader bibliography;
    private final PdfReader pdf;

    /** A parser with default limits. */
    public DocumentParser() {
        this(ParserSettings.defaults());
    }

    public DocumentParser(ParserSettings settings) {
        this(settings, PdfSettings.defaults());
    }

    public DocumentParser(ParserSettings settings, PdfSettings pdfSettings) {
        this.settings = settings;
        this.jats = new JatsReader(settings);
        this.bibliography = new BibliographyReader(settings);
        this.pdf = new PdfReader(pdfSettings);
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
            case TEXT, BIBTEX, RIS, ENDNOTE, MEDLINE, CSL_JSON -> parseText(source, bytes, format);
            case JATS_XML -> jats.read(source, bytes);
            case PUBMED_XML, ENDNOTE_XML -> bibliography.read(source, bytes, format);
            case PDF -> parsePdf(source, bytes);
        };
    }

    /**
     * A text format, in UTF-8 once {@link TextEncoding} has found another encoding the file states (a byte-order
     * mark, UTF-16's zero bytes, BibTeX's {@code % Encoding:} line). XML is left to the XML parser, which reads its
     * own declaration and marks.
     */
    private ParsedDocument parseText(String source, byte[] bytes, DocumentFormat format) {
        var encoding = TextEncoding.of(bytes);
        byte[] utf8 = encoding.plainUtf8() ? bytes : encoding.toUtf8(bytes);
        if (utf8 == null) {
            return new Unrecognized(
                    source,
                    List.of(ParseIssue.error(
                            ParseIssue.Code.INVALID_ENCODING,
                            "not valid " + encoding.charset().name() + ", the encoding " + encoding.declared()
                                    + " gives: save the file as UTF-8",
                            null)));
        }
        return format == DocumentFormat.TEXT ? parse(source, utf8) : bibliography.read(source, utf8, format);
    }

    /** The PDF's layout enters the text pipeline with its styles; what the reader skipped joins the issues. */
    private ParsedDocument parsePdf(String source, byte[] bytes) {
        return switch (pdf.read(bytes)) {
            case PdfReading.Read read -> withIssues(parse(source, read.layout()), read.warnings());
            case PdfReading.Failed failed -> new Unrecognized(source, List.of(failed.issue()));
        };
    }

    private static ParsedDocument withIssues(ParsedDocument document, List<ParseIssue> first) {
        if (first.isEmpty()) {
            return document;
        }
        List<ParseIssue> issues = new ArrayList<>(first);
        issues.addAll(document.issues());
        return switch (document) {
            case JournalArticle a ->
                new JournalArticle(a.source(), a.metadata(), a.sections(), a.references(), a.citations(), issues);
            case ExplainerPage p -> new ExplainerPage(p.source(), p.title(), p.sections(), p.navigationLinks(), issues);
            case ReferenceList l -> new ReferenceList(l.source(), l.title(), l.format(), l.references(), issues);
            case Unrecognized u -> new Unrecognized(u.source(), issues);
        };
    }

    /** The settings in force. */
    public ParserSettings settings() {
        return settings;
    }

    static List<ParseIssue> none() {
        return List.of();
    }
}
