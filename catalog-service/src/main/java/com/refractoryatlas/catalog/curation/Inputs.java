package com.refractoryatlas.catalog.curation;

import com.refractoryatlas.catalog.term.Condition;
import com.refractoryatlas.catalog.term.Therapy;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The GraphQL input and result types of the write API (docs/internal-api.md), as records. */
final class Inputs {

    private Inputs() {}

    enum UpsertOutcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    record ConditionInput(
            String id,
            String name,
            List<String> aliases,
            String specialty,
            List<String> refractoryCriteria,
            List<String> articleIds) {}

    record TherapyInput(
            String id,
            String name,
            List<String> aliases,
            String kind,
            @Nullable String drugClass) {}

    record MechanismInput(String id, String name, @Nullable String description, List<String> conditionIds) {}

    record TreatmentInput(
            String conditionId,
            String therapyId,
            String role,
            @Nullable String summary,
            List<String> evidenceIds,
            List<String> articleIds) {}

    /** {@code importJobId}, when given, records what the batch replaces so that the job can take it back. */
    record CatalogBatchInput(
            List<ConditionInput> conditions,
            List<TherapyInput> therapies,
            List<MechanismInput> mechanisms,
            List<TreatmentInput> treatments,
            @Nullable String importJobId) {

        CatalogBatchInput {
            conditions = conditions == null ? List.of() : List.copyOf(conditions);
            therapies = therapies == null ? List.of() : List.copyOf(therapies);
            mechanisms = mechanisms == null ? List.of() : List.copyOf(mechanisms);
            treatments = treatments == null ? List.of() : List.copyOf(treatments);
        }
    }

    record ConditionPatch(
            @Nullable String name,
            @Nullable List<String> aliases,
            @Nullable String specialty,
            @Nullable List<String> refractoryCriteria) {}

    record TherapyPatch(
            @Nullable String name,
            @Nullable List<String> aliases,
            @Nullable String kind,
            @Nullable String drugClass) {}

    record CatalogItemResult(String kind, String id, UpsertOutcome outcome) {}

    record CatalogBatchResult(List<CatalogItemResult> items) {}

    /** What {@code retractCatalogBatch} did: documents put back, removed (the batch created them), kept (changed since). */
    record CatalogRetraction(int restored, int removed, int kept) {}

    /** What a delete answers: the id that is gone, so that a client can evict it from its normalized cache. */
    record DeletePayload(String deletedId) {}

    /** What unlinkTreatment answers: both ends as they are after the link went, for a client cache to refresh. */
    record UnlinkTreatmentPayload(String conditionId, String therapyId, Condition condition, Therapy therapy) {}
}
