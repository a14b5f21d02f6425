package com.refractoryatlas.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Parsing must never block request handling. Two importers keep submitting hostile documents (about 70 KB each,
 * built to be expensive to read: thousands of reference-like lines and citation markers, deep brackets, one huge
 * unbroken line) so that both import workers stay busy, while probes read {@code importJobs} through the gateway and
 * the import service's and gateway's health. The probes are open-loop (a request every {@code atlas.isolation.interval}
 * milliseconds each, whether or not the last one answered, as monitoring and users send them), after a warm-up that
 * is not reported (the JIT compiles the probed paths and the import path), first on the idle system for a baseline,
 * then under the import load; their p99 under load must stay under the bound. The report also
 * gives the jobs' outcomes and each process's CPU during the loaded window, to show where the machine's time went.
 * Benchmark-tagged: {@code ./mvnw -B -ntp -pl system-tests test -Pbenchmark -Dtest=ImportIsolationBenchmarkTests
 * -Dsurefire.failIfNoSpecifiedTests=false} (after {@code ./mvnw -B -ntp install -DskipTests}); writes
 * {@code benchmarks/import-isolation.txt} under the harness's work directory.
 */
@Tag("benchmark")
@ExtendWith(AtlasSystemExtension.class)
class ImportIsolationBenchmarkTests {

    private static final Duration DURATION = Duration.ofSeconds(Long.getLong("atlas.isolation.seconds", 60));
    private static final Duration BASELINE = Duration.ofSeconds(Long.getLong("atlas.isolation.baselineSeconds", 15));
    private static final Duration WARMUP = Duration.ofSeconds(Long.getLong("atlas.isolation.warmupSeconds", 30));
    private static final Duration INTERVAL = Duration.ofMillis(Long.getLong("atlas.isolation.interval", 100));
    private static final double P99_BOUND_MILLIS = Double.parseDouble(System.getProperty("atlas.isolation.p99", "100"));

    private static final String IMPORT =
            "mutation($input: ImportDocumentInput!) { importDocument(input: $input) { id } }";
    private static final String JOBS = "{ importJobs(first: 10) { totalCount edges { node { id status progress } } } }";
    private static final String OUTCOMES = "{ succeeded: importJobs(status: SUCCEEDED, first: 1) { totalCount }"
            + " failed: importJobs(status: FAILED, first: 1) { totalCount edges { node { errors { code } } } } }";
    private static final int HOSTILE_BYTES = 70 * 1024;
    private static final int SLOWEST = 8;

