package com.refractoryatlas.catalog.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.catalog.CatalogFixtures;
import com.refractoryatlas.catalog.CatalogIntegrationTest;
import com.refractoryatlas.mongo.MongoCommandCounter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

/**
 * Latency and throughput of {@code conditions(first: 50)} with each condition's treatments and therapies, sent over
 * HTTP straight to the subgraph by 16 concurrent clients, on a generated catalog of 10,000 conditions, 20,000
 * therapies and 100,000 treatments; plus the MongoDB commands one such request costs at two page sizes. Run with
 * {@code ./mvnw -pl catalog-service test -Pbenchmark}; figures go to stdout and
 * {@code target/benchmarks/catalog-query.txt}. Sizes and durations can be overridden with system properties
 * ({@code benchmark.conditions}, {@code benchmark.seconds}, ...).
 */
@Tag("benchmark")
@CatalogIntegrationTest
class CatalogQueryBenchmark {

    private static final int CONDITIONS = Integer.getInteger("benchmark.conditions", 10_000);
    private static final int THERAPIES = Integer.getInteger("benchmark.therapies", 20_000);
    private static final int TREATMENTS = Integer.getInteger("benchmark.treatments", 100_000);
    private static final int CLIENTS = Integer.getInteger("benchmark.clients", 16);
    private static final int PAGE = Integer.getInteger("benchmark.page", 50);
    private static final int PAGES_VISITED = 20;
    private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("benchmark.warmup", 10));
    private static final Duration MEASURED = Duration.ofSeconds(Integer.getInteger("benchmark.seconds", 20));
    private static final long MAX_LATENCY_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final int SIGNIFICANT_DIGITS = 3;
    private static final Pattern END_CURSOR = Pattern.compile("\"endCursor\":\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    CatalogFixtures fixtures;

    @Autowired
    CatalogDataGenerator generator;

    @Autowired
    MongoCommandCounter counter;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();

    @Test
    void conditionsWithTreatmentsAndTherapies() throws Exception {
        var report = new StringBuilder();
        fixtures.clear();
        long loadStarted = System.nanoTime();
        generator.generate(new CatalogDataGenerator.Size(CONDITIONS, THERAPIES, TREATMENTS));
        line(
                report,
                "Loaded %,d conditions, %,d therapies, %,d treatments in %.1f s (bulk upserts through the facades)",
                CONDITIONS,
                THERAPIES,
                TREATMENTS,
                seconds(System.nanoTime() - loadStarted));

        var document = new ClassPathResource("graphql-test/conditionsWithTreatments.graphql")
                .getContentAsString(StandardCharsets.UTF_8);
        for (int first : List.of(10, PAGE)) {
            send(document, first, null);
            counter.reset();
            send(document, first, null);
            line(report, "MongoDB commands per request, first=%d: %d", first, counter.total());
        }

        var cursors = new ArrayList<@Nullable String>();
        cursors.add(null);
        for (int i = 1; i < PAGES_VISITED; i++) {
            var matcher = END_CURSOR.matcher(send(document, PAGE, cursors.getLast()));
            assertThat(matcher.find()).isTrue();
            cursors.add(matcher.group(1));
        }
        var bodies =
                cursors.stream().map(cursor -> body(document, PAGE, cursor)).toList();

        run(bodies, WARM_UP, new Histogram(MAX_LATENCY_NANOS, SIGNIFICANT_DIGITS), new AtomicLong());
        var histogram = new Histogram(MAX_LATENCY_NANOS, SIGNIFICANT_DIGITS);
        var failures = new AtomicLong();
        long started = System.nanoTime();
        run(bodies, MEASURED, histogram, failures);
        double elapsed = seconds(System.nanoTime() - started);

        line(
                report,
                "conditions(first: %d) { treatments { therapy } }, %d clients, %d s after %d s warm-up, %d pages cycled",
                PAGE,
                CLIENTS,
                MEASURED.toSeconds(),
                WARM_UP.toSeconds(),
                PAGES_VISITED);
        line(
                report,
                "requests %,d (failed %d), throughput %.1f req/s",
                histogram.getTotalCount(),
                failures.get(),
                histogram.getTotalCount() / elapsed);
        line(
                report,
                "latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f",
                millis(histogram.getValueAtPercentile(50)),
                millis(histogram.getValueAtPercentile(90)),
                millis(histogram.getValueAtPercentile(99)),
                millis(histogram.getMaxValue()));
        line(
                report,
                "machine: %d cores visible to the JVM, shared with other builds; embedded in-memory MongoDB",
                Runtime.getRuntime().availableProcessors());

        System.out.print(report);
        var out = Path.of("target", "benchmarks", "catalog-query.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        assertThat(failures.get()).isZero();
    }

    private void run(List<String> bodies, Duration duration, Histogram histogram, AtomicLong failures)
            throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.submit(() -> {
                    var local = new Histogram(MAX_LATENCY_NANOS, SIGNIFICANT_DIGITS);
                    for (int i = client; System.nanoTime() < deadline; i++) {
                        long start = System.nanoTime();
                        boolean ok = post(bodies.get(i % bodies.size()));
                        local.recordValue(Math.min(System.nanoTime() - start, MAX_LATENCY_NANOS));
                        if (!ok) {
                            failures.incrementAndGet();
                        }
                    }
                    synchronized (histogram) {
                        histogram.add(local);
                    }
                });
            }
        }
    }

    private boolean post(String body) {
        try {
            var response = http.send(request(body), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && !response.body().contains("\"errors\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String send(String document, int first, @Nullable String after) throws IOException, InterruptedException {
        var response = http.send(request(body(document, first, after)), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("\"errors\"");
        return response.body();
    }

    private HttpRequest request(String body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static String body(String document, int first, @Nullable String after) {
        var variables =
                after == null ? "{\"first\":" + first + "}" : "{\"first\":" + first + ",\"after\":\"" + after + "\"}";
        return "{\"query\":\"" + escape(document) + "\",\"variables\":" + variables + "}";
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static void line(StringBuilder report, String format, Object... args) {
        report.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
