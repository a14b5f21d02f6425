package com.refractoryatlas.references;

import com.refractoryatlas.references.article.Articles;
import com.refractoryatlas.references.export.CitationRenderer;
import com.refractoryatlas.references.export.CitationStyle;
import com.refractoryatlas.references.reference.References;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Query latency at 100,000 references: {@code references(filter: {text})} under 16 concurrent HTTP clients,
 * {@code _entities} for 100 references, and the Vancouver rendering rate. Run with
 * {@code ./mvnw -pl references-service test -Pbenchmark}; figures go to stdout and
 * {@code target/benchmarks/references.txt}. Sizes and durations are system properties
 * ({@code bench.references}, {@code bench.articles}, {@code bench.clients}, {@code bench.seconds},
 * {@code bench.warmupSeconds}).
 */
@Tag("benchmark")
class ReferencesBenchmarkTests extends IntegrationTestSupport {

    private static final List<String> SEARCHES = List.of(
            "ketamine",
            "refractory epilepsy",
            "clozap",
            "vagus stimulation",
            "crohn infliximab",
            "sepsis shock",
            "lithium bipolar",
            "ecmo",
            "systematic review migraine",
            "rituximab lupus");
    private static final String SEARCH_QUERY =
            "query($t: String!) { references(filter: {text: $t}, first: 20) { totalCount edges { node { id title year } } } }";

    @Autowired
    References references;

    @Autowired
    Articles articles;

    @Autowired
    CitationRenderer renderer;

    @Value("${local.server.port}")
    int port;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void measuresQueriesAtOneHundredThousandReferences() throws Exception {
        int referenceCount = Integer.getInteger("bench.references", 100_000);
        int articleCount = Integer.getInteger("bench.articles", 5_000);
        int clients = Integer.getInteger("bench.clients", 16);
        int seconds = Integer.getInteger("bench.seconds", 30);
        int warmup = Integer.getInteger("bench.warmupSeconds", 10);
        var report = new StringBuilder();
        line(
                report,
                "references-service benchmark (%d references, %d articles, embedded MongoDB-wire server, %d cores)"
                        .formatted(
                                referenceCount,
                                articleCount,
                                Runtime.getRuntime().availableProcessors()));

        long loadStart = System.nanoTime();
        var ids = CorpusGenerator.load(references, articles, referenceCount, articleCount, 42);
        line(report, "load: %.1f s (bulk writes through the repositories)".formatted(seconds(loadStart)));

        search(report, clients, warmup, seconds);
        entities(report, ids);
        rendering(report, ids);

        var out = Path.of("target", "benchmarks", "references.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
    }

    private void search(StringBuilder report, int clients, int warmupSeconds, int seconds) throws Exception {
        runLoad(clients, warmupSeconds);
        var latencies = new ConcurrentLinkedQueue<Long>();
        var errors = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(seconds).toNanos();
        try (var executor = Executors.newFixedThreadPool(clients)) {
            for (int c = 0; c < clients; c++) {
                int client = c;
                executor.submit(() -> {
                    int i = client;
                    while (System.nanoTime() < deadline) {
                        long t0 = System.nanoTime();
                        boolean ok = post(SEARCH_QUERY, Map.of("t", SEARCHES.get(i++ % SEARCHES.size())));
                        latencies.add(System.nanoTime() - t0);
                        if (!ok) {
                            errors.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
        double elapsed = seconds(start);
        var sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        line(
                report,
                "references(filter: {text}, first: 20), %d clients over HTTP, %.0f s: %d requests, %d errors"
                        .formatted(clients, elapsed, sorted.length, errors.get()));
        line(
                report,
                "  throughput %.1f req/s; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms"
                        .formatted(
                                sorted.length / elapsed,
                                percentile(sorted, 50),
                                percentile(sorted, 95),
                                percentile(sorted, 99),
                                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6));
    }

    private void runLoad(int clients, int seconds) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        try (var executor = Executors.newFixedThreadPool(clients)) {
            for (int c = 0; c < clients; c++) {
                int client = c;
                executor.submit(() -> {
                    int i = client;
                    while (System.nanoTime() < deadline) {
                        post(SEARCH_QUERY, Map.of("t", SEARCHES.get(i++ % SEARCHES.size())));
                    }
                    return null;
                });
            }
        }
    }

    private void entities(StringBuilder report, List<String> ids) throws Exception {
        var representations = ids.subList(0, 100).stream()
                .map(id -> "{\"__typename\":\"Reference\",\"id\":\"" + id + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
        var plain =
                "query($r: [_Any!]!) { _entities(representations: $r) { ... on Reference { id title authors { family given suffix } journal year doi } } }";
        var withCitedBy =
                "query($r: [_Any!]!) { _entities(representations: $r) { ... on Reference { id title citedBy { id title } } } }";
        line(report, "_entities, 100 references in one call: " + latencyOf(plain, representations));
        line(report, "_entities, 100 references + citedBy in one call: " + latencyOf(withCitedBy, representations));
    }

    private String latencyOf(String query, String representationsJson) throws Exception {
        int runs = 50;
        var samples = new long[runs];
        for (int i = 0; i < 10; i++) {
            postRaw(query, "{\"r\":" + representationsJson + "}");
        }
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            postRaw(query, "{\"r\":" + representationsJson + "}");
            samples[i] = System.nanoTime() - t0;
        }
        Arrays.sort(samples);
        return "p50 %.1f ms, p99 %.1f ms (%d sequential calls)"
                .formatted(percentile(samples, 50), percentile(samples, 99), runs);
    }

    private void rendering(StringBuilder report, List<String> ids) {
        var sample =
                new ArrayList<>(references.findAllById(ids.subList(0, 2_000)).values());
        renderer.renderAll(sample.subList(0, 200), CitationStyle.VANCOUVER);
        long start = System.nanoTime();
        var rendered = renderer.renderAll(sample, CitationStyle.VANCOUVER);
        double elapsed = seconds(start);
        line(
                report,
                "Vancouver rendering (citeproc-java, one processor, one thread): %d references in %.2f s = %.0f references/s"
                        .formatted(rendered.size(), elapsed, rendered.size() / elapsed));
    }

    private boolean post(String query, Map<String, String> variables) {
        var json = variables.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
                .collect(Collectors.joining(",", "{", "}"));
        try {
            return postRaw(query, json);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private boolean postRaw(String query, String variablesJson) throws IOException, InterruptedException {
        var body = "{\"query\":\"" + query.replace("\"", "\\\"") + "\",\"variables\":" + variablesJson + "}";
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .header(com.refractoryatlas.subgraph.Caller.SERVICE_TOKEN_HEADER, SERVICE_TOKEN)
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 && !response.body().contains("\"errors\"");
    }

    private static double percentile(long[] sortedNanos, int percentile) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void line(StringBuilder report, String text) {
        System.out.println(text);
        report.append(text).append('\n');
    }
}