    @Test
    void importJobsAndHealthStayFastWhileTwoImportersKeepBothWorkersBusy(AtlasSystem system) throws Exception {
        Capabilities.requireGatewayGraphQl(system);
        var gateway = new GraphQl(system.gatewayUrl());
        var alice = gateway.withHeaders(Map.of("Authorization", "Bearer " + GatewayTokens.importer("alice")));
        var bob = gateway.withHeaders(Map.of("Authorization", "Bearer " + GatewayTokens.importer("bob")));
        var importHealth = system.baseUrl(AtlasSystem.IMPORT).resolve("/actuator/health/readiness");
        var gatewayHealth = system.baseUrl(AtlasSystem.GATEWAY).resolve("/actuator/health/readiness");
        var probes = new LinkedHashMap<String, Supplier<GraphQl.Response>>();
        probes.put("importJobs via gateway", () -> alice.query(JOBS));
        probes.put("import-service health", () -> get(importHealth));
        probes.put("gateway health", () -> get(gatewayHealth));

        // warm-up, not reported: the JIT compiles the probed paths and the import path before anything is measured
        var warmupStop = new AtomicBoolean();
        var warmupSubmitter =
                Thread.ofPlatform().start(() -> keepSubmitting(alice, "warmup", warmupStop, new AtomicInteger()));
        try {
            probe(probes, WARMUP);
        } finally {
            warmupStop.set(true);
            warmupSubmitter.join(Duration.ofSeconds(30));
        }
        awaitFinished(alice, Duration.ofMinutes(2));
        var idle = probe(probes, BASELINE);

        var stop = new AtomicBoolean();
        var submitted = new AtomicInteger();
        var submitters = List.of(
                Thread.ofPlatform().start(() -> keepSubmitting(alice, "alice", stop, submitted)),
                Thread.ofPlatform().start(() -> keepSubmitting(bob, "bob", stop, submitted)));
        Map<String, List<LoadDriver.Sample>> loaded;
        Map<String, Long> cpuBefore;
        Map<String, Long> cpuAfter;
        Instant loadedFrom;
        Instant loadedTo;
        long benchmarkGcBefore;
        long benchmarkGcAfter;
        try {
            ServiceProcess.sleep(Duration.ofSeconds(5));
            cpuBefore = cpuNanos(system);
            benchmarkGcBefore = gcMillis();
            loadedFrom = Instant.now();
            loaded = probe(probes, DURATION);
            loadedTo = Instant.now();
            benchmarkGcAfter = gcMillis();
            cpuAfter = cpuNanos(system);
        } finally {
            stop.set(true);
            for (var thread : submitters) {
                thread.join(Duration.ofSeconds(30));
            }
        }

        var report = new StringBuilder();
        report.append("Import isolation: %s; shared embedded MongoDB-wire server storage: %s (-Datlas.mongo.storage)%n"
                .formatted(Benchmarks.machine(), System.getProperty("atlas.mongo.storage", "file")));
        report.append(("open-loop probes, one request every %d ms each, after %ds of warm-up (probes and one importer,"
                        + " not reported): %ds idle, then %ds while 2 importers submit")
                .formatted(INTERVAL.toMillis(), WARMUP.toSeconds(), BASELINE.toSeconds(), DURATION.toSeconds()));
        report.append(" %d-byte hostile documents (%d submitted)%n".formatted(HOSTILE_BYTES, submitted.get()));
        report.append("  jobs: %s%n".formatted(outcomes(alice, bob)));
        loaded.forEach((name, samples) ->
                report.append(line(name + ", idle", idle.get(name))).append(line(name + ", loaded", samples)));
        report.append(
                "  slowest loaded samples (sent at, ms), to set beside the GC logs' wall-clock times:%n".formatted());
        loaded.forEach((name, samples) -> report.append("    %-28s %s%n".formatted(name, slowest(samples))));
        report.append("  CPU during the loaded window (cores busy):");
        cpuAfter.forEach((process, nanos) -> report.append(" %s %.2f"
                .formatted(process, (nanos - cpuBefore.getOrDefault(process, nanos)) / (double) DURATION.toNanos())));
        report.append("%n  GC pauses during the loaded window (count / total ms / longest ms):".formatted());
        for (var process : cpuAfter.keySet()) {
            if (!process.equals("benchmark")) {
                report.append(
                        " %s %s".formatted(process, Benchmarks.gcPauses(system.gcLog(process), loadedFrom, loadedTo)));
            }
        }
        report.append(" benchmark %d ms in all".formatted(benchmarkGcAfter - benchmarkGcBefore));
        var failed = loaded.values().stream()
                .flatMap(List::stream)
                .filter(s -> s.status() != 200 || s.hasErrors())
                .toList();
        report.append("%n  errors %d%n".formatted(failed.size()));
        Benchmarks.report(system, "import-isolation", report.toString());

        assertThat(failed)
                .as(
                        "first failures: %s",
                        failed.stream().limit(3).map(LoadDriver.Sample::body).toList())
                .isEmpty();
        assertThat(submitted.get()).as("hostile documents submitted").isGreaterThanOrEqualTo(2);
        assertThat(p99(loaded.get("importJobs via gateway"))).isLessThan(P99_BOUND_MILLIS);
        assertThat(p99(loaded.get("import-service health"))).isLessThan(P99_BOUND_MILLIS);
        assertThat(p99(loaded.get("gateway health"))).isLessThan(P99_BOUND_MILLIS);
    }

