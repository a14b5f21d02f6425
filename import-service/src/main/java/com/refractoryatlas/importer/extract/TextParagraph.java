package com.refractoryatlas.importer.extract;

import java.util.List;

/**
 * One paragraph of a document body, split into sentences by the parser; pairings found in a sentence without
 * citation markers fall back on the paragraph's markers.
 *
 * @param heading the heading of the section it belongs to
 */
public record TextParagraph(String heading, List<TextSentence> sentences) {

    public TextParagraph {
        sentences = List.copyOf(sentences);
    }
}
