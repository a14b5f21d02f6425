package com.refractoryatlas.catalog.mechanism;

import com.refractoryatlas.mongo.Versioned;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;
import org.jspecify.annotations.Nullable;

/**
 * A resistance mechanism as stored in the {@code mechanisms} collection; its id is a slug. The links to conditions
 * live here (not on the condition) because the sources describe a mechanism and then name the conditions it explains.
 *
 * @param version the version it was read at; writes are conditional on it (see {@link Versioned})
 */
public record Mechanism(
        @BsonId String id, String name, @Nullable String description, List<String> conditionIds, Long version)
        implements Versioned<Mechanism> {

    public Mechanism {
        // absent (null) in documents stored before they had versions
        version = version == null ? 0L : version;
        conditionIds = conditionIds == null ? List.of() : List.copyOf(conditionIds);
    }

    public static Mechanism of(String id, String name, @Nullable String description, List<String> conditionIds) {
        return new Mechanism(id, name, description, conditionIds, 0L);
    }

    @Override
    public Mechanism withVersion(long version) {
        return new Mechanism(id, name, description, conditionIds, version);
    }
}
