package com.refractoryatlas.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Parsing must never block request handling. Two importers keep submitting hostile documents (about 70 KB each,
 * built to be expensive to read: thousands of reference-like lines and citation markers, deep brackets, one huge
 * unbroken line) so that both import workers stay busy, while clients read {@code importJobs} through the gateway and
 * the import service's and gateway's health. Their p99 must stay under the bound (generous, for a shared machine).
 * Benchmark-tagged: {@code ./mvnw -B -ntp -pl system-tests -am verify -Pbenchmark
 * -Dtest=ImportIsolationBenchmarkTests -Dsurefire.failIfNoSpecifiedTests=false}; writes
 * {@code benchmarks/import-isolation.txt} under the harness's work directory.
 */
@Tag("benchmark")
@ExtendWith(AtlasSystemExtension.class)
class ImportIsolationBenchmarkTests {

    private static final Duration DURATION = Duration.ofSeconds(Long.getLong("atlas.isolation.seconds", 60));
    private static final int CLIENTS = Integer.getInteger("atlas.isolation.clients", 4);
    private static final double P99_BOUND_MILLIS = Double.parseDouble(System.getProperty("atlas.isolation.p99", "100"));
    /** The gateway's default development secret (EdgeProperties.LOCAL_DEV_JWT_SECRET). */
    private static final String JWT_SECRET = "local-dev-only-jwt-secret-do-not-use-in-production";

    private static final String IMPORT =
            "mutation($input: ImportDocumentInput!) { importDocument(input: $input) { id } }";
    private static final String JOBS = "{ importJobs(first: 10) { totalCount edges { node { id status progress } } } }";
    private static final int HOSTILE_BYTES = 70 * 1024;

    @Test
    void importJobsAndHealthStayFastWhileTwoImportersKeepBothWorkersBusy(AtlasSystem system) throws Exception {
        Capabilities.requireGatewayGraphQl(system);
        var gateway = new GraphQl(system.gatewayUrl());
        var alice = gateway.withHeaders(Map.of("Authorization", "Bearer " + token("alice")));
        var bob = gateway.withHeaders(Map.of("Authorization", "Bearer " + token("bob")));
        var importHealth = system.baseUrl(AtlasSystem.IMPORT).resolve("/actuator/health/readiness");
        var gatewayHealth = system.baseUrl(AtlasSystem.GATEWAY).resolve("/actuator/health/readiness");

        var stop = new AtomicBoolean();
        var submitted = new AtomicInteger();
        var submitters = List.of(
                Thread.ofPlatform().start(() -> keepSubmitting(alice, "alice", stop, submitted)),
                Thread.ofPlatform().start(() -> keepSubmitting(bob, "bob", stop, submitted)));
        ServiceProcess.sleep(Duration.ofSeconds(5));
        List<LoadDriver.Sample> samples;
        try (var load = new LoadDriver(CLIENTS, true, n -> switch ((int) (n % 3)) {
            case 0 -> alice.query(JOBS);
            case 1 -> get(importHealth);
            default -> get(gatewayHealth);
        })) {
            ServiceProcess.sleep(DURATION);
            samples = load.samples();
        } finally {
            stop.set(true);
            for (var thread : submitters) {
                thread.join(Duration.ofSeconds(30));
            }
        }

        var jobs = samples.stream().filter(s -> s.sequence() % 3 == 0).toList();
        var health = samples.stream().filter(s -> s.sequence() % 3 == 1).toList();
        var gatewayHealthSamples =
                samples.stream().filter(s -> s.sequence() % 3 == 2).toList();
        var failed =
                samples.stream().filter(s -> s.status() != 200 || s.hasErrors()).toList();
        var report = ("Import isolation: %s%n%d clients for %ds while 2 importers submit %d-byte hostile documents"
                                + " (%d submitted)%n")
                        .formatted(Benchmarks.machine(), CLIENTS, DURATION.toSeconds(), HOSTILE_BYTES, submitted.get())
                + line("importJobs via gateway", jobs)
                + line("import-service health", health)
                + line("gateway health", gatewayHealthSamples)
                + "errors %d%n".formatted(failed.size());
        Benchmarks.report(system, "import-isolation", report);
        assertThat(failed)
                .as(
                        "first failures: %s",
                        failed.stream().limit(3).map(LoadDriver.Sample::body).toList())
                .isEmpty();
        assertThat(submitted.get()).as("hostile documents submitted").isGreaterThanOrEqualTo(2);
        assertThat(LoadDriver.percentileMillis(jobs, 99)).isLessThan(P99_BOUND_MILLIS);
        assertThat(LoadDriver.percentileMillis(health, 99)).isLessThan(P99_BOUND_MILLIS);
    }

    private static String line(String name, List<LoadDriver.Sample> samples) {
        return "  %-24s %6d requests, p50 %8.2f ms, p95 %8.2f ms, p99 %8.2f ms%n"
                .formatted(
                        name,
                        samples.size(),
                        LoadDriver.percentileMillis(samples, 50),
                        LoadDriver.percentileMillis(samples, 95),
                        LoadDriver.percentileMillis(samples, 99));
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

    /** An HS256 token with role importer, as the gateway's TokenMinter makes them. */
    static String token(String subject) throws Exception {
        var encoder = Base64.getUrlEncoder().withoutPadding();
        var header = encoder.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8));
        long exp = Instant.now().plus(Duration.ofHours(1)).getEpochSecond();
        var claims = "{\"sub\":\"" + subject + "\",\"roles\":[\"importer\"],\"exp\":" + exp + "}";
        var payload = encoder.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(JWT_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        var signature =
                encoder.encodeToString(mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII)));
        return header + "." + payload + "." + signature;
    }
}
