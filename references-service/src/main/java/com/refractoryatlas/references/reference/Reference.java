package com.refractoryatlas.references.reference;

import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;
import org.jspecify.annotations.Nullable;

/** A cited work as stored in the {@code references} collection. */
public record Reference(
        @BsonId String id,
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

    /** An author with family, given and suffix kept apart. */
    public record Author(
            String family, @Nullable String given, @Nullable String suffix) {}
}
