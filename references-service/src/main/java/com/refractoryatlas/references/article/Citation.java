package com.refractoryatlas.references.article;

import java.util.List;

/**
 * An article's numbered link {@code [number]} to a stored reference, with the sentences that cite it (empty for a
 * listed reference the text never cites).
 */
public record Citation(int number, String referenceId, List<String> contexts) {

    public Citation {
        contexts = List.copyOf(contexts);
    }
}
