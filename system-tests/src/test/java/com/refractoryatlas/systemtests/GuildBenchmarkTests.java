package com.refractoryatlas.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Guild's federation gateway benchmark ({@code graphql-hive/graphql-gateways-benchmark}) replicated here, all
 * gateways in one run: its four subgraphs with static data answering from memory ({@link GuildSystem}), its query
 * ({@code TestQuery} of its {@code k6.js}, an 87.6 KB answer) verbatim, and wrk closed-loop at 50 connections (its
 * k6 runs 50 virtual users) against our gateway, {@code @apollo/gateway} and {@code @graphql-hive/gateway} with and
 * without its Rust query planner ({@code @graphql-hive/router-runtime}). Each gateway's answer must be the same JSON
 * as {@code @apollo/gateway}'s before it is measured. Reported per target: throughput, p50/p99, CPU milliseconds per
 * request of the gateway's processes and of the subgraphs' process, and the gateway's resident memory.
 *
 * <p>Two rounds: without deduplication on either side (ours with neither subgraph-request nor client-operation
 * deduplication, Hive without {@code inboundInflightRequestDeduplication}), then with it on both (ours with both,
 * Hive with it as The Guild's benchmark configures it). Not part of the normal build:
 * {@code ./mvnw -B -ntp -o -pl system-tests test -Pbenchmark -Dtest=GuildBenchmarkTests
 * -Dsurefire.failIfNoSpecifiedTests=false} (needs the gateway jar: {@code ./mvnw -pl gateway -am package
 * -DskipTests}). Settings: {@code -Datlas.guild.connections=50}, {@code -Datlas.guild.warmupSeconds=10},
 * {@code -Datlas.guild.seconds=20}, {@code -Datlas.guild.federation=2} (or 1: the subgraphs serve the Federation 1
 * SDL), {@code -Datlas.guild.targets=apollo,hive,hive-router-runtime,ours} (and {@code ours-graphql-java}: our
 * gateway shaping every response with graphql-java instead of its projection, for a before/after in one run),
 * {@code -Datlas.guild.rounds=plain,deduplicated}.
 */
@Tag("benchmark")
class GuildBenchmarkTests {

    private static final int CONNECTIONS = Integer.getInteger("atlas.guild.connections", 50);
    private static final Duration WARMUP = Duration.ofSeconds(Long.getLong("atlas.guild.warmupSeconds", 10));
    private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("atlas.guild.seconds", 20));
    private static final String FEDERATION = System.getProperty("atlas.guild.federation", "2");
    private static final Set<String> TARGETS =
            Set.of(System.getProperty("atlas.guild.targets", "apollo,hive,hive-router-runtime,ours")
                    .split(","));
    private static final Set<String> ROUNDS = Set.of(
            System.getProperty("atlas.guild.rounds", "plain,deduplicated").split(","));
    private static final double NANOS_PER_MILLI = 1_000_000.0;
    private static final double KIB_PER_MIB = 1024.0;

    /** One measured target. */
    private record Result(String label, Benchmarks.Load load, double gatewayCpu, double subgraphCpu, double rssMib) {

        String line() {
            return "%s%n%45s gateway CPU %.2f ms/request, subgraphs CPU %.2f ms/request, gateway RSS %.0f MiB"
                    .formatted(load.line(label), "", gatewayCpu, subgraphCpu, rssMib);
        }
    }

    @Test
    void gatewaysOnTheGuildBenchmark() {
        Benchmarks.requireWrk();
        try (var guild = GuildSystem.start(GuildSystem.Federation.of(FEDERATION))) {
            var query = GuildSystem.testQuery();
            var reference = new GraphQl(guild.apollo()).query(query);
            assertThat(reference.errors().isEmpty())
                    .as("Apollo's answer has no errors: " + reference.body())
                    .isTrue();
            var report = new StringBuilder("The Guild's gateway benchmark (replica): " + Benchmarks.machine() + "\n");
            report.append(("TestQuery (%d bytes answered), Federation %s subgraph SDL, wrk %d connections, %ds measured"
                            + " after %ds warm-up per target%n")
                    .formatted(
                            reference.body().length(),
                            FEDERATION,
                            CONNECTIONS,
                            MEASURE.toSeconds(),
                            WARMUP.toSeconds()));
            var results = new LinkedHashMap<String, Result>();
            for (var round : List.of("plain", "deduplicated")) {
                if (!ROUNDS.contains(round)) {
                    continue;
                }
                var dedup = round.equals("deduplicated");
                var suffix = dedup ? " (dedup)" : "";
                for (var target : targets(guild, dedup).entrySet()) {
                    var label = "%-30s".formatted(target.getKey() + suffix);
                    var url = target.getValue();
                    var answer = new GraphQl(url).query(query);
                    Answers.assertSame(label, answer, reference);
                    results.put(label, measure(guild, label, url, query));
                }
            }
            results.values().forEach(result -> report.append(result.line()).append('\n'));
            report.append(ratios(results));
            report.append("subgraph replay statistics: ")
                    .append(guild.subgraphStats())
                    .append('\n');
            report(report.toString());
            assertThat(results.values()).allSatisfy(result -> {
                assertThat(result.load().requests()).isPositive();
                assertThat(result.load().errors() + result.load().non2xx()).isZero();
            });
        }
    }

    private static Map<String, URI> targets(GuildSystem guild, boolean dedup) {
        var targets = new LinkedHashMap<String, URI>();
        if (TARGETS.contains("apollo") && !dedup) {
            // @apollo/gateway has no deduplication of client requests to turn on
            targets.put("@apollo/gateway", guild.apollo());
        }
        if (TARGETS.contains("hive")) {
            targets.put("Hive Gateway", guild.hive(new GuildSystem.Hive(false, dedup)));
        }
        if (TARGETS.contains("hive-router-runtime")) {
            targets.put("Hive Gateway + Rust planner", guild.hive(new GuildSystem.Hive(true, dedup)));
        }
        if (TARGETS.contains("ours")) {
            targets.put("our gateway", guild.ours(new GuildSystem.Deduplication(dedup, dedup)));
        }
        if (TARGETS.contains("ours-graphql-java")) {
            // the same gateway shaping every response with graphql-java, as before the projection: before/after
            targets.put("our gateway, graphql-java", guild.ours(new GuildSystem.Deduplication(dedup, dedup), false));
        }
        return targets;
    }

    private static Result measure(GuildSystem guild, String label, URI url, String query) {
        Benchmarks.wrk(url, query, CONNECTIONS, WARMUP);
        var gateway = guild.gateways().values().stream()
                .filter(process -> url.getPort() == process.port())
                .findFirst()
                .orElseThrow();
        var subgraphs = guild.subgraphProcess();
        long gatewayBefore = cpuNanos(gateway.pid());
        long subgraphsBefore = cpuNanos(subgraphs.pid());
        var load = Benchmarks.wrk(url, query, CONNECTIONS, MEASURE);
        double requests = Math.max(1, load.requests());
        return new Result(
                label,
                load,
                (cpuNanos(gateway.pid()) - gatewayBefore) / NANOS_PER_MILLI / requests,
                (cpuNanos(subgraphs.pid()) - subgraphsBefore) / NANOS_PER_MILLI / requests,
                rssKib(gateway.pid()) / KIB_PER_MIB);
    }

    /** CPU time of a process and its descendants (Hive's and Node's workers), as the OS counts it. */
    private static long cpuNanos(long pid) {
        return tree(pid)
                .mapToLong(handle ->
                        handle.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
                .sum();
    }

    /** Resident memory of a process and its descendants ({@code VmRSS} of {@code /proc/<pid>/status}). */
    private static long rssKib(long pid) {
        return tree(pid).mapToLong(handle -> vmRss(handle.pid())).sum();
    }

    private static Stream<ProcessHandle> tree(long pid) {
        return ProcessHandle.of(pid).stream().flatMap(handle -> Stream.concat(Stream.of(handle), handle.descendants()));
    }

    private static long vmRss(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D+", "")))
                    .findFirst()
                    .orElse(0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static String ratios(Map<String, Result> results) {
        var ours = results.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith("our gateway"))
                .toList();
        var lines = new ArrayList<String>();
        for (var mine : ours) {
            var dedup = mine.getKey().contains("(dedup)");
            results.forEach((label, other) -> {
                if (label.startsWith("our gateway")
                        || label.contains("(dedup)") != dedup && !label.startsWith("@apollo")) {
                    return;
                }
                lines.add("%s vs %s: throughput %.2fx, p99 %.2fx, gateway CPU per request %.2fx"
                        .formatted(
                                mine.getKey().strip(),
                                label.strip(),
                                mine.getValue().load().rps() / other.load().rps(),
                                mine.getValue().load().p99() / other.load().p99(),
                                mine.getValue().gatewayCpu() / other.gatewayCpu()));
            });
        }
        return lines.isEmpty() ? "" : "\n" + String.join("\n", lines) + "\n";
    }

    private static void report(String text) {
        System.out.println(text);
        var dir = Path.of(System.getProperty("atlas.system.workDir", "target")).resolve("benchmarks");
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("guild-gateways.txt"), text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
