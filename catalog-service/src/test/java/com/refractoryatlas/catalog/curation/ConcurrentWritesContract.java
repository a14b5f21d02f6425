package com.refractoryatlas.catalog.curation;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.catalog.CatalogFixtures;
import com.refractoryatlas.catalog.curation.Inputs.CatalogBatchInput;
import com.refractoryatlas.catalog.curation.Inputs.ConditionInput;
import com.refractoryatlas.catalog.curation.Inputs.TherapyInput;
import com.refractoryatlas.catalog.curation.Inputs.TreatmentInput;
import com.refractoryatlas.catalog.term.ConditionCatalog;
import com.refractoryatlas.catalog.term.TherapyCatalog;
import com.refractoryatlas.catalog.treatment.Treatment;
import com.refractoryatlas.catalog.treatment.TreatmentCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Many writers upserting batches that touch the same condition, therapies and treatments at once, each through the
 * retrying write path the mutation uses (no lock anywhere): every alias and every piece of evidence of every batch is
 * stored, exactly once. Runs on the embedded server in every build and on a real {@code mongo:7} replica set when a
 * Docker engine is present; {@code ConcurrentCatalogWritesTests} in system-tests does the same across two processes.
 */
abstract class ConcurrentWritesContract {

    private static final int WRITERS = 6;
    private static final int BATCHES = 15;
    private static final int THERAPIES = 3;

    @Autowired
    CatalogFixtures fixtures;

    @Autowired
    CatalogWriter writer;

    @Autowired
    ConflictRetry retry;

    @Autowired
    ConditionCatalog conditions;

    @Autowired
    TherapyCatalog therapies;

    @Autowired
    TreatmentCatalog treatments;

    @BeforeEach
    void seed() {
        fixtures.seed();
    }

    @Test
    void concurrentBatchesOnTheSameDocumentsLoseNoAliasAndNoEvidence() throws Exception {
        var failures = new ConcurrentLinkedQueue<Throwable>();
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(WRITERS)) {
            for (int w = 0; w < WRITERS; w++) {
                int writerId = w;
                pool.submit(() -> {
                    try {
                        start.await();
                        for (int b = 0; b < BATCHES; b++) {
                            var input = batch(writerId, b);
                            var written = new HashMap<String, Inputs.UpsertOutcome>();
                            retry.run(() -> writer.upsert(input, written));
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                    return null;
                });
            }
            start.countDown();
        }
        assertThat(failures).isEmpty();

        var condition = conditions.findAllById(List.of("race-condition")).get("race-condition");
        assertThat(condition.aliases()).containsAll(all((w, b) -> alias(w, b)));
        assertThat(condition.aliases()).doesNotHaveDuplicates();
        assertThat(condition.articleIds()).containsExactlyInAnyOrderElementsOf(all((w, b) -> article(w, b)));
        for (int k = 0; k < THERAPIES; k++) {
            int therapy = k;
            var treatment = treatments
                    .findAllById(List.of(Treatment.idOf("race-condition", "race-therapy-" + k)))
                    .getFirst();
            assertThat(treatment.evidenceIds())
                    .containsExactlyInAnyOrderElementsOf(all((w, b) -> evidence(w, b, therapy)));
            assertThat(therapies
                            .findAllById(List.of("race-therapy-" + k))
                            .get("race-therapy-" + k)
                            .aliases())
                    .containsAll(all((w, b) -> alias(w, b) + " t" + therapy));
        }
        assertThat(treatments.byConditionIds(List.of("race-condition")).get("race-condition"))
                .hasSize(THERAPIES);
    }

    @Test
    void aConflictingBatchIsReportedWithWhatItsFirstAttemptCreated() {
        var input = batch(0, 0);
        var written = new HashMap<String, Inputs.UpsertOutcome>();
        written.put("CONDITION:race-condition", Inputs.UpsertOutcome.CREATED);
        // the condition is stored by "an earlier attempt"; this attempt alone would call it unchanged
        writer.upsert(input);
        var result = writer.upsert(input, written);
        assertThat(result.items())
                .filteredOn(item -> item.kind().equals("CONDITION"))
                .extracting(Inputs.CatalogItemResult::outcome)
                .containsExactly(Inputs.UpsertOutcome.CREATED);
        assertThat(result.items())
                .filteredOn(item -> item.kind().equals("TREATMENT"))
                .extracting(Inputs.CatalogItemResult::outcome)
                .containsOnly(Inputs.UpsertOutcome.UNCHANGED);
    }

    private static CatalogBatchInput batch(int writer, int batch) {
        var therapyInputs = new ArrayList<TherapyInput>();
        var treatmentInputs = new ArrayList<TreatmentInput>();
        for (int k = 0; k < THERAPIES; k++) {
            therapyInputs.add(new TherapyInput(
                    "race-therapy-" + k, "Race therapy " + k, List.of(alias(writer, batch) + " t" + k), "DRUG", null));
            treatmentInputs.add(new TreatmentInput(
                    "race-condition",
                    "race-therapy-" + k,
                    "RESCUE",
                    null,
                    List.of(evidence(writer, batch, k)),
                    List.of(article(writer, batch))));
        }
        var condition = new ConditionInput(
                "race-condition",
                "Race condition",
                List.of(alias(writer, batch)),
                "PSYCHIATRY",
                List.of(),
                List.of(article(writer, batch)));
        return new CatalogBatchInput(List.of(condition), therapyInputs, List.of(), treatmentInputs, null);
    }

    private static String alias(int writer, int batch) {
        return "race alias " + writer + " " + batch;
    }

    private static String evidence(int writer, int batch, int therapy) {
        return "race-ref-" + writer + "-" + batch + "-" + therapy;
    }

    private static String article(int writer, int batch) {
        return "race-article-" + writer + "-" + batch;
    }

    private interface Naming {
        String of(int writer, int batch);
    }

    private static List<String> all(Naming naming) {
        var names = new ArrayList<String>();
        for (int w = 0; w < WRITERS; w++) {
            for (int b = 0; b < BATCHES; b++) {
                names.add(naming.of(w, b));
            }
        }
        return names;
    }
}
