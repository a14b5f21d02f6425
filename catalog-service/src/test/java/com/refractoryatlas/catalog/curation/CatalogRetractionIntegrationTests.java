package com.refractoryatlas.catalog.curation;

import static com.refractoryatlas.catalog.curation.UpsertCatalogIntegrationTests.TOKEN;
import static com.refractoryatlas.catalog.curation.UpsertCatalogIntegrationTests.batch;
import static com.refractoryatlas.catalog.curation.UpsertCatalogIntegrationTests.condition;
import static com.refractoryatlas.catalog.curation.UpsertCatalogIntegrationTests.treatment;
import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.catalog.CatalogFixtures;
import com.refractoryatlas.catalog.CatalogIntegrationTest;
import com.refractoryatlas.catalog.mechanism.MechanismCatalog;
import com.refractoryatlas.catalog.term.ConditionCatalog;
import com.refractoryatlas.catalog.term.TherapyCatalog;
import com.refractoryatlas.catalog.treatment.Treatment;
import com.refractoryatlas.catalog.treatment.TreatmentCatalog;
import com.refractoryatlas.subgraph.Caller;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * An import job that fails after its catalog write takes the batch back with {@code retractCatalogBatch}: every
 * document it created is gone, every document it changed is as before, aliases it claimed are free again, and a
 * document someone else changed since is kept.
 */
@CatalogIntegrationTest
class CatalogRetractionIntegrationTests {

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    CatalogFixtures fixtures;

    @Autowired
    ConditionCatalog conditions;

    @Autowired
    TherapyCatalog therapies;

    @Autowired
    MechanismCatalog mechanisms;

    @Autowired
    TreatmentCatalog treatments;

    @BeforeEach
    void seed() {
        fixtures.seed();
    }

    @Test
    void takesBackEveryDocumentTheBatchCreatedOrChanged() {
        var before = snapshot();
        upsert(withJob(mixedBatch(), "job-1"));
        assertThat(snapshot()).isNotEqualTo(before);

        retract("job-1").path("retractCatalogBatch").matchesJson("{\"restored\":2,\"removed\":5,\"kept\":0}");

        assertThat(snapshot()).isEqualTo(before);
        assertThat(conditions.resolve("RSE")).isEmpty();
        assertThat(conditions.resolve("MDD")).isEmpty();
        assertThat(mechanisms.findAllById(List.of("receptor-internalization"))).isEmpty();
    }

    @Test
    void aRetriedBatchIsTakenBackToTheStateBeforeItsFirstTry() {
        var before = snapshot();
        upsert(withJob(mixedBatch(), "job-1"));
        upsert(withJob(mixedBatch(), "job-1"));

        retract("job-1");

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void keepsADocumentSomeoneElseChangedSince() {
        upsert(withJob(mixedBatch(), "job-1"));
        var laterEvidence = new HashMap<String, Object>(batch());
        laterEvidence.put("conditions", List.of());
        laterEvidence.put("therapies", List.of());
        laterEvidence.put("mechanisms", List.of());
        laterEvidence.put(
                "treatments", List.of(treatment("depression", "ketamine", "UNSPECIFIED", List.of("ref-other"))));
        upsert(withJob(laterEvidence, "job-2"));

        retract("job-1").path("retractCatalogBatch.kept").entity(Integer.class).isEqualTo(1);

        var ketamine = treatments
                .findAllById(List.of(Treatment.idOf("depression", "ketamine")))
                .getFirst();
        assertThat(ketamine.evidenceIds()).contains("ref-other", "ref-9");
        assertThat(conditions.resolve("status-epilepticus")).isEmpty();
    }

    @Test
    void isIdempotentAndLeavesABatchWithoutAJobAlone() {
        upsert(mixedBatch());
        var written = snapshot();

        retract("job-1").path("retractCatalogBatch").matchesJson("{\"restored\":0,\"removed\":0,\"kept\":0}");
        retract("job-1").path("retractCatalogBatch").matchesJson("{\"restored\":0,\"removed\":0,\"kept\":0}");

        assertThat(snapshot()).isEqualTo(written);
    }

    @Test
    void refusesACallerWithoutTheServiceCredential() {
        upsert(withJob(mixedBatch(), "job-1"));
        var written = snapshot();

        graphQl.documentName("retractCatalogBatch")
                .variable("importJobId", "job-1")
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors).isNotEmpty());

        assertThat(snapshot()).isEqualTo(written);
    }

    /** The seed batch (new condition, therapy, mechanism, two treatments) plus changes to stored documents. */
    private static Map<String, Object> mixedBatch() {
        var input = new HashMap<String, Object>(batch());
        input.put(
                "conditions",
                List.of(
                        ((List<?>) batch().get("conditions")).getFirst(),
                        condition("depression", "Depression", List.of("MDD"), List.of(), List.of("art-9"))));
        input.put(
                "treatments",
                List.of(
                        treatment("status-epilepticus", "midazolam", "STANDARD", List.of("ref-10")),
                        treatment("epilepsy", "midazolam", "RESCUE", List.of("ref-11")),
                        treatment("depression", "ketamine", "UNSPECIFIED", List.of("ref-9"))));
        return input;
    }

    private static Map<String, Object> withJob(Map<String, Object> input, String importJobId) {
        var withJob = new HashMap<>(input);
        withJob.put("importJobId", importJobId);
        return withJob;
    }

    /** Every document of the catalog's collections, versions aside, and the alias owners that matter here. */
    private List<Object> snapshot() {
        var ids = List.of("depression", "epilepsy", "glaucoma", "status-epilepticus");
        var therapyIds = List.of("ketamine", "electroconvulsive-therapy", "vagus-nerve-stimulation", "midazolam");
        return List.of(
                conditions.findAllById(ids).values().stream()
                        .map(c -> c.withVersion(0))
                        .toList(),
                therapies.findAllById(therapyIds).values().stream()
                        .map(t -> t.withVersion(0))
                        .toList(),
                mechanisms.findAllById(List.of("receptor-internalization")).values().stream()
                        .map(m -> m.withVersion(0))
                        .toList(),
                treatments.byConditionIds(ids).values().stream()
                        .flatMap(List::stream)
                        .map(t -> t.withVersion(0))
                        .sorted(java.util.Comparator.comparing(Treatment::id))
                        .toList(),
                List.of(conditions.count(), therapies.count(), treatments.count()),
                List.of(
                        conditions.resolve("RSE").isPresent(),
                        conditions.resolve("MDD").isPresent(),
                        therapies.resolve("MDZ").isPresent()));
    }

    private GraphQlTester.Response upsert(Map<String, ?> input) {
        var response =
                service().documentName("upsertCatalog").variable("input", input).execute();
        response.errors().verify();
        return response;
    }

    private GraphQlTester.Response retract(String importJobId) {
        var response = service()
                .documentName("retractCatalogBatch")
                .variable("importJobId", importJobId)
                .execute();
        response.errors().verify();
        return response;
    }

    private HttpGraphQlTester service() {
        return graphQl.mutate().header(Caller.SERVICE_TOKEN_HEADER, TOKEN).build();
    }
}
