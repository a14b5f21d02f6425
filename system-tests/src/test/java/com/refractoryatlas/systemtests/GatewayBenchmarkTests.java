package com.refractoryatlas.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Our gateway against Apollo's reference gateway ({@code @apollo/gateway} 2.14.4 + {@code @apollo/server} 5.5.1) in
 * the same run, against the same subgraphs and data, with wrk: (a) a one-subgraph query, (b) a four-level query
 * crossing all three subgraphs; plus the latency our gateway adds over calling the subgraph directly for (a). Every
 * measurement also records the CPU each process spent per request, which shows what bounds the throughput on this
 * machine: the subgraphs' own work is the same whichever gateway calls them. Not part of the normal build:
 * {@code ./mvnw -pl system-tests verify -Pbenchmark}.
 */
@Tag("benchmark")
@ExtendWith(AtlasSystemExtension.class)
class GatewayBenchmarkTests {

    private static final int CONNECTIONS = Integer.getInteger("atlas.bench.connections", 16);
    private static final Duration WARMUP = Duration.ofSeconds(Long.getLong("atlas.bench.warmupSeconds", 30));
    private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("atlas.bench.seconds", 20));
    private static final Set<String> SUBGRAPH_SIDE =
            Set.of(AtlasSystem.CATALOG, AtlasSystem.REFERENCES, AtlasSystem.IMPORT, "mongo");
    private static final double MILLIS_PER_SECOND = 1000.0;

    private static final String DIRECT_A = "(a) one subgraph   - catalog subgraph direct";
    private static final String OURS_A = "(a) one subgraph   - our gateway";
    private static final String APOLLO_A = "(a) one subgraph   - Apollo gateway";
    private static final String OURS_B = "(b) four levels    - our gateway";
    private static final String APOLLO_B = "(b) four levels    - Apollo gateway";

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
        var results = new LinkedHashMap<String, Benchmarks.Measured>();
        measure(system, results, DIRECT_A, direct, Benchmarks.ONE_SUBGRAPH);
        measure(system, results, OURS_A, ours, Benchmarks.ONE_SUBGRAPH);
        measure(system, results, APOLLO_A, apollo, Benchmarks.ONE_SUBGRAPH);
        measure(system, results, OURS_B, ours, Benchmarks.FOUR_LEVELS);
        measure(system, results, APOLLO_B, apollo, Benchmarks.FOUR_LEVELS);
        var direct1 = Benchmarks.wrk(direct, Benchmarks.ONE_SUBGRAPH, 1, MEASURE);
        var ours1 = Benchmarks.wrk(ours, Benchmarks.ONE_SUBGRAPH, 1, MEASURE);
        results.forEach((label, measured) -> report.append(measured.line(label)).append('\n'));
        report.append(direct1.line("(a) 1 connection   - catalog subgraph direct"))
                .append('\n');
        report.append(ours1.line("(a) 1 connection   - our gateway")).append('\n');

        var a = ratio(results, OURS_A, APOLLO_A);
        var b = ratio(results, OURS_B, APOLLO_B);
        report.append("%nratios ours/Apollo: (a) throughput %.2fx, p99 %.2fx; (b) throughput %.2fx, p99 %.2fx%n"
                .formatted(a[0], a[1], b[0], b[1]));
        report.append("latency our gateway adds over the subgraph for (a), 1 connection: p50 +%.2f ms, p99 +%.2f ms%n"
                .formatted(ours1.p50() - direct1.p50(), ours1.p99() - direct1.p99()));
        report.append(ceiling(results, OURS_A, APOLLO_A, "(a)")).append(ceiling(results, OURS_B, APOLLO_B, "(b)"));
        Benchmarks.report(system, "gateway", report.toString());
        assertThat(results.values()).allSatisfy(measured -> {
            assertThat(measured.load().requests()).isPositive();
            assertThat(measured.load().errors() + measured.load().non2xx()).isZero();
        });
    }

    /**
     * The gateways' CPU per request, and the throughput no gateway can pass on this machine: the CPUs divided by the
     * subgraphs' and MongoDB's own CPU per request (a gateway that cost nothing), as a multiple of Apollo's.
     */
    private static String ceiling(Map<String, Benchmarks.Measured> results, String ours, String apollo, String query) {
        var o = results.get(ours);
        var x = results.get(apollo);
        double subgraphs = x.cpuMillis(SUBGRAPH_SIDE::contains);
        double bound = Runtime.getRuntime().availableProcessors() * MILLIS_PER_SECOND / subgraphs;
        return ("%s gateway CPU per request: ours %.2f ms, Apollo %.2f ms; subgraphs + MongoDB %.2f ms per request,"
                        + " so no gateway can pass %.0f req/s on %d CPUs = %.2fx Apollo's measured throughput%n")
                .formatted(
                        query,
                        o.cpuMillis(AtlasSystem.GATEWAY::equals),
                        x.cpuMillis("apollo-gateway"::equals),
                        subgraphs,
                        bound,
                        Runtime.getRuntime().availableProcessors(),
                        bound / x.load().rps());
    }

    private static void measure(
            AtlasSystem system, Map<String, Benchmarks.Measured> results, String label, URI url, String query) {
        Benchmarks.wrk(url, query, CONNECTIONS, WARMUP);
        results.put(label, Benchmarks.measured(system, url, query, CONNECTIONS, MEASURE));
    }

    private static double[] ratio(Map<String, Benchmarks.Measured> results, String ours, String apollo) {
        var o = results.get(ours).load();
        var x = results.get(apollo).load();
        return new double[] {o.rps() / x.rps(), o.p99() / x.p99()};
    }
}
