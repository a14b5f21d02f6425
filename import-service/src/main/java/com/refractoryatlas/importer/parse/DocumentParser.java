package com.refractoryatlas.importer.parse;

import com.refractoryatlas.importer.extract.KnowledgeExtractor;
import com.refractoryatlas.importer.extract.Vocabulary;
import com.refractoryatlas.importer.parse.bibliography.BibliographyReader;
import com.refractoryatlas.importer.parse.format.DocumentFormat;
import com.refractoryatlas.importer.parse.format.FormatDetector;
import com.refractoryatlas.importer.parse.jats.JatsReader;
import com.refractoryatlas.importer.parse.pdf.PdfReader;
import com.refractoryatlas.importer.parse.pdf.PdfReading;
import com.refractoryatlas.importer.parse.pdf.PdfSettings;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The one entry point of the parser: text (or bytes) and a source name in, a {@link ParsedDocument} out. Plain
 * Java, no Spring and no I/O, thread-safe, and total: any input gives a result (an {@link Unrecognized} with typed
 * reasons when nothing usable could be read), never an exception, in time linear in the input size.
 */
public final class DocumentParser {

    private final ParserSettings settings;
    private final KnowledgeExtractor extractor;
    private final JatsReader jats;
    private final BibliographyReader bibliography;
    private final PdfReader pdfReader = new PdfReader(PdfSettings.defaults());

    /** A parser with default limits and the bundled vocabulary. */
    public DocumentParser() {
        this(ParserSettings.defaults(), Vocabulary.bundled());
    }

    public DocumentParser(ParserSettings settings, Vocabulary vocabulary) {
        this.settings = settings;
        this.extractor = new KnowledgeExtractor(vocabulary);
        this.jats = new JatsReader(settings, extractor);
        this.bibliography = new BibliographyReader(settings);
    }

    /** Parses text that is already decoded. */
    public ParsedDocument parse(String source, String text) {
        return new ParseRun(source, settings, extractor).parse(text);
    }

    /** Decodes strictly as UTF-8 (a malformed sequence is {@link ParseIssue.Code#INVALID_UTF8}), then parses. */
    public ParsedDocument parse(String source, byte[] bytes) {
        return new ParseRun(source, settings, extractor).parse(bytes);
    }

    /**
     * Parses a document in any supported format, found from its content ({@link FormatDetector}); the media type
     * and the source name only break ties. Each format's reader plugs in here.
     */
    public ParsedDocument parse(String source, byte[] bytes, @Nullable String mediaType) {
        DocumentFormat format = FormatDetector.detect(bytes, mediaType, source);
        return switch (format) {
            case TEXT -> parse(source, bytes);
            case JATS_XML -> jats.read(source, bytes);
            case PUBMED_XML, ENDNOTE_XML, BIBTEX, RIS, ENDNOTE, CSL_JSON -> bibliography.read(source, bytes, format);
            case PDF -> parsePdf(source, bytes);
        };
    }

    /** The PDF's layout goes on as text for now; the text pipeline will take the {@code Layout} itself. */
    private ParsedDocument parsePdf(String source, byte[] bytes) {
        return switch (pdfReader.read(bytes)) {
            case PdfReading.Read read -> parse(source, read.layout().text());
            case PdfReading.Failed failed -> new Unrecognized(source, List.of(failed.issue()));
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
