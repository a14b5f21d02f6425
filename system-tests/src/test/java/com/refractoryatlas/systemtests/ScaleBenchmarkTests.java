package com.refractoryatlas.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Scale test: the same queries' latency through the gateway as the data grows to multiples of the sizes the catalog
 * and references issues benchmarked at (1x = 10,000 conditions, 20,000 therapies, 100,000 treatments; 100,000
 * references, 5,000 articles). Each step runs the services' own data generators ({@code CatalogDataGenerator},
 * {@code CorpusGenerator}) as separate JVMs on the service jars against the system's MongoDB server, adding the
 * difference to the step's target (the catalog's treatments citing the references the step wrote, so that the
 * four-level query resolves evidence and its citing articles), then samples each query sequentially. Slow answers and errors are reported, never
 * failed on. Benchmark-tagged; the properties are described in BENCHMARKS.md ("Scale test").
 */
@Tag("benchmark")
@ExtendWith(AtlasSystemExtension.class)
class ScaleBenchmarkTests {

    /** Cumulative targets, as multiples of the issues' sizes: {@code -Datlas.scale.multipliers=1,2,5,10}. */
    private static final List<Double> MULTIPLIERS = multipliers(System.getProperty("atlas.scale.multipliers", "0.1,1"));
    /** Samples per query and step, fewer when a query's time budget runs out first. */
    private static final int SAMPLES = Integer.getInteger("atlas.scale.samples", 20);

    private static final Duration QUERY_BUDGET = Duration.ofSeconds(Long.getLong("atlas.scale.querySeconds", 120));
    private static final Duration QUERY_TIMEOUT =
            Duration.ofSeconds(Long.getLong("atlas.scale.queryTimeoutSeconds", 600));
    private static final Duration GENERATOR_TIMEOUT =
            Duration.ofMinutes(Long.getLong("atlas.scale.generatorMinutes", 180));
    private static final String GENERATOR_HEAP = System.getProperty("atlas.scale.generatorHeap", "1g");
    private static final String CATALOG_MAIN = "com.refractoryatlas.catalog.benchmark.CatalogDataMain";
    private static final String CORPUS_MAIN = "com.refractoryatlas.references.CorpusDataMain";
    private static final long SEED = 42;
    private static final int MIN_SAMPLES = 3;
    private static final long NANOS_PER_MILLI = 1_000_000L;
    private static final int QUERY_LABEL = 70;
    private static final Map<String, String> QUERIES = queries();

    /** Document counts: the issues' 1x sizes, a step's target or what a step adds. */
    record Sizes(int conditions, int therapies, int treatments, int references, int articles) {

        static final Sizes NONE = new Sizes(0, 0, 0, 0, 0);
        static final Sizes ONE_X = new Sizes(10_000, 20_000, 100_000, 100_000, 5_000);

        Sizes times(double multiplier) {
            return new Sizes(
                    (int) Math.round(conditions * multiplier),
                    (int) Math.round(therapies * multiplier),
                    (int) Math.round(treatments * multiplier),
                    (int) Math.round(references * multiplier),
                    (int) Math.round(articles * multiplier));
        }

        Sizes minus(Sizes other) {
            return new Sizes(
                    conditions - other.conditions,
                    therapies - other.therapies,
                    treatments - other.treatments,
                    references - other.references,
                    articles - other.articles);
        }
    }

