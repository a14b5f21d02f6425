package com.refractoryatlas.catalog.treatment;

import com.refractoryatlas.mongo.Versioned;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;
import org.jspecify.annotations.Nullable;

/**
 * One condition × one therapy, stored in {@code treatments} under the id {@code conditionId|therapyId} so that the
 * same pairing written twice is one document.
 *
 * @param role a {@code TreatmentRole} name
 * @param evidenceIds ids of references owned by the references service
 * @param articleIds ids of the articles (owned by the references service) that discuss the pairing
 * @param version the version it was read at; writes are conditional on it (see {@link Versioned})
 */
public record Treatment(
        @BsonId String id,
        String conditionId,
        String therapyId,
        String role,
        @Nullable String summary,
        List<String> evidenceIds,
        List<String> articleIds,
        Long version)
        implements Versioned<Treatment> {

    /** The role a treatment has when the sources do not say. */
    public static final String UNSPECIFIED = "UNSPECIFIED";

    public Treatment {
        // absent (null) in documents stored before they had versions
        version = version == null ? 0L : version;
        evidenceIds = List.copyOf(evidenceIds);
        articleIds = articleIds == null ? List.of() : List.copyOf(articleIds);
    }

    public static Treatment of(
            String conditionId,
            String therapyId,
            String role,
            @Nullable String summary,
            List<String> evidenceIds,
            List<String> articleIds) {
        return new Treatment(
                idOf(conditionId, therapyId), conditionId, therapyId, role, summary, evidenceIds, articleIds, 0L);
    }

    @Override
    public Treatment withVersion(long version) {
        return new Treatment(id, conditionId, therapyId, role, summary, evidenceIds, articleIds, version);
    }

    public static String idOf(String conditionId, String therapyId) {
        return conditionId + "|" + therapyId;
    }
}
