package com.refractoryatlas.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Our gateway against Apollo's reference gateway ({@code @apollo/gateway} 2.14.4 + {@code @apollo/server} 5.5.1) in
 * the same run, against the same subgraphs and data, with wrk: (a) a one-subgraph query, (b) a four-level
 * query crossing all three subgraphs; plus the latency our gateway adds over calling the subgraph directly for (a).
 * Not part of the normal build: {@code ./mvnw -pl system-tests verify -Pbenchmark}.
 */
@Tag("benchmark")
@ExtendWith(AtlasSystemExtension.class)
class GatewayBenchmarkTests {

    private static final int CONNECTIONS = Integer.getInteger("atlas.bench.connections", 16);
    private static final Duration WARMUP = Duration.ofSeconds(Long.getLong("atlas.bench.warmupSeconds", 15));
    private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("atlas.bench.seconds", 20));

    @Test
    void gatewayVersusApolloGatewayAndDirectSubgraph(AtlasSystem system) {
        Capabilities.requireGatewayGraphQl(system);
        Benchmarks.requireWrk();
        var node = Node.require();
        SeedData.ensure(system);
        var ours = system.gatewayUrl();
        var apollo = system.apolloGateway(node);
        var direct = system.subgraphUrl(AtlasSystem.CATALOG);
        for (var query : new String[] {Benchmarks.ONE_SUBGRAPH, Benchmarks.FOUR_LEVELS}) {
            assertThat(new GraphQl(ours).query(query).errors().isEmpty()).isTrue();
            assertThat(new GraphQl(apollo).query(query).errors().isEmpty()).isTrue();
        }

        var report = new StringBuilder("Gateway benchmark: " + Benchmarks.machine() + "\n");
        report.append("wrk, %d connections, %ds measured after %ds warm-up per target%n"
                .formatted(CONNECTIONS, MEASURE.toSeconds(), WARMUP.toSeconds()));
        var results = new java.util.LinkedHashMap<String, Benchmarks.Load>();
        measure(results, "(a) one subgraph   - catalog subgraph direct", direct, Benchmarks.ONE_SUBGRAPH);
        measure(results, "(a) one subgraph   - our gateway", ours, Benchmarks.ONE_SUBGRAPH);
        measure(results, "(a) one subgraph   - Apollo gateway", apollo, Benchmarks.ONE_SUBGRAPH);
        measure(results, "(b) four levels    - our gateway", ours, Benchmarks.FOUR_LEVELS);
        measure(results, "(b) four levels    - Apollo gateway", apollo, Benchmarks.FOUR_LEVELS);
        var latency = new java.util.LinkedHashMap<String, Benchmarks.Load>();
        latency.put("direct", Benchmarks.wrk(direct, Benchmarks.ONE_SUBGRAPH, 1, MEASURE));
        latency.put("ours", Benchmarks.wrk(ours, Benchmarks.ONE_SUBGRAPH, 1, MEASURE));
        results.forEach((label, load) -> report.append(load.line(label)).append('\n'));
        report.append(latency.get("direct").line("(a) 1 connection   - catalog subgraph direct"))
                .append('\n');
        report.append(latency.get("ours").line("(a) 1 connection   - our gateway"))
                .append('\n');
        var a = ratio(results, "(a) one subgraph   - our gateway", "(a) one subgraph   - Apollo gateway");
        var b = ratio(results, "(b) four levels    - our gateway", "(b) four levels    - Apollo gateway");
        report.append("%nratios ours/Apollo: (a) throughput %.2fx, p99 %.2fx; (b) throughput %.2fx, p99 %.2fx%n"
                .formatted(a[0], a[1], b[0], b[1]));
        report.append("latency our gateway adds over the subgraph for (a), 1 connection: p50 +%.2f ms, p99 +%.2f ms%n"
                .formatted(
                        latency.get("ours").p50() - latency.get("direct").p50(),
                        latency.get("ours").p99() - latency.get("direct").p99()));
        Benchmarks.report(system, "gateway", report.toString());
        assertThat(results.values())
                .allSatisfy(load -> assertThat(load.requests()).isPositive());
    }

    private static void measure(
            java.util.Map<String, Benchmarks.Load> results, String label, java.net.URI url, String query) {
        Benchmarks.wrk(url, query, CONNECTIONS, WARMUP);
        results.put(label, Benchmarks.wrk(url, query, CONNECTIONS, MEASURE));
    }

    private static double[] ratio(java.util.Map<String, Benchmarks.Load> results, String ours, String apollo) {
        var o = results.get(ours);
        var x = results.get(apollo);
        return new double[] {o.rps() / x.rps(), o.p99() / x.p99()};
    }
}
