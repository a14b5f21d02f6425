package com.refractoryatlas.gateway.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.gateway.federation.FederationEngine.Request;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Engine overhead on the four-level query (conditions → treatments → evidence → citing articles → import jobs and
 * conditions): subgraph answers are replayed from recorded JSON bytes (parsed on every call, as over HTTP), so the
 * figure is what the engine itself costs per operation: cache look-up, plan execution, merging and shaping.
 */
@Tag("benchmark")
class FederationEngineBenchmark {

    private static final JsonMapper JSON = new JsonMapper();
    private static final int WARMUP_SECONDS = 5;
    private static final int MEASURE_SECONDS = 10;
    private static final int THREADS = 4;

    /** Records each distinct subgraph answer once, then replays it by parsing the recorded bytes. */
    private static final class ReplayingTransport implements SubgraphTransport {
        private final SubgraphTransport delegate;
        private final Map<String, byte[]> recorded = new ConcurrentHashMap<>();

        ReplayingTransport(SubgraphTransport delegate) {
            this.delegate = delegate;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Map<String, Object> execute(
                String subgraph, String query, Map<String, Object> variables, Map<String, String> headers) {
            var key = subgraph + "\n" + query + "\n" + JSON.writeValueAsString(variables);
            var bytes = recorded.computeIfAbsent(
                    key, k -> JSON.writeValueAsBytes(delegate.execute(subgraph, query, variables, headers)));
            return JSON.readValue(bytes, Map.class);
        }
    }

    @Test
    void fourLevelQueryThroughput() throws Exception {
        var subgraphs = new TestSubgraphs();
        try (var engine = new SupergraphEngine(
                TestSubgraphs.NAMES,
                new ReplayingTransport(subgraphs),
                new SupergraphEngine.Settings(Duration.ofSeconds(10), 100))) {
            engine.refresh();
            var request = new Request(TestSubgraphs.operation("fourLevels"), null, Map.of(), Map.of());
            assertThat(engine.execute(request)).doesNotContainKey("errors");

            run(engine, request, WARMUP_SECONDS);
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpuBefore = os.getProcessCpuTime();
            var operations = run(engine, request, MEASURE_SECONDS);
            long cpuNanos = os.getProcessCpuTime() - cpuBefore;

            var perSecond = operations / (double) MEASURE_SECONDS;
            var report = String.format(
                    Locale.ROOT,
                    "federation-engine four-level query (replayed subgraph JSON, %d threads): %.0f ops/s, %.1f µs/op,"
                            + " %.1f µs process CPU/op%n",
                    THREADS,
                    perSecond,
                    1_000_000.0 * THREADS / perSecond,
                    cpuNanos / 1000.0 / operations);
            System.out.print(report);
            var file = Path.of("target/benchmarks/federation-engine.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, report);
        }
    }

    private static long run(SupergraphEngine engine, Request request, int seconds) throws InterruptedException {
        var count = new AtomicLong();
        var deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        try (var pool = Executors.newFixedThreadPool(THREADS)) {
            for (var t = 0; t < THREADS; t++) {
                pool.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        engine.execute(request);
                        count.incrementAndGet();
                    }
                });
            }
        }
        return count.get();
    }
}
