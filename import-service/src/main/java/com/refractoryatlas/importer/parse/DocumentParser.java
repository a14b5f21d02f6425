package com.refractoryatlas.importer.parse;

import com.refractoryatlas.importer.extract.KnowledgeExtractor;
import com.refractoryatlas.importer.extract.Vocabulary;
import java.util.List;

/**
 * The one entry point of the parser: text (or bytes) and a source name in, a {@link ParsedDocument} out. Plain
 * Java, no Spring and no I/O, thread-safe, and total: any input gives a result (an {@link Unrecognized} with typed
 * reasons when nothing usable could be read), never an exception, in time linear in the input size.
 */
public final class DocumentParser {

    private final ParserSettings settings;
    private final KnowledgeExtractor extractor;

    /** A parser with default limits and the bundled vocabulary. */
    public DocumentParser() {
        this(ParserSettings.defaults(), Vocabulary.bundled());
    }

    public DocumentParser(ParserSettings settings, Vocabulary vocabulary) {
        this.settings = settings;
        this.extractor = new KnowledgeExtractor(vocabulary);
    }

    /** Parses text that is already decoded. */
    public ParsedDocument parse(String source, String text) {
        return new ParseRun(source, settings, extractor).parse(text);
    }

    /** Decodes strictly as UTF-8 (a malformed sequence is {@link ParseIssue.Code#INVALID_UTF8}), then parses. */
    public ParsedDocument parse(String source, byte[] bytes) {
        return new ParseRun(source, settings, extractor).parse(bytes);
    }

    /** The settings in force. */
    public ParserSettings settings() {
        return settings;
    }

    static List<ParseIssue> none() {
        return List.of();
    }
}
