package com.refractoryatlas.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;

/** Shared by the benchmarks: wrk runs, machine description, and the report files under target/benchmarks. */
final class Benchmarks {

    static final String ONE_SUBGRAPH =
            "query OneSubgraph { conditions(first: 10) { edges { node { id name specialty aliases } } } }";
    static final String FOUR_LEVELS = "query FourLevels { conditions(first: 5) { edges { node { id name treatments {"
            + " role evidence { id title citedBy { id title importJob { id status } } } } } } } }";

    /** One autocannon measurement. */
    record Load(double rps, double p50, double p90, double p99, long requests, long errors, long non2xx) {

        static Load of(JsonNode json) {
            return new Load(
                    json.path("rps").asDouble(),
                    json.path("p50").asDouble(),
                    json.path("p90").asDouble(),
                    json.path("p99").asDouble(),
                    json.path("requests").asLong(),
                    json.path("errors").asLong(),
                    json.path("non2xx").asLong());
        }

        String line(String label) {
            return "%-44s %9.1f req/s   p50 %7.2f ms   p90 %7.2f ms   p99 %7.2f ms   (%d requests, %d errors, %d non-2xx)"
                    .formatted(label, rps, p50, p90, p99, requests, errors, non2xx);
        }
    }

    private static final int WRK_THREADS = 2;

    private Benchmarks() {}

    /**
     * Closed-loop load with wrk (Debian package {@code wrk}): {@code connections} keep-alive connections posting one
     * GraphQL body for {@code duration}. wrk rather than autocannon: autocannon's latency histogram disagreed with its
     * own request count against the Tomcat-served targets (p50 96 ms at 697 req/s on one connection).
     */
    static Load wrk(URI url, String query, int connections, Duration duration) {
        try {
            var body = Files.createTempFile("atlas-bench", ".json");
            var script = Files.createTempFile("atlas-bench", ".lua");
            try (var lua = Benchmarks.class.getResourceAsStream("/wrk/graphql.lua")) {
                Files.write(script, lua.readAllBytes());
            }
            Files.writeString(body, GraphQl.JSON.writeValueAsString(Map.of("query", query)));
            var result = Node.exec(
                    Path.of("."),
                    duration.plusMinutes(1),
                    Map.of("WRK_BODY_FILE", body.toString()),
                    "wrk",
                    "-t" + Math.min(WRK_THREADS, connections),
                    "-c" + connections,
                    "-d" + duration.toSeconds() + "s",
                    "--timeout",
                    "30s",
                    "-s",
                    script.toString(),
                    url.toString());
            Files.deleteIfExists(body);
            Files.deleteIfExists(script);
            var json = result.output()
                    .lines()
                    .filter(line -> line.startsWith("{"))
                    .reduce((first, last) -> last)
                    .orElseThrow(() -> new IllegalStateException("wrk failed:\n" + result.output()));
            return Load.of(GraphQl.JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Skips the calling benchmark unless wrk is on the PATH. */
    static void requireWrk() {
        Assumptions.assumeTrue(
                Node.exec(Path.of("."), Duration.ofSeconds(10), "wrk", "--version")
                        .output()
                        .contains("wrk"),
                "Skipped: the load tool wrk is not on the PATH (Debian: apt-get install wrk)");
    }

    static String machine() {
        return "%s; %d CPUs visible (shared with other builds), JDK %s, %s %s; %s"
                .formatted(
                        Instant.now(),
                        Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.version"),
                        System.getProperty("os.name"),
                        System.getProperty("os.arch"),
                        "service JVMs: " + System.getProperty("atlas.system.jvmOpts", "default harness options"));
    }

    static void report(AtlasSystem system, String name, String text) {
        System.out.println(text);
        var dir = system.settings().workDir().resolve("benchmarks");
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name + ".txt"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path dir(AtlasSystem system) {
        return system.settings().workDir().resolve("benchmarks");
    }
}
