package com.refractoryatlas.importer.extract;

import java.util.List;

/** The extractor's answer: the knowledge and notes about what it could not place. */
public record Extraction(Knowledge knowledge, List<ExtractionNote> notes) {

    public Extraction {
        notes = List.copyOf(notes);
    }
}
