package com.refractoryatlas.gateway.security;

import com.refractoryatlas.gateway.TestFederationEngine;
import com.refractoryatlas.gateway.TestProperties;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * CPU time the guard spends per request on the benchmark operations of system-tests (a repeated query with no
 * variables, as autocannon sends it): the guard runs on every request before the engine, so whatever it does that
 * does not depend on the request is paid on every request.
 */
@Tag("benchmark")
class OperationGuardBenchmark {

    private static final int WARMUP = 20_000;
    private static final int MEASURED = 50_000;
    private static final String ONE_SUBGRAPH =
            "query OneSubgraph { conditions(first: 10) { edges { node { id name specialty aliases } } } }";
    private static final String FOUR_LEVELS = "query FourLevels { conditions { name treatments { role evidence {"
            + " title citedBy { title importJob { status } conditions { name } } } } } }";

    @Test
    void cpuPerInspection() throws Exception {
        var schema = new TestFederationEngine().supergraph().orElseThrow();
        var guard = new OperationGuard(TestProperties.edge(Map.of()));
        var report = new StringBuilder();
        for (var query : new String[] {ONE_SUBGRAPH, FOUR_LEVELS}) {
            run(guard, schema, query, WARMUP);
            var threads = ManagementFactory.getThreadMXBean();
            long cpu = threads.getCurrentThreadCpuTime();
            run(guard, schema, query, MEASURED);
            double micros = (threads.getCurrentThreadCpuTime() - cpu) / 1000.0 / MEASURED;
            report.append(String.format(
                    Locale.ROOT,
                    "operation-guard %s: %.1f µs CPU/inspection (%s)%n",
                    query.split(" ")[1],
                    micros,
                    guard.inspect(schema, query, null, Map.of(), UserContext.anonymous(), false)));
        }
        System.out.print(report);
        var file = Path.of("target/benchmarks/operation-guard.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
    }

    private static void run(OperationGuard guard, graphql.schema.GraphQLSchema schema, String query, int times) {
        for (int i = 0; i < times; i++) {
            guard.inspect(schema, query, null, Map.of(), UserContext.anonymous(), false);
        }
    }
}
