package com.refractoryatlas.catalog.term;

import com.refractoryatlas.catalog.naming.Names;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;
import org.jspecify.annotations.Nullable;

/**
 * A therapy as stored in the {@code therapies} collection; its id is a slug.
 *
 * @param aliases other names and abbreviations ("ECT", "rTMS")
 * @param kind a {@code TherapyKind} name
 * @param searchTokens derived from the name and aliases, never set by hand: the words the text filter searches
 * @param version the version it was read at; writes are conditional on it (see {@code Versioned})
 */
public record Therapy(
        @BsonId String id,
        String name,
        List<String> aliases,
        String kind,
        @Nullable String drugClass,
        List<String> searchTokens,
        Long version)
        implements CuratedTerm<Therapy> {

    public Therapy {
        // absent (null) in documents stored before they had versions
        version = version == null ? 0L : version;
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        searchTokens = Names.searchTokens(name, aliases);
    }

    public static Therapy of(String id, String name, List<String> aliases, String kind, @Nullable String drugClass) {
        return new Therapy(id, name, aliases, kind, drugClass, List.of(), 0L);
    }

    @Override
    public Therapy withVersion(long version) {
        return new Therapy(id, name, aliases, kind, drugClass, searchTokens, version);
    }
}
