package com.refractoryatlas.importer.write;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The catalog service's {@code CatalogBatchInput} (docs/internal-api.md): one idempotent, merging batch. With
 * {@code importJobId} the catalog records what the batch replaces, so that the job can take it back
 * ({@code retractCatalogBatch}).
 */
public record CatalogBatchInput(
        List<ConditionInput> conditions,
        List<TherapyInput> therapies,
        List<MechanismInput> mechanisms,
        List<TreatmentInput> treatments,
        @Nullable String importJobId) {

    public CatalogBatchInput {
        conditions = List.copyOf(conditions);
        therapies = List.copyOf(therapies);
        mechanisms = List.copyOf(mechanisms);
        treatments = List.copyOf(treatments);
    }

    public CatalogBatchInput(
            List<ConditionInput> conditions,
            List<TherapyInput> therapies,
            List<MechanismInput> mechanisms,
            List<TreatmentInput> treatments) {
        this(conditions, therapies, mechanisms, treatments, null);
    }

    /** The same batch, written for the given import job. */
    public CatalogBatchInput forJob(String jobId) {
        return new CatalogBatchInput(conditions, therapies, mechanisms, treatments, jobId);
    }

    public boolean hasNoItems() {
        return conditions.isEmpty() && therapies.isEmpty() && mechanisms.isEmpty() && treatments.isEmpty();
    }

    public record ConditionInput(
            String id,
            String name,
            List<String> aliases,
            String specialty,
            List<String> refractoryCriteria,
            List<String> articleIds) {

        public ConditionInput {
            aliases = List.copyOf(aliases);
            refractoryCriteria = List.copyOf(refractoryCriteria);
            articleIds = List.copyOf(articleIds);
        }
    }

    public record TherapyInput(
            String id,
            String name,
            List<String> aliases,
            String kind,
            @Nullable String drugClass) {

        public TherapyInput {
            aliases = List.copyOf(aliases);
        }
    }

    public record MechanismInput(
            String id, String name, @Nullable String description, List<String> conditionIds) {

        public MechanismInput {
            conditionIds = List.copyOf(conditionIds);
        }
    }

    public record TreatmentInput(
            String conditionId,
            String therapyId,
            String role,
            @Nullable String summary,
            List<String> evidenceIds,
            List<String> articleIds) {

        public TreatmentInput {
            evidenceIds = List.copyOf(evidenceIds);
            articleIds = List.copyOf(articleIds);
        }
    }
}
