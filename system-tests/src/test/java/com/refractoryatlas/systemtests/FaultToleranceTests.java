package com.refractoryatlas.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Faults injected into the running system, each asserting what a client sees and that nothing is lost. They share
 * the one running system, so each puts back what it broke (restarts the process, clears the injected delay) before
 * it ends, also when it fails. Durations are bounds on correct behaviour (the answer must come before the injected
 * delay would have allowed), never performance targets.
 */
@ExtendWith(AtlasSystemExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceTests {

    private static final Duration INJECTED_DELAY = Duration.ofSeconds(30);
    private static final Duration OUTAGE = Duration.ofSeconds(12);
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(90);
    private static final int IMPORT_DOCUMENTS = Integer.getInteger("atlas.system.importDocuments", 200);
    private static final Duration IMPORT_BOUND = Duration.ofMinutes(Long.getLong("atlas.system.importMinutes", 6));
    private static final String MIXED = "query Mixed($id: ID!) { conditions(first: 3) { totalCount edges { node { id"
            + " name } } } reference(id: $id) { id title } }";

    @Test
    @Order(1)
    void slowSubgraphTimesOutWhileQueriesNotTouchingItStayFast(AtlasSystem system) throws Exception {
        Capabilities.requireGatewayGraphQl(system);
        SeedData.ensure(system);
        var gateway = new GraphQl(system.gatewayUrl());
        var proxy = system.proxy(AtlasSystem.IMPORT);
        proxy.reset();
        var slowAnswers = new ConcurrentLinkedQueue<GraphQl.Response>();
        var slowTimes = new ConcurrentLinkedQueue<Duration>();
        proxy.delay(INJECTED_DELAY);
        try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 8; i++) {
                clients.submit(() -> {
                    var start = Instant.now();
                    slowAnswers.add(gateway.post(
                            "{\"query\":\"{ importJob(id: \\\"slow\\\") { id status } }\"}",
                            INJECTED_DELAY.multipliedBy(2)));
                    slowTimes.add(Duration.between(start, Instant.now()));
                });
            }
            ServiceProcess.sleep(Duration.ofSeconds(1));
            // while eight requests hang on the slow subgraph, the others answer normally
            for (int i = 0; i < 10; i++) {
                var start = Instant.now();
                var fast = gateway.query("{ conditions(first: 2) { totalCount edges { node { id } } } }");
                assertThat(fast.status()).isEqualTo(200);
                assertThat(fast.errors().isEmpty()).as(fast.body()).isTrue();
                assertThat(Duration.between(start, Instant.now())).isLessThan(INJECTED_DELAY.dividedBy(3));
            }
        } finally {
            proxy.delay(Duration.ZERO);
        }
        assertThat(slowAnswers).hasSize(8);
        for (var answer : slowAnswers) {
            assertThat(answer.status()).as(answer.body()).isLessThan(500);
            assertThat(answer.errors().isEmpty())
                    .as("a timeout error: " + answer.body())
                    .isFalse();
            assertThat(answer.errors().get(0).path("extensions").path("code").asString(""))
                    .as(answer.body())
                    .isNotBlank()
                    .isNotEqualTo("GRAPHQL_VALIDATION_FAILED");
        }
        assertThat(proxy.operations()).as("the slow subgraph was asked").isNotEmpty();
        // the gateway's timeout fired: nobody waited for the injected delay
        assertThat(slowTimes).allSatisfy(time -> assertThat(time).isLessThan(INJECTED_DELAY));
    }

    @Test
    @Order(2)
    void killedSubgraphYieldsPartialDataAndTypedErrorsThenFullAnswersAfterRestart(AtlasSystem system) {
        Capabilities.requireGatewayGraphQl(system);
        SeedData.ensure(system);
        var gateway = new GraphQl(system.gatewayUrl());
        var referenceId = gateway.query("{ references(first: 1) { edges { node { id } } } }")
                .data()
                .path("references")
                .path("edges")
                .path(0)
                .path("node")
                .path("id")
                .asString("missing-reference");
        var variables = Map.of("id", referenceId);
        var proxy = system.proxy(AtlasSystem.REFERENCES);
        try (var load = new LoadDriver(4, true, n -> gateway.query(MIXED, variables, "Mixed"))) {
            ServiceProcess.sleep(Duration.ofSeconds(2));
            var healthy = load.samples();
            assertThat(healthy)
                    .isNotEmpty()
                    .allSatisfy(s -> assertThat(s.hasErrors()).as(s.body()).isFalse());

            system.kill(AtlasSystem.REFERENCES);
            var killedAt = Instant.now();
            ServiceProcess.sleep(OUTAGE.dividedBy(2));
            var secondHalf = Instant.now();
            proxy.reset();
            ServiceProcess.sleep(OUTAGE.dividedBy(2));
            var outage = load.samplesBetween(killedAt, Instant.now());
            var lateOutage = load.samplesBetween(secondHalf, Instant.now());
            int reachedDeadSubgraph = proxy.operations().size();

            assertThat(outage).isNotEmpty();
            assertThat(outage).as("no 5xx storm").noneMatch(s -> s.status() >= 500 || s.status() < 0);
            for (var sample : lateOutage) {
                var json = GraphQl.JSON.readTree(sample.body());
                assertThat(json.path("data")
                                .path("conditions")
                                .path("totalCount")
                                .isInt())
                        .as("partial data: " + sample.body())
                        .isTrue();
                assertThat(json.path("data").path("reference").isNull())
                        .as(sample.body())
                        .isTrue();
                assertThat(json.path("errors")
                                .path(0)
                                .path("extensions")
                                .path("code")
                                .asString(""))
                        .as("typed error: " + sample.body())
                        .isNotBlank();
            }
            // circuit breaker open: most queries no longer even try the dead subgraph
            assertThat(reachedDeadSubgraph)
                    .as("requests reaching the dead subgraph vs %d queries", lateOutage.size())
                    .isLessThan(Math.max(1, lateOutage.size() / 2));

            system.restart(AtlasSystem.REFERENCES);
            var restartedAt = Instant.now();
            var recovered = awaitFullAnswer(gateway, variables, RECOVERY_BOUND);
            System.out.printf(
                    "[fault] references killed: %d answers during %ss outage, %d reached the dead subgraph in the"
                            + " second half (%d queries); full answers %s after restart%n",
                    outage.size(),
                    OUTAGE.toSeconds(),
                    reachedDeadSubgraph,
                    lateOutage.size(),
                    Duration.between(restartedAt, Instant.now()));
            assertThat(recovered).as("full answers within " + RECOVERY_BOUND).isTrue();
        } finally {
            ensureRunning(system, AtlasSystem.REFERENCES);
        }
    }

    @Test
    @Order(3)
    void mongoRestartUnderWriteLoadLosesNoAcknowledgedWrite(AtlasSystem system) {
        var catalog = new GraphQl(system.subgraphUrl(AtlasSystem.CATALOG), SeedData.SERVICE_HEADERS);
        Capabilities.requireRootFields(catalog.url(), "Mutation", "upsertCatalog");
        var acknowledged = new ConcurrentLinkedQueue<String>();
        var failures = new ConcurrentLinkedQueue<String>();
        var running = new AtomicBoolean(true);
        try (var writers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < 2; w++) {
                int writer = w;
                writers.submit(() -> {
                    for (int n = 0; running.get(); n++) {
                        var id = "mongo-restart-" + writer + "-" + n;
                        try {
                            var response = catalog.query(
                                    "mutation($input: CatalogBatchInput!) { upsertCatalog(input: $input) { items {"
                                            + " id outcome } } }",
                                    Map.of("input", therapyBatch(id)),
                                    null);
                            if (response.status() == 200
                                    && response.errors().isEmpty()
                                    && !response.data().path("upsertCatalog").isNull()) {
                                acknowledged.add(id);
                            } else {
                                failures.add(response.body());
                                ServiceProcess.sleep(Duration.ofMillis(200));
                            }
                        } catch (RuntimeException e) {
                            failures.add(e.toString());
                            ServiceProcess.sleep(Duration.ofMillis(200));
                        }
                    }
                });
            }
            ServiceProcess.sleep(Duration.ofSeconds(3));
            int beforeRestart = acknowledged.size();
            system.restartMongo(Duration.ofSeconds(2));
            var restartedAt = Instant.now();
            // services reconnect by themselves: writes are acknowledged again
            var deadline = restartedAt.plus(RECOVERY_BOUND);
            int afterRestart = acknowledged.size();
            while (acknowledged.size() < afterRestart + 5 && Instant.now().isBefore(deadline)) {
                ServiceProcess.sleep(Duration.ofMillis(250));
            }
            running.set(false);
            System.out.printf(
                    "[fault] mongo restarted: %d writes acknowledged before, %d in total, %d failed; writes"
                            + " acknowledged again %s after restart%n",
                    beforeRestart, acknowledged.size(), failures.size(), Duration.between(restartedAt, Instant.now()));
            assertThat(beforeRestart).isPositive();
            assertThat(acknowledged.size())
                    .as("writes resume after the restart")
                    .isGreaterThanOrEqualTo(afterRestart + 5);
        } finally {
            running.set(false);
        }
        system.awaitAllReady();
        var lost = new ArrayList<String>();
        for (var id : acknowledged) {
            var found = catalog.query("query($id: ID!) { therapy(id: $id) { id } }", Map.of("id", id), null);
            if (!id.equals(found.data().path("therapy").path("id").asString(""))) {
                lost.add(id);
            }
        }
        assertThat(lost).as("acknowledged writes lost").isEmpty();
    }

    @Test
    @Order(4)
    void importServiceKilledMidImportFinishesEveryDocumentExactlyOnce(AtlasSystem system) {
        var importer = new GraphQl(system.subgraphUrl(AtlasSystem.IMPORT), SeedData.IMPORTER_HEADERS);
        Capabilities.requireRootFields(importer.url(), "Mutation", "importDocument");
        var references = new GraphQl(system.subgraphUrl(AtlasSystem.REFERENCES));
        var seed = GraphQl.read(system.settings().repoDir().resolve("samples/seeds/000_aef81f0feeb0d7fd.txt"));
        var probe = SeedData.importDocument(
                        importer,
                        "system-test-probe.txt",
                        seed.replace("10.37421/2684-4915.2025.9.387", "10.37421/atlas-system-test.probe"))
                .orElseThrow();
        var probeStatus = SeedData.awaitJobs(importer, List.of(probe), Duration.ofMinutes(2));
        Assumptions.assumeTrue(
                "SUCCEEDED".equals(probeStatus.get(probe)),
                () -> "Skipped: this build's import service cannot import one document (job " + probe + " "
                        + importer.query(
                                        "query($id: ID!) { importJob(id: $id) { status errors { code message } } }",
                                        Map.of("id", probe),
                                        null)
                                .body()
                        + "); the kill-and-resume test needs working imports");
        int articlesBefore = totalCount(references, "articles");
        var jobs = new ArrayList<String>();
        try {
            for (int n = 0; n < IMPORT_DOCUMENTS; n++) {
                var text = seed.replace(
                                "# Defying Treatment: Novel Therapies for Refractory Conditions",
                                "# Defying Treatment: Novel Therapies for Refractory Conditions, part " + n)
                        .replace("10.37421/2684-4915.2025.9.387", "10.37421/atlas-system-test." + n);
                var job = SeedData.importDocument(importer, "system-test-" + n + ".txt", text);
                assertThat(job).as("import %d accepted", n).isPresent();
                jobs.add(job.orElseThrow());
            }
            awaitAnySucceeded(importer, jobs, Duration.ofMinutes(2));
            system.kill(AtlasSystem.IMPORT);
            system.restart(AtlasSystem.IMPORT);

            var statuses = SeedData.awaitJobs(importer, jobs, IMPORT_BOUND);
            var firstFailure = statuses.entrySet().stream()
                    .filter(entry -> !"SUCCEEDED".equals(entry.getValue()))
                    .findFirst()
                    .map(entry -> importer.query(
                                    "query($id: ID!) { importJob(id: $id) { status errors { code message line } } }",
                                    Map.of("id", entry.getKey()),
                                    null)
                            .body())
                    .orElse("");
            assertThat(statuses.values())
                    .as("every job ends SUCCEEDED; first other: %s", firstFailure)
                    .containsOnly("SUCCEEDED");
            assertThat(statuses).hasSize(IMPORT_DOCUMENTS);
            for (var job : jobs) {
                var counts = importer.query(
                                "query($id: ID!) { importJob(id: $id) { counts { articles } article { id } } }",
                                Map.of("id", job),
                                null)
                        .data()
                        .path("importJob");
                assertThat(counts.path("counts").path("articles").asInt())
                        .as(job)
                        .isEqualTo(1);
            }
            assertThat(totalCount(references, "articles"))
                    .as("one article per document, none duplicated")
                    .isEqualTo(articlesBefore + IMPORT_DOCUMENTS);
        } finally {
            ensureRunning(system, AtlasSystem.IMPORT);
        }
    }

    private static void awaitAnySucceeded(GraphQl importer, List<String> jobs, Duration timeout) {
        var deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (var job : jobs.subList(0, Math.min(5, jobs.size()))) {
                if ("SUCCEEDED".equals(SeedData.jobStatus(importer, job))) {
                    return;
                }
            }
            ServiceProcess.sleep(Duration.ofMillis(200));
        }
    }

    private static int totalCount(GraphQl subgraph, String field) {
        return subgraph.query("{ " + field + "(first: 1) { totalCount } }")
                .data()
                .path(field)
                .path("totalCount")
                .asInt(-1);
    }

    private static Map<String, Object> therapyBatch(String id) {
        return Map.of(
                "conditions", List.of(),
                "therapies", List.of(Map.of("id", id, "name", id, "aliases", List.of(), "kind", "DRUG")),
                "mechanisms", List.of(),
                "treatments", List.of());
    }

    private static boolean awaitFullAnswer(GraphQl gateway, Map<String, String> variables, Duration bound) {
        var deadline = Instant.now().plus(bound);
        while (Instant.now().isBefore(deadline)) {
            var response = gateway.query(MIXED, variables, "Mixed");
            // the reference may not exist (no data yet): a full answer is one without errors
            if (response.status() == 200
                    && response.errors().isEmpty()
                    && response.data().path("conditions").isObject()) {
                return true;
            }
            ServiceProcess.sleep(Duration.ofMillis(500));
        }
        return false;
    }

    private static void ensureRunning(AtlasSystem system, String service) {
        if (!system.process(service).alive()) {
            system.restart(service);
        }
    }
}
