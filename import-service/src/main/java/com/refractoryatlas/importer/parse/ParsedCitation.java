package com.refractoryatlas.importer.parse;

import java.util.List;

/**
 * The places an article cites one reference.
 *
 * @param number the reference number
 * @param contexts the sentences carrying a marker for it, in document order, without duplicates
 */
public record ParsedCitation(int number, List<String> contexts) {

    public ParsedCitation {
        contexts = List.copyOf(contexts);
    }
}
