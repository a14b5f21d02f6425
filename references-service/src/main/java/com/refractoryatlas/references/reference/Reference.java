package com.refractoryatlas.references.reference;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A cited work, stored once however many articles cite it. Its id is derived from its content by
 * {@link ReferenceIdentity}, which is what lets two articles share it.
 */
public record Reference(
        String id,
        String title,
        List<Author> authors,
        @Nullable String journal,
        @Nullable String volume,
        @Nullable String issue,
        @Nullable String pages,
        @Nullable Integer year,
        @Nullable String doi) {

    public Reference {
        authors = List.copyOf(authors);
    }

    /** This work with every field {@code newer} knows replacing ours: newer sources complete older ones. */
    Reference mergedWith(Reference newer) {
        return new Reference(
                id,
                newer.title,
                newer.authors.isEmpty() ? authors : newer.authors,
                firstNonNull(newer.journal, journal),
                firstNonNull(newer.volume, volume),
                firstNonNull(newer.issue, issue),
                firstNonNull(newer.pages, pages),
                firstNonNull(newer.year, year),
                firstNonNull(newer.doi, doi));
    }

    private static <T> @Nullable T firstNonNull(@Nullable T preferred, @Nullable T fallback) {
        return preferred != null ? preferred : fallback;
    }
}