    /**
     * Sends every probe once per interval for {@code duration}, each request on its own virtual thread so that a slow
     * answer never delays the next request (open loop: no coordinated omission), and returns the outcomes per probe.
     */
    private static Map<String, List<LoadDriver.Sample>> probe(
            Map<String, Supplier<GraphQl.Response>> probes, Duration duration) throws InterruptedException {
        var samples = new LinkedHashMap<String, Queue<LoadDriver.Sample>>();
        probes.keySet().forEach(name -> samples.put(name, new ConcurrentLinkedQueue<>()));
        try (var requests = Executors.newVirtualThreadPerTaskExecutor()) {
            long start = System.nanoTime();
            for (long tick = 0; System.nanoTime() - start < duration.toNanos(); tick++) {
                long due = start + tick * INTERVAL.toNanos();
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(Duration.ofNanos(wait));
                }
                long sequence = tick;
                probes.forEach((name, request) ->
                        requests.submit(() -> samples.get(name).add(timed(sequence, request))));
            }
        }
        var result = new LinkedHashMap<String, List<LoadDriver.Sample>>();
        samples.forEach((name, queue) -> result.put(name, List.copyOf(queue)));
        return result;
    }

    private static LoadDriver.Sample timed(long sequence, Supplier<GraphQl.Response> request) {
        var at = Instant.now();
        long start = System.nanoTime();
        try {
            var response = request.get();
            return new LoadDriver.Sample(
                    sequence,
                    at,
                    System.nanoTime() - start,
                    response.status(),
                    !response.errors().isMissingNode() && !response.errors().isEmpty(),
                    response.body());
        } catch (RuntimeException e) {
            return new LoadDriver.Sample(sequence, at, System.nanoTime() - start, -1, true, String.valueOf(e));
        }
    }

    private static String slowest(List<LoadDriver.Sample> samples) {
        var time = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(java.time.ZoneOffset.UTC);
        return samples.stream()
                .sorted(java.util.Comparator.comparingLong(LoadDriver.Sample::nanos)
                        .reversed())
                .limit(SLOWEST)
                .map(sample -> "%s %.0f".formatted(time.format(sample.at()), sample.nanos() / 1e6))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static double p99(List<LoadDriver.Sample> samples) {
        return LoadDriver.percentileMillis(samples, 99);
    }

    private static String line(String name, List<LoadDriver.Sample> samples) {
        return "  %-32s %6d requests, p50 %8.2f ms, p95 %8.2f ms, p99 %8.2f ms, max %8.2f ms%n"
                .formatted(
                        name,
                        samples.size(),
                        LoadDriver.percentileMillis(samples, 50),
                        LoadDriver.percentileMillis(samples, 95),
                        LoadDriver.percentileMillis(samples, 99),
                        LoadDriver.percentileMillis(samples, 100));
    }

    /** The probing JVM's own collection time so far: its pauses delay the probes as much as the services' do. */
    private static long gcMillis() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime)
                .filter(millis -> millis > 0)
                .sum();
    }

    private static Map<String, Long> cpuNanos(AtlasSystem system) {
        var times = new LinkedHashMap<String, Long>();
        system.processHandles()
                .forEach((name, handle) ->
                        handle.info().totalCpuDuration().ifPresent(cpu -> times.put(name, cpu.toNanos())));
        ProcessHandle.current().info().totalCpuDuration().ifPresent(cpu -> times.put("benchmark", cpu.toNanos()));
        return times;
    }

    private static final String PROGRESS = "{ all: importJobs(first: 1) { totalCount }"
            + " succeeded: importJobs(status: SUCCEEDED, first: 1) { totalCount }"
            + " failed: importJobs(status: FAILED, first: 1) { totalCount } }";

    /** Waits until every job of {@code importer} has ended, so that the idle baseline is idle. */
    private static void awaitFinished(GraphQl importer, Duration timeout) {
        var deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            var data = importer.query(PROGRESS).data();
            int all = data.path("all").path("totalCount").asInt();
            int ended = data.path("succeeded").path("totalCount").asInt()
                    + data.path("failed").path("totalCount").asInt();
            if (all == ended) {
                return;
            }
            ServiceProcess.sleep(Duration.ofMillis(500));
        }
        throw new AssertionError("the warm-up's import jobs did not end within " + timeout);
    }

    /** How the importers' jobs ended, by status and error code (each importer sees its own jobs). */
    private static String outcomes(GraphQl... importers) {
        var text = new StringBuilder();
        for (var importer : importers) {
            var data = importer.query(OUTCOMES).data();
            text.append(text.isEmpty() ? "" : "; ")
                    .append("succeeded ")
                    .append(data.path("succeeded").path("totalCount").asInt())
                    .append(", failed ")
                    .append(data.path("failed").path("totalCount").asInt());
            var code = data.path("failed")
                    .path("edges")
                    .path(0)
                    .path("node")
                    .path("errors")
                    .path(0)
                    .path("code");
            if (!code.asString("").isEmpty()) {
                text.append(" (e.g. ").append(code.asString()).append(")");
            }
        }
        return text.toString();
    }

    /** Submits hostile documents until told to stop, pausing while the importer's queue share is full. */
    private static void keepSubmitting(GraphQl importer, String who, AtomicBoolean stop, AtomicInteger submitted) {
        int n = 0;
        while (!stop.get()) {
            var text = hostile(who + "-" + n);
            var response = importer.query(
                    IMPORT, Map.of("input", Map.of("source", who + "-hostile-" + n + ".txt", "text", text)), null);
            if (response.status() == 200 && response.errors().isEmpty()) {
                submitted.incrementAndGet();
                n++;
            } else {
                ServiceProcess.sleep(Duration.ofMillis(500));
            }
        }
    }

    /** About 70 KB meant to be expensive to read, different for every {@code salt} (so none is deduplicated). */
    static String hostile(String salt) {
        var text = new StringBuilder(HOSTILE_BYTES + 1024);
        text.append("# Treatment-refractory everything ").append(salt).append("\n\n## Introduction\n\n");
        for (int i = 0; text.length() < HOSTILE_BYTES / 3; i++) {
            text.append("Refractory depression [")
                    .append(i % 500 + 1)
                    .append("-")
                    .append(i % 500 + 90)
                    .append("] resists ketamine [1,2,3,4,5,6,7,8,9] (((((( ");
        }
        text.append("\n\n").append("x".repeat(HOSTILE_BYTES / 6)).append("\n\n## References\n\n");
        for (int i = 1; text.length() < HOSTILE_BYTES; i++) {
            text.append(i)
                    .append(". Smith J, Doe A. \"Title ")
                    .append(i)
                    .append(salt)
                    .append("\" *J Psychiatry*. 2020;")
                    .append(i)
                    .append(":1-")
                    .append(i)
                    .append(".\n");
        }
        return text.toString();
    }

    private static GraphQl.Response get(URI url) {
        try {
            var response = HTTP.send(
                    HttpRequest.newBuilder(url)
                            .timeout(Duration.ofSeconds(30))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return new GraphQl.Response(response.statusCode(), response.headers(), "{}");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
}
