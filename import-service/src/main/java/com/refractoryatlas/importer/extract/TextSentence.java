package com.refractoryatlas.importer.extract;

import java.util.List;

/**
 * One sentence handed to the extractor by the parser.
 *
 * @param text the sentence as printed (emphasis removed), citation markers included
 * @param citations the reference numbers its {@code [n]} markers cite, in order
 * @param line 1-based source line where it starts
 */
public record TextSentence(String text, List<Integer> citations, int line) {

    public TextSentence {
        citations = List.copyOf(citations);
    }
}
