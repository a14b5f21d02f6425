package com.refractoryatlas.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Load test: 60 s at 32 concurrent clients on a mixed workload through the gateway (list, detail, nested
 * cross-subgraph, import status), zero errors; throughput and p50/p95/p99 recorded. Benchmark-tagged.
 */
@Tag("benchmark")
@ExtendWith(AtlasSystemExtension.class)
class LoadBenchmarkTests {

    private static final int CLIENTS = Integer.getInteger("atlas.load.clients", 32);
    private static final Duration DURATION = Duration.ofSeconds(Long.getLong("atlas.load.seconds", 60));
    private static final List<String> WORKLOAD = List.of(
            "{ conditions(first: 20) { totalCount edges { node { id name specialty } } } }",
            "{ condition(id: \"depression\") { id name aliases refractoryCriteria treatments { role therapy { id"
                    + " name } } } }",
            Benchmarks.FOUR_LEVELS,
            "{ importJobs(first: 10) { totalCount edges { node { id status progress counts { articles } } } } }");

    private static final List<String> OPERATION_NAMES = List.of("list", "detail", "four-level", "import status");

    @Test
    void mixedWorkloadAtThirtyTwoClientsForSixtySeconds(AtlasSystem system) {
        Capabilities.requireGatewayGraphQl(system);
        SeedData.ensure(system);
        var gateway = new GraphQl(system.gatewayUrl());
        try (var warmup =
                new LoadDriver(CLIENTS, false, n -> gateway.query(WORKLOAD.get((int) (n % WORKLOAD.size()))))) {
            ServiceProcess.sleep(Duration.ofSeconds(15));
        }
        List<LoadDriver.Sample> samples;
        try (var load = new LoadDriver(CLIENTS, true, n -> gateway.query(WORKLOAD.get((int) (n % WORKLOAD.size()))))) {
            ServiceProcess.sleep(DURATION);
            samples = load.samples();
        }
        var failed =
                samples.stream().filter(s -> s.status() != 200 || s.hasErrors()).toList();
        var report = "Load test: %s%n%d clients, %ds, mixed workload (list, detail, four-level nested, import status)%n"
                        .formatted(Benchmarks.machine(), CLIENTS, DURATION.toSeconds())
                + "requests %d, errors %d, throughput %.1f req/s, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms%n"
                        .formatted(
                                samples.size(),
                                failed.size(),
                                samples.size() / (double) DURATION.toSeconds(),
                                LoadDriver.percentileMillis(samples, 50),
                                LoadDriver.percentileMillis(samples, 95),
                                LoadDriver.percentileMillis(samples, 99));
        var breakdown = new StringBuilder();
        for (int i = 0; i < WORKLOAD.size(); i++) {
            int operation = i;
            var each = samples.stream()
                    .filter(sample -> sample.sequence() % WORKLOAD.size() == operation)
                    .toList();
            breakdown.append("  %-14s %6d requests, p50 %8.2f ms, p95 %8.2f ms, p99 %8.2f ms%n"
                    .formatted(
                            OPERATION_NAMES.get(i),
                            each.size(),
                            LoadDriver.percentileMillis(each, 50),
                            LoadDriver.percentileMillis(each, 95),
                            LoadDriver.percentileMillis(each, 99)));
        }
        Benchmarks.report(system, "load", report + breakdown);
        assertThat(failed)
                .as(
                        "first failures: %s",
                        failed.stream().limit(3).map(LoadDriver.Sample::body).toList())
                .isEmpty();
        assertThat(samples).as("requests answered in %ds", DURATION.toSeconds()).isNotEmpty();
    }
}
