package com.refractoryatlas.catalog.term;

import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a term list is filtered by; every part is optional and the parts combine with AND.
 *
 * @param text words, each matching a prefix of a word of the name or an alias
 * @param category the {@code Specialty} of a condition or the {@code TherapyKind} of a therapy
 * @param ids when set, only these ids (an empty list matches nothing)
 */
public record TermFilter(
        @Nullable String text,
        @Nullable String category,
        @Nullable Collection<String> ids) {

    public TermFilter {
        ids = ids == null ? null : List.copyOf(ids);
    }

    public static TermFilter none() {
        return new TermFilter(null, null, null);
    }
}
