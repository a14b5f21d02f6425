package com.refractoryatlas.catalog.mechanism;

import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;
import org.jspecify.annotations.Nullable;

/**
 * A resistance mechanism as stored in the {@code mechanisms} collection; its id is a slug. The links to conditions
 * live here (not on the condition) because the sources describe a mechanism and then name the conditions it explains.
 */
public record Mechanism(
        @BsonId String id, String name, @Nullable String description, List<String> conditionIds) {

    public Mechanism {
        conditionIds = conditionIds == null ? List.of() : List.copyOf(conditionIds);
    }
}
