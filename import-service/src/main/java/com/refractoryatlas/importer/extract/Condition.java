package com.refractoryatlas.importer.extract;

import java.util.List;

/**
 * A condition the text discusses, identified by the slug of its canonical name so that re-imports and other
 * documents land on the same catalog entry.
 *
 * @param id slug of the canonical name, e.g. {@code depression}
 * @param name canonical name
 * @param aliases vocabulary aliases plus the surface forms met in this text (never the canonical name itself)
 * @param specialty the specialty, {@link Specialty#OTHER} for conditions found only by pattern rules
 * @param refractoryCriteria sentences of the text that define when the condition counts as refractory
 * @param fromVocabulary false when only a pattern rule found it (a curator may want to review it)
 */
public record Condition(
        String id,
        String name,
        List<String> aliases,
        Specialty specialty,
        List<String> refractoryCriteria,
        boolean fromVocabulary) {

    public Condition {
        aliases = List.copyOf(aliases);
        refractoryCriteria = List.copyOf(refractoryCriteria);
    }
}
