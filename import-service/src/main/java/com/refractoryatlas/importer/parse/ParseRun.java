package com.refractoryatlas.importer.parse;

import com.refractoryatlas.importer.extract.KnowledgeExtractor;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One parse of one document (not thread-safe; the facade creates one per call). */
final class ParseRun {

    private final String source;
    private final ParserSettings settings;
    private final KnowledgeExtractor extractor;

    ParseRun(String source, ParserSettings settings, KnowledgeExtractor extractor) {
        this.source = source;
        this.settings = settings;
        this.extractor = extractor;
    }

    ParsedDocument parse(byte[] bytes) {
        return parse(new String(bytes, StandardCharsets.UTF_8));
    }

    ParsedDocument parse(String text) {
        return new Unrecognized(
                source, List.of(ParseIssue.error(ParseIssue.Code.UNRECOGNIZED_LAYOUT, "not implemented yet", null)));
    }
}
