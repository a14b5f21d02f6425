package com.refractoryatlas.importer.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.refractoryatlas.importer.system.GeneratedDocuments;
import com.refractoryatlas.importer.system.RunningSystem;
import com.refractoryatlas.importer.system.RunningSystemExtension;
import com.refractoryatlas.importer.system.SystemQueries;
import com.refractoryatlas.subgraph.Caller;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.graphql.client.HttpSyncGraphQlClient;
import org.springframework.web.client.RestClient;

/**
 * End-to-end import rate: 1,000 distinct generated documents of seed size submitted over the import service's GraphQL
 * API and written through the real catalog and references services on the embedded MongoDB. Run with
 * {@code ./mvnw -pl import-service test -Pbenchmark}; prints the figures and writes them to
 * {@code target/benchmarks/import-throughput.txt}.
 *
 * <p>Every generated variant has the template's body, so every one discusses the same conditions; the catalog keeps at
 * most {@code CATALOG_MAX_LIST_ITEMS} (200) article ids per condition and rightly refuses the 201st with
 * {@code BAD_USER_INPUT}. With the three seed articles and the warm-up that caps a run against a default catalog at
 * about 175 documents: run with {@code -Datlas.benchmark.documents=170}. On failure the assertion lists the first
 * failed jobs with their error codes and messages.
 */
@Tag("benchmark")
@ExtendWith(RunningSystemExtension.class)
class ImportThroughputBenchmarkTests {

    static final int DOCUMENTS = Integer.getInteger("atlas.benchmark.documents", 1000);
    static final int WARM_UP = 20;
    static final int FAILED_SHOWN = 5;

    @Test
    void importsOneThousandGeneratedDocuments() throws IOException {
        var system = RunningSystem.get();
        system.stopImportService();
        system.wipe();
        var context = system.importService();
        var jobs = context.getBean(ImportJobs.class);
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        var client = HttpSyncGraphQlClient.builder(RestClient.builder())
                .url("http://127.0.0.1:" + port + "/graphql")
                .header(Caller.SERVICE_TOKEN_HEADER, "local-dev-service-token")
                .header(Caller.USER_ROLES_HEADER, "importer")
                .build();

        for (var seed : GeneratedDocuments.seeds()) {
            submit(client, seed.name(), seed.text());
        }
        for (int k = 0; k < WARM_UP; k++) {
            var warm = GeneratedDocuments.variant(100_000 + k);
            submit(client, warm.name(), warm.text());
        }
        awaitAllSucceeded(jobs, GeneratedDocuments.seeds().size() + WARM_UP);

        var documents = new ArrayList<GeneratedDocuments.Seed>();
        for (int k = 0; k < DOCUMENTS; k++) {
            documents.add(GeneratedDocuments.variant(k));
        }
        long bytes = documents.stream().mapToLong(d -> d.text().length()).sum();
        long start = System.nanoTime();
        for (var document : documents) {
            submit(client, document.name(), document.text());
        }
        long submitted = System.nanoTime();
        int total = GeneratedDocuments.seeds().size() + WARM_UP + DOCUMENTS;
        awaitAllSucceeded(jobs, total);
        long finished = System.nanoTime();

        double seconds = (finished - start) / 1e9;
        var counts = new SystemQueries(system).counts();
        var report = String.format(
                """
                import-throughput (%d generated documents of seed size, %.1f KB average, through the running catalog \
                and references services on the in-memory embedded MongoDB; import concurrency %d)
                  submit phase     : %.2f s
                  end to end       : %.2f s
                  rate             : %.1f documents/s
                  system after run : %s
                  cores            : %d available to this JVM (machine shared with other builds)
                """,
                DOCUMENTS,
                bytes / 1024.0 / DOCUMENTS,
                2,
                (submitted - start) / 1e9,
                seconds,
                DOCUMENTS / seconds,
                counts,
                Runtime.getRuntime().availableProcessors());
        System.out.println(report);
        var out = Path.of("target", "benchmarks", "import-throughput.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        assertThat(counts.journalArticles()).isEqualTo(3 + WARM_UP + DOCUMENTS);
        system.stopImportService();
    }

    private static void submit(HttpSyncGraphQlClient client, String source, String text) {
        var response = client.document(
                        "mutation($input: ImportDocumentInput!) { importDocument(input: $input) { id } }")
                .variable("input", Map.of("source", source, "text", text))
                .executeSync();
        assertThat(response.getErrors()).isEmpty();
    }

    private static void awaitAllSucceeded(ImportJobs jobs, int expected) {
        await().atMost(Duration.ofMinutes(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    var page = jobs.page(ImportStatus.SUCCEEDED, 1, null);
                    var failed = jobs.page(ImportStatus.FAILED, FAILED_SHOWN, null);
                    assertThat(failed.totalCount())
                            .as(() -> "failed jobs, first ones: "
                                    + failed.edges().stream()
                                            .map(edge -> edge.node().source() + " "
                                                    + edge.node().errors())
                                            .toList())
                            .isZero();
                    return page.totalCount() >= expected;
                });
    }
}
