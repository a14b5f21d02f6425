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
    private static final double MIN_REPORTED_CPU_MILLIS = 0.05;
    private static final double NANOS_PER_MILLI = 1_000_000.0;
    private static final int LABEL_WIDTH = 44;

    private Benchmarks() {}

    /** The stop-the-world pauses (and ZGC's allocation stalls, which stop the allocating thread) one JVM logged. */
    record GcPauses(int count, double totalMillis, double longestMillis) {

        @Override
        public String toString() {
            return "%d / %.0f / %.0f".formatted(count, totalMillis, longestMillis);
        }
    }

    private static final java.util.regex.Pattern GC_PAUSE = java.util.regex.Pattern.compile(
            "^\\[([^\\]]+)\\].* (?:Pause|Allocation Stall) .* ([0-9]+(?:\\.[0-9]+)?)ms$");
    private static final java.time.format.DateTimeFormatter GC_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    /**
     * The pauses of a GC log written with {@code -Xlog:gc:file=...:time} (one line per collection, stamped when it
     * ended) that ended within {@code [from, to]}; none when there is no log. One pass over the file's lines.
     */
    static GcPauses gcPauses(Path log, Instant from, Instant to) {
        if (!Files.isRegularFile(log)) {
            return new GcPauses(0, 0, 0);
        }
        int count = 0;
        double total = 0;
        double longest = 0;
        try (var lines = Files.lines(log)) {
            for (var line : (Iterable<String>) lines::iterator) {
                var m = GC_PAUSE.matcher(line);
                if (!m.matches()) {
                    continue;
                }
                var at = java.time.OffsetDateTime.parse(m.group(1), GC_TIME).toInstant();
                if (at.isBefore(from) || at.isAfter(to)) {
                    continue;
                }
                double millis = Double.parseDouble(m.group(2));
                count++;
                total += millis;
                longest = Math.max(longest, millis);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new GcPauses(count, total, longest);
    }

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

    /** A load run with the CPU time each process of the system spent on it, in milliseconds per request. */
    record Measured(Load load, Map<String, Double> cpuMillisPerRequest) {

        /** CPU per request of the named processes together. */
        double cpuMillis(java.util.function.Predicate<String> processes) {
            return cpuMillisPerRequest.entrySet().stream()
                    .filter(entry -> processes.test(entry.getKey()))
                    .mapToDouble(Map.Entry::getValue)
                    .sum();
        }

        String line(String label) {
            var cpu = new StringBuilder();
            cpuMillisPerRequest.forEach((process, millis) -> {
                if (millis >= MIN_REPORTED_CPU_MILLIS) {
                    cpu.append(cpu.isEmpty() ? "" : ", ").append("%s %.2f".formatted(process, millis));
                }
            });
            return load.line(label) + "\n" + " ".repeat(LABEL_WIDTH) + " CPU ms/request: " + cpu;
        }
    }

    /**
     * Runs wrk against {@code url} and reads every system process's CPU time (from the OS, like {@code top}) before
     * and after: what each process spent per request, gateway and subgraphs alike.
     */
    static Measured measured(AtlasSystem system, URI url, String query, int connections, Duration duration) {
        var processes = system.processHandles();
        var before = cpuTimes(processes);
        var load = wrk(url, query, connections, duration);
        var after = cpuTimes(processes);
        var perRequest = new java.util.LinkedHashMap<String, Double>();
        after.forEach((process, cpu) -> perRequest.put(
                process,
                load.requests() == 0
                        ? 0
                        : (cpu - before.getOrDefault(process, 0L)) / NANOS_PER_MILLI / load.requests()));
        return new Measured(load, perRequest);
    }

    private static Map<String, Long> cpuTimes(Map<String, ProcessHandle> processes) {
        var times = new java.util.LinkedHashMap<String, Long>();
        processes.forEach(
                (name, handle) -> handle.info().totalCpuDuration().ifPresent(cpu -> times.put(name, cpu.toNanos())));
        return times;
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
