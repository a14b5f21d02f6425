package com.refractoryatlas.systemtests;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scale test: the same queries' latency as the data grows, generated through the internal write API in steps.
 * The step sizes are system properties ({@code atlas.scale.articles}, ...) so that a bigger machine can go to the
 * issue's 10x sizes; what was reached is reported, not assumed. Benchmark-tagged.
 */
@Tag("benchmark")
@ExtendWith(AtlasSystemExtension.class)
class ScaleBenchmarkTests {

    private static final int STEPS = Integer.getInteger("atlas.scale.steps", 3);
    private static final int ARTICLES = Integer.getInteger("atlas.scale.articles", 200);
    private static final int REFERENCES_PER_ARTICLE = Integer.getInteger("atlas.scale.referencesPerArticle", 50);
    private static final int CONDITIONS = Integer.getInteger("atlas.scale.conditions", 1000);
    private static final int THERAPIES = Integer.getInteger("atlas.scale.therapies", 2000);
    private static final int TREATMENTS_PER_CONDITION = Integer.getInteger("atlas.scale.treatmentsPerCondition", 10);
    private static final int SAMPLES = 100;
    private static final List<String> QUERIES = List.of(
            "{ conditions(first: 20) { totalCount edges { node { id name } } } }",
            "{ references(first: 20, filter: { text: \"refractory\" }) { totalCount edges { node { id title } } } }",
            "{ condition(id: \"depression\") { id treatments { role evidence { id title } } } }",
            Benchmarks.FOUR_LEVELS);

    @Test
    void queryLatencyAsTheDataGrows(AtlasSystem system) {
        Capabilities.requireGatewayGraphQl(system);
        SeedData.ensure(system);
        var gateway = new GraphQl(system.gatewayUrl());
        var report = new StringBuilder("Scale test: " + Benchmarks.machine() + "\n");
        report.append("per step: +%d articles x %d references, +%d conditions x %d treatments, +%d therapies%n"
                .formatted(ARTICLES, REFERENCES_PER_ARTICLE, CONDITIONS, TREATMENTS_PER_CONDITION, THERAPIES));
        measure(gateway, report, "step 0 (seed data)");
        for (int step = 1; step <= STEPS; step++) {
            var start = Instant.now();
            var sizes = new SeedData.Sizes(
                    CONDITIONS, THERAPIES, TREATMENTS_PER_CONDITION, ARTICLES, REFERENCES_PER_ARTICLE);
            SeedData.generate(system, sizes, "scale" + step);
            report.append("step %d generated in %s%n".formatted(step, Duration.between(start, Instant.now())));
            measure(gateway, report, "step " + step);
        }
        Benchmarks.report(system, "scale", report.toString());
    }

    private static void measure(GraphQl gateway, StringBuilder report, String label) {
        var totals = gateway.query("{ conditions(first: 1) { totalCount } references(first: 1) { totalCount }"
                + " articles(first: 1) { totalCount } therapies(first: 1) { totalCount } }");
        report.append("%s: %s%n".formatted(label, totals.data()));
        for (var query : QUERIES) {
            var samples = new ArrayList<LoadDriver.Sample>();
            for (int i = 0; i < SAMPLES; i++) {
                var start = System.nanoTime();
                var response = gateway.query(query);
                samples.add(new LoadDriver.Sample(
                        Instant.now(),
                        System.nanoTime() - start,
                        response.status(),
                        !response.errors().isEmpty(),
                        ""));
            }
            report.append("  p50 %8.2f ms  p99 %8.2f ms  errors %d  %s%n"
                    .formatted(
                            LoadDriver.percentileMillis(samples, 50),
                            LoadDriver.percentileMillis(samples, 99),
                            samples.stream()
                                    .filter(LoadDriver.Sample::hasErrors)
                                    .count(),
                            query.length() > 70 ? query.substring(0, 70) + "..." : query));
        }
    }
}