    @Test
    void queryLatencyAsTheDataGrows(AtlasSystem system) {
        Capabilities.requireGatewayGraphQl(system);
        SeedData.ensure(system);
        var gateway = new GraphQl(system.gatewayUrl());
        var report = new StringBuilder("Scale test: " + Benchmarks.machine() + "\n");
        report.append("1x = %s; steps to %s x 1x; MongoDB-wire server -Xmx%s; gateway env overrides %s;"
                        .formatted(
                                Sizes.ONE_X,
                                MULTIPLIERS,
                                System.getProperty("atlas.mongo.heap", "256m"),
                                AtlasSystem.environmentOverrides(AtlasSystem.GATEWAY)))
                .append(" heaps catalog %s, references %s; up to %d sequential samples or %s per query and step%n"
                        .formatted(
                                System.getProperty("atlas.system.heap." + AtlasSystem.CATALOG, "(jvmOpts)"),
                                System.getProperty("atlas.system.heap." + AtlasSystem.REFERENCES, "(jvmOpts)"),
                                SAMPLES,
                                QUERY_BUDGET));
        measure(gateway, report, "step 0 (seed data)");
        Benchmarks.report(system, "scale", report.toString());
        var reached = Sizes.NONE;
        String failure = null;
        for (int step = 1; step <= MULTIPLIERS.size(); step++) {
            double multiplier = MULTIPLIERS.get(step - 1);
            var target = Sizes.ONE_X.times(multiplier);
            var add = target.minus(reached);
            // references first: the catalog's treatments cite the references this step wrote
            var evidence = evidenceFile(system, step);
            var corpus = system.runOnServiceJar(
                    AtlasSystem.REFERENCES,
                    CORPUS_MAIN,
                    GENERATOR_HEAP,
                    Stream.of(
                                    add.references(),
                                    add.articles(),
                                    SEED + step,
                                    reached.references(),
                                    reached.articles(),
                                    evidence)
                            .map(String::valueOf)
                            .toList(),
                    "generator-step" + step,
                    GENERATOR_TIMEOUT);
            var catalog = corpus.exitCode() != 0
                    ? corpus
                    : system.runOnServiceJar(
                            AtlasSystem.CATALOG,
                            CATALOG_MAIN,
                            GENERATOR_HEAP,
                            Stream.of(
                                            add.conditions(),
                                            add.therapies(),
                                            add.treatments(),
                                            reached.conditions(),
                                            reached.therapies(),
                                            reached.treatments(),
                                            evidence)
                                    .map(String::valueOf)
                                    .toList(),
                            "generator-step" + step,
                            GENERATOR_TIMEOUT);
            deleteIfExists(evidence);
            report.append("step %d (%s x 1x): +%s%n".formatted(step, format(multiplier), add));
            generated(report, "references generator", corpus);
            if (catalog != corpus) {
                generated(report, "catalog generator", catalog);
            }
            if (catalog.exitCode() != 0 || corpus.exitCode() != 0) {
                failure = "a generator failed at step %d: stopping here (see system-logs/*-generator-step%d.log)"
                        .formatted(step, step);
                report.append("  ").append(failure).append('\n');
                break;
            }
            reached = target;
            measure(gateway, report, "step %d (%s x 1x)".formatted(step, format(multiplier)));
            Benchmarks.report(system, "scale", report.toString());
        }
        Benchmarks.report(system, "scale", report.toString());
        // slow queries are figures, not failures; data that could not be generated makes the figures meaningless
        assertThat(failure).as("%s", failure).isNull();
    }

    /** Where the references generator lists the ids it wrote for the catalog generator to cite. */
    private static Path evidenceFile(AtlasSystem system, int step) {
        var dir = system.settings().workDir().resolve("system-data");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir.resolve("scale-references-step" + step + ".txt");
    }

    private static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void generated(StringBuilder report, String label, AtlasSystem.JobResult job) {
        report.append("  %s: exit %d in %s%n".formatted(label, job.exitCode(), job.elapsed()));
        job.output()
                .lines()
                .filter(line -> line.startsWith("generated ") || line.startsWith("documents in "))
                .forEach(line -> report.append("    ").append(line).append('\n'));
        if (job.exitCode() != 0) {
            var lines = job.output().lines().toList();
            lines.subList(Math.max(0, lines.size() - 15), lines.size())
                    .forEach(line -> report.append("    | ").append(line).append('\n'));
        }
    }

