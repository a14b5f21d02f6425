package com.refractoryatlas.catalog.condition;

import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;

/** A treatment-refractory condition as stored in the {@code conditions} collection; its id is a slug. */
public record Condition(
        @BsonId String id, String name, List<String> aliases, String specialty, List<String> refractoryCriteria) {

    public Condition {
        aliases = List.copyOf(aliases);
        refractoryCriteria = List.copyOf(refractoryCriteria);
    }
}
