package com.refractoryatlas.catalog.term;

import com.refractoryatlas.catalog.naming.Names;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * A treatment-refractory condition as stored in the {@code conditions} collection; its id is a slug.
 *
 * @param specialty a {@code Specialty} name
 * @param articleIds the articles (owned by references-service) that discuss it
 * @param searchTokens derived from the name and aliases, never set by hand: the words the text filter searches
 * @param version the version it was read at; writes are conditional on it (see {@code Versioned})
 */
public record Condition(
        @BsonId String id,
        String name,
        List<String> aliases,
        String specialty,
        List<String> refractoryCriteria,
        List<String> articleIds,
        List<String> searchTokens,
        Long version)
        implements CuratedTerm<Condition> {

    public Condition {
        // absent (null) in documents stored before they had versions
        version = version == null ? 0L : version;
        aliases = copy(aliases);
        refractoryCriteria = copy(refractoryCriteria);
        articleIds = copy(articleIds);
        searchTokens = Names.searchTokens(name, aliases);
    }

    public static Condition of(
            String id,
            String name,
            List<String> aliases,
            String specialty,
            List<String> refractoryCriteria,
            List<String> articleIds) {
        return new Condition(id, name, aliases, specialty, refractoryCriteria, articleIds, List.of(), 0L);
    }

    @Override
    public Condition withVersion(long version) {
        return new Condition(id, name, aliases, specialty, refractoryCriteria, articleIds, searchTokens, version);
    }

    private static List<String> copy(List<String> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
