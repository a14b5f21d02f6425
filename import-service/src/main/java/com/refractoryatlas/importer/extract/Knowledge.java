package com.refractoryatlas.importer.extract;

import java.util.List;

/**
 * Everything extracted from one document, ready to become one catalog batch: every id a treatment or mechanism
 * names is present in {@link #conditions()} or {@link #therapies()}.
 *
 * @param vocabularyVersion version of the vocabulary data file used, so that a re-import with a newer vocabulary can
 *     be told apart
 */
public record Knowledge(
        List<Condition> conditions,
        List<Therapy> therapies,
        List<Mechanism> mechanisms,
        List<Treatment> treatments,
        String vocabularyVersion) {

    public Knowledge {
        conditions = List.copyOf(conditions);
        therapies = List.copyOf(therapies);
        mechanisms = List.copyOf(mechanisms);
        treatments = List.copyOf(treatments);
    }

    /** Nothing found. */
    public static Knowledge empty(String vocabularyVersion) {
        return new Knowledge(List.of(), List.of(), List.of(), List.of(), vocabularyVersion);
    }
}
