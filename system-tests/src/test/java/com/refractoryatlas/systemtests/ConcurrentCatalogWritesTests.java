package com.refractoryatlas.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Two catalog processes on one MongoDB, as two replicas run in production, take {@code upsertCatalog} batches that
 * all touch the same condition, therapies and treatments at the same time. Whatever the interleaving, every alias
 * and every piece of evidence any batch wrote is there afterwards, exactly once: the catalog's concurrency control
 * lives in MongoDB, not in one JVM.
 */
@ExtendWith(AtlasSystemExtension.class)
class ConcurrentCatalogWritesTests {

    private static final String REPLICA = AtlasSystem.CATALOG + "-replica";
    private static final int WRITERS_PER_REPLICA = 2;
    private static final int BATCHES_PER_WRITER = Integer.getInteger("atlas.system.concurrentBatches", 25);
    private static final int THERAPIES = 3;
    private static final String UPSERT = """
            mutation Upsert($input: CatalogBatchInput!) { upsertCatalog(input: $input) { items { kind id outcome } } }""";
    private static final String READ = """
            query Read($id: ID!) { condition(id: $id) { id aliases articles { id }
              treatments { therapy { id aliases } evidence { id } } } }""";

    @Test
    void batchesWrittenThroughTwoReplicasAtOnceLoseNothingAndDuplicateNothing(AtlasSystem system) throws Exception {
        var replica = system.startReplica(AtlasSystem.CATALOG, REPLICA);
        var run = "race" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
        var instances = List.of(system.subgraphUrl(AtlasSystem.CATALOG), system.subgraphUrl(REPLICA));
        var failures = new ConcurrentLinkedQueue<String>();
        var start = new CountDownLatch(1);
        try (var writers = Executors.newFixedThreadPool(instances.size() * WRITERS_PER_REPLICA)) {
            int writer = 0;
            for (var instance : instances) {
                for (int i = 0; i < WRITERS_PER_REPLICA; i++) {
                    int id = writer++;
                    writers.submit(() -> write(instance, run, id, start, failures));
                }
            }
            start.countDown();
        }
        assertThat(replica.alive()).isTrue();
        assertThat(failures).as("every batch is accepted").isEmpty();

        int writers = instances.size() * WRITERS_PER_REPLICA;
        var stored = service(instances.get(1)).query(READ, Map.of("id", run + "-condition"), "Read");
        assertThat(stored.errors().isEmpty()).as(stored.body()).isTrue();
        var condition = stored.data().path("condition");
        assertThat(texts(condition.path("aliases"))).containsAll(expected(writers, (w, b) -> aliasOf(run, w, b)));
        assertThat(distinctIds(condition.path("articles"))).hasSize(writers * BATCHES_PER_WRITER);
        var treatments = condition.path("treatments");
        assertThat(treatments).as("one treatment per pairing").hasSize(THERAPIES);
        for (var treatment : treatments) {
            var therapyId = treatment.path("therapy").path("id").asString();
            int k = Integer.parseInt(therapyId.substring(therapyId.lastIndexOf('-') + 1));
            var evidence = ids(treatment.path("evidence"));
            assertThat(evidence).as("no evidence listed twice").doesNotHaveDuplicates();
            assertThat(evidence)
                    .as("evidence of " + therapyId + " from every batch")
                    .containsExactlyInAnyOrderElementsOf(expected(writers, (w, b) -> evidenceOf(run, w, b, k)));
            assertThat(texts(treatment.path("therapy").path("aliases")))
                    .containsAll(expected(writers, (w, b) -> aliasOf(run, w, b) + " t" + k));
        }
    }

    private static void write(
            URI instance, String run, int writer, CountDownLatch start, ConcurrentLinkedQueue<String> failures) {
        var client = service(instance);
        try {
            start.await();
            for (int batch = 0; batch < BATCHES_PER_WRITER; batch++) {
                var response = client.query(UPSERT, Map.of("input", batch(run, writer, batch)), "Upsert");
                if (response.status() != 200 || !response.errors().isEmpty()) {
                    failures.add(instance + " writer " + writer + " batch " + batch + ": " + response.body());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.add("interrupted");
        } catch (RuntimeException e) {
            failures.add(instance + " writer " + writer + ": " + e);
        }
    }

    /** One batch: the shared condition and therapies, each with a new alias, and the shared treatments with new evidence. */
    private static Map<String, Object> batch(String run, int writer, int batch) {
        var therapies = new ArrayList<Map<String, Object>>();
        var treatments = new ArrayList<Map<String, Object>>();
        for (int k = 0; k < THERAPIES; k++) {
            therapies.add(Map.of(
                    "id",
                    run + "-therapy-" + k,
                    "name",
                    run + " therapy " + k,
                    "aliases",
                    List.of(aliasOf(run, writer, batch) + " t" + k),
                    "kind",
                    "DRUG"));
            treatments.add(Map.of(
                    "conditionId",
                    run + "-condition",
                    "therapyId",
                    run + "-therapy-" + k,
                    "role",
                    "RESCUE",
                    "evidenceIds",
                    List.of(evidenceOf(run, writer, batch, k)),
                    "articleIds",
                    List.of(articleOf(run, writer, batch))));
        }
        var condition = Map.of(
                "id",
                run + "-condition",
                "name",
                run + " condition",
                "aliases",
                List.of(aliasOf(run, writer, batch)),
                "specialty",
                "PSYCHIATRY",
                "refractoryCriteria",
                List.of(),
                "articleIds",
                List.of(articleOf(run, writer, batch)));
        return Map.of(
                "conditions",
                List.of(condition),
                "therapies",
                therapies,
                "mechanisms",
                List.of(),
                "treatments",
                treatments);
    }

    private static String aliasOf(String run, int writer, int batch) {
        return run + " alias " + writer + " " + batch;
    }

    private static String evidenceOf(String run, int writer, int batch, int therapy) {
        return run + "-ref-" + writer + "-" + batch + "-" + therapy;
    }

    private static String articleOf(String run, int writer, int batch) {
        return run + "-article-" + writer + "-" + batch;
    }

    private interface Naming {
        String of(int writer, int batch);
    }

    private static List<String> expected(int writers, Naming naming) {
        var all = new ArrayList<String>();
        for (int w = 0; w < writers; w++) {
            for (int b = 0; b < BATCHES_PER_WRITER; b++) {
                all.add(naming.of(w, b));
            }
        }
        return all;
    }

    private static GraphQl service(URI instance) {
        return new GraphQl(instance, Map.of("X-Atlas-Service-Token", AtlasSystem.SERVICE_TOKEN));
    }

    private static List<String> texts(JsonNode array) {
        var all = new ArrayList<String>();
        array.forEach(node -> all.add(node.asString()));
        return all;
    }

    private static List<String> ids(JsonNode array) {
        var all = new ArrayList<String>();
        array.forEach(node -> all.add(node.path("id").asString()));
        return all;
    }

    private static Set<String> distinctIds(JsonNode array) {
        return new HashSet<>(ids(array));
    }
}