    private static void measure(GraphQl gateway, StringBuilder report, String label) {
        var counting = System.nanoTime();
        try {
            var totals = gateway.post(
                    GraphQl.JSON.writeValueAsString(Map.of(
                            "query",
                            "{ conditions(first: 1) { totalCount } references(first: 1) { totalCount }"
                                    + " articles(first: 1) { totalCount } therapies(first: 1) { totalCount } }")),
                    QUERY_TIMEOUT);
            report.append("%s: %s (counted in %d ms)%n"
                    .formatted(
                            label,
                            totals.status() == 200 ? totals.data() : totals.body(),
                            (System.nanoTime() - counting) / NANOS_PER_MILLI));
        } catch (UncheckedIOException e) {
            report.append("%s: totals not counted: %s%n".formatted(label, e.getCause()));
        }
        for (var query : QUERIES.entrySet()) {
            var body = GraphQl.JSON.writeValueAsString(Map.of("query", query.getValue()));
            var samples = new ArrayList<LoadDriver.Sample>();
            var errors = new LinkedHashMap<String, Integer>();
            var deadline = Instant.now().plus(QUERY_BUDGET);
            JsonNode lastData = null;
            while (samples.size() < SAMPLES
                    && (samples.size() < MIN_SAMPLES || Instant.now().isBefore(deadline))) {
                var start = System.nanoTime();
                String error = null;
                int status = 0;
                try {
                    var response = gateway.post(body, QUERY_TIMEOUT);
                    status = response.status();
                    if (query.getValue().equals(Benchmarks.FOUR_LEVELS)) {
                        lastData = response.data();
                    }
                    if (status != 200) {
                        error = "HTTP " + status;
                    } else if (!response.errors().isEmpty()) {
                        var first = response.errors().get(0);
                        error = first.path("extensions").path("code").asString("") + " "
                                + first.path("message").asString("");
                    }
                } catch (UncheckedIOException e) {
                    error = "client: " + e.getCause();
                }
                samples.add(new LoadDriver.Sample(
                        samples.size(), Instant.now(), System.nanoTime() - start, status, error != null, ""));
                if (error != null) {
                    errors.merge(error.strip(), 1, Integer::sum);
                }
            }
            report.append("  %-16s n %3d  p50 %10.2f ms  p99 %10.2f ms  errors %d%n"
                    .formatted(
                            query.getKey(),
                            samples.size(),
                            LoadDriver.percentileMillis(samples, 50),
                            LoadDriver.percentileMillis(samples, 99),
                            samples.stream()
                                    .filter(LoadDriver.Sample::hasErrors)
                                    .count()));
            if (lastData != null) {
                report.append("      last answer: %d conditions, %d treatments, %d evidence, %d citedBy%n"
                        .formatted(
                                listed(lastData, "edges"),
                                listed(lastData, "treatments"),
                                listed(lastData, "evidence"),
                                listed(lastData, "citedBy")));
            }
            errors.forEach((message, count) -> report.append("      %dx %s%n"
                    .formatted(
                            count,
                            message.length() > QUERY_LABEL * 2
                                    ? message.substring(0, QUERY_LABEL * 2) + "..."
                                    : message)));
        }
    }

    /** How many items the lists named {@code field} hold, summed over the whole answer (nulls not counted). */
    private static int listed(JsonNode node, String field) {
        int count = 0;
        if (node.isObject()) {
            for (var entry : node.properties()) {
                if (entry.getKey().equals(field) && entry.getValue().isArray()) {
                    for (var item : entry.getValue()) {
                        count += item.isNull() ? 0 : 1;
                    }
                }
                count += listed(entry.getValue(), field);
            }
        } else if (node.isArray()) {
            for (var item : node) {
                count += listed(item, field);
            }
        }
        return count;
    }

    private static Map<String, String> queries() {
        var queries = new LinkedHashMap<String, String>();
        queries.put("list conditions", "{ conditions(first: 20) { totalCount edges { node { id name } } } }");
        queries.put(
                "text search",
                "{ references(first: 20, filter: { text: \"refractory\" }) { totalCount edges { node { id title } } } }");
        queries.put(
                "condition detail",
                "{ condition(id: \"depression\") { id treatments { role evidence { id title } } } }");
        queries.put("four levels", Benchmarks.FOUR_LEVELS);
        return queries;
    }

    private static List<Double> multipliers(String text) {
        var values = Stream.of(text.split(","))
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .map(Double::valueOf)
                .toList();
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) <= 0 || (i > 0 && values.get(i) <= values.get(i - 1))) {
                throw new IllegalArgumentException("atlas.scale.multipliers must be positive and increasing: " + text);
            }
        }
        return values;
    }

    private static String format(double multiplier) {
        return String.format(Locale.ROOT, "%s", multiplier).replaceAll("\\.0$", "");
    }
}
