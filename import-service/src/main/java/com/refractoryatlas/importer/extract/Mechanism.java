package com.refractoryatlas.importer.extract;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A reason a condition resists treatment, as the text describes it.
 *
 * @param id slug, e.g. {@code drug-efflux-pumps}
 * @param name canonical name, e.g. "Drug efflux pumps"
 * @param description the source sentence that describes it
 * @param conditionIds ids of the conditions the text connects it with (may be empty)
 */
public record Mechanism(String id, String name, @Nullable String description, List<String> conditionIds) {

    public Mechanism {
        conditionIds = List.copyOf(conditionIds);
    }
}
