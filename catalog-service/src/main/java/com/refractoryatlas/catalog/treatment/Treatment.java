package com.refractoryatlas.catalog.treatment;

import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;
import org.jspecify.annotations.Nullable;

/**
 * One condition × one therapy, stored in {@code treatments} under the id {@code conditionId|therapyId}.
 *
 * @param evidenceIds ids of references owned by the references service
 */
public record Treatment(
        @BsonId String id,
        String conditionId,
        String therapyId,
        String role,
        @Nullable String summary,
        List<String> evidenceIds) {

    public Treatment {
        evidenceIds = List.copyOf(evidenceIds);
    }

    public static String idOf(String conditionId, String therapyId) {
        return conditionId + "|" + therapyId;
    }
}
