package com.refractoryatlas.importer.parse.jats;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One {@code ref} of the reference list: its id, where it starts, and every citation inside it. */
final class RefBuilder {

    final @Nullable String id;
    final int line;
    final List<CitationBuilder> citations = new ArrayList<>();

    RefBuilder(@Nullable String id, int line) {
        this.id = id;
        this.line = line;
    }

    /** The citation that tells most (an {@code element-citation} beats its {@code mixed-citation} twin). */
    @Nullable
    CitationBuilder best() {
        CitationBuilder best = null;
        for (CitationBuilder c : citations) {
            if (best == null || c.richness() > best.richness()) {
                best = c;
            }
        }
        return best;
    }
}
