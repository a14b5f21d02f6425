package com.refractoryatlas.importer.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import com.refractoryatlas.subgraph.Caller;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The import API on its own: submission rules, limits, bad documents and reads. No catalog or references service
 * runs here (their URLs lead nowhere), so a job that tried to write would wait in RETRYING: a FAILED job with
 * {@code attempts == 0} proves that nothing was written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
class ImportJobIntegrationTests {

    static final Path SEEDS = Path.of("..", "samples", "seeds");
    static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    HttpGraphQlTester tester;

    /** A caller without credentials; the machine is shared and slow, hence the generous timeout. */
    HttpGraphQlTester anonymous;

    @Autowired
    MongoDatabase database;

    @Autowired
    ImportJobRepository repository;

    @Autowired
    com.refractoryatlas.importer.plan.DocumentPlanner planner;

    HttpGraphQlTester importer;

    /** True once the parser (developed in parallel) recognises the sample seeds. */
    boolean parserReady() throws IOException {
        return planner.plan("000.txt", seed(0)) instanceof com.refractoryatlas.importer.plan.DocumentPlan.Write;
    }

    @BeforeEach
    void clean() {
        database.getCollection("jobs").deleteMany(new Document());
        database.getCollection("documents").deleteMany(new Document());
        anonymous = tester.mutate().responseTimeout(Duration.ofSeconds(60)).build();
        importer = anonymous
                .mutate()
                .header(Caller.SERVICE_TOKEN_HEADER, "local-dev-service-token")
                .header(Caller.USER_ROLES_HEADER, "importer")
                .build();
    }

    @Nested
    class Submitting {

        @Test
        void refusesACallerWithoutTheServiceCredential() {
            anonymous
                    .documentName("importDocument")
                    .variable("source", "a.txt")
                    .variable("text", "text")
                    .execute()
                    .errors()
                    .expect(error ->
                            "UNAUTHENTICATED".equals(error.getExtensions().get("code")))
                    .verify();
            assertThat(database.getCollection("jobs").countDocuments()).isZero();
        }

        @Test
        void refusesACallerWithoutTheImporterRole() {
            anonymous
                    .mutate()
                    .header(Caller.SERVICE_TOKEN_HEADER, "local-dev-service-token")
                    .header(Caller.USER_ROLES_HEADER, "reader")
                    .build()
                    .documentName("importDocument")
                    .variable("source", "a.txt")
                    .variable("text", "text")
                    .execute()
                    .errors()
                    .expect(error -> "FORBIDDEN".equals(error.getExtensions().get("code")))
                    .verify();
            assertThat(database.getCollection("jobs").countDocuments()).isZero();
        }

        @Test
        void rejectsABlankSource() {
            importer.documentName("importDocument")
                    .variable("source", "  ")
                    .variable("text", "text")
                    .execute()
                    .errors()
                    .expect(error ->
                            "BAD_USER_INPUT".equals(error.getExtensions().get("code")))
                    .verify();
        }

        @Test
        void storesTheJobAndItsTextBeforeAnyWorkAndAnswersTheSameJobForTheSameText() throws IOException {
            var text = seed(0);
            var first = submit("000.txt", text);
            var again = submit("renamed.txt", text);

            assertThat(again.get("id")).isEqualTo(first.get("id"));
            assertThat(again.get("source")).isEqualTo("000.txt");
            assertThat(first.get("checksum"))
                    .isEqualTo(ImportJobs.sha256(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(database.getCollection("jobs").countDocuments()).isEqualTo(1);
        }

        @Test
        void failsADocumentOverTheSizeLimitWithTooLargeWithoutKeepingItsText() {
            var text = "x".repeat(64 * 1024 + 1);
            var job = submit("big.txt", text);

            assertThat(job.get("status")).isEqualTo("FAILED");
            assertThat(errorCodes(job)).containsExactly("TOO_LARGE");
            assertThat(database.getCollection("documents").countDocuments()).isZero();
        }

        @Test
        void answersQueueFullWhenTheQueueHoldsItsCapacity() {
            for (int i = 0; i < 20; i++) {
                var waiting = ImportJob.queued(UUID.randomUUID().toString(), "w" + i, "sum" + i, Instant.now())
                        .retrying("down", Instant.now().plus(Duration.ofHours(1)), Instant.now());
                repository.save(waiting);
            }
            importer.documentName("importDocument")
                    .variable("source", "one-too-many.txt")
                    .variable("text", "Some text")
                    .execute()
                    .errors()
                    .expect(error -> "QUEUE_FULL".equals(error.getExtensions().get("code")))
                    .verify();
            assertThat(database.getCollection("jobs").countDocuments()).isEqualTo(20);
        }
    }

    @Nested
    class BadDocuments {

        static Stream<Arguments> badDocuments() {
            return Stream.of(
                    Arguments.of("empty", "", "EMPTY_DOCUMENT"),
                    Arguments.of("whitespace", "  \n\t\n   \n", "EMPTY_DOCUMENT"),
                    Arguments.of(
                            "binary", "PK\u0003\u0004\u0000\u0000\u0000binary\u0000\u0001\u0002", "BINARY_CONTENT"),
                    Arguments.of(
                            "invalid UTF-8 (decoded with replacement characters)",
                            "Title\n\nSome text \uFFFD\uFFFD here\n",
                            ""),
                    Arguments.of(
                            "HTML",
                            "<!DOCTYPE html><html><head><title>x</title></head><body><p>Hello</p></body></html>",
                            "HTML_NOT_SUPPORTED"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("badDocuments")
        void failWithTheirErrorsAndWriteNothing(String name, String text, String expectedCode) throws IOException {
            var job = submit(name + ".txt", text);

            var finished = awaitFinished((String) job.get("id"));

            assertThat(finished.status()).isEqualTo(ImportStatus.FAILED);
            assertThat(finished.errors()).isNotEmpty();
            if (parserReady() && !expectedCode.isEmpty()) {
                assertThat(finished.errors()).extracting(ImportError::code).contains(expectedCode);
            }
            assertThat(finished.attempts()).as("no write was ever tried").isZero();
            assertThat(finished.articleId()).isNull();
            assertThat(database.getCollection("documents").countDocuments()).isZero();
        }

        @Test
        void aBrokenReferenceListFailsAndWritesNothing() throws IOException {
            var text = seed(0);
            var broken = text.substring(0, text.indexOf("## References") + "## References".length())
                    + "\n\n1. \n2. \n[3] ???\n";
            var job = submit("broken-references.txt", broken);

            var finished = awaitFinished((String) job.get("id"));

            assertThat(finished.status()).isEqualTo(ImportStatus.FAILED);
            assertThat(finished.errors()).isNotEmpty();
            assertThat(finished.attempts()).isZero();
        }
    }

    @Nested
    class Waiting {

        @Test
        void aValidDocumentWaitsInRetryingWhileTheReferencesServiceIsDown() throws IOException {
            org.junit.jupiter.api.Assumptions.assumeTrue(parserReady(), "the parser does not recognise the seeds yet");
            var job = submit("000.txt", seed(0));

            await().atMost(PATIENCE).untilAsserted(() -> {
                var stored = repository.findById((String) job.get("id")).orElseThrow();
                assertThat(stored.status()).isEqualTo(ImportStatus.RETRYING);
                assertThat(stored.attempts()).isGreaterThanOrEqualTo(2);
                assertThat(stored.lastFailure()).startsWith("references");
                assertThat(stored.nextAttemptAt()).isNotNull();
            });
            assertThat(database.getCollection("documents").countDocuments())
                    .as("the text is kept until the job finishes")
                    .isEqualTo(1);
        }
    }

    @Nested
    class Reading {

        @Test
        void pagesJobsNewestFirstWithAnOpaqueCursor() {
            var base = Instant.parse("2026-01-01T00:00:00Z");
            for (int i = 0; i < 5; i++) {
                repository.save(finished("job-" + i, base.plusSeconds(i)));
            }
            var first = importer.documentName("importJobs").variable("first", 2).execute();
            first.path("importJobs.totalCount").entity(Integer.class).isEqualTo(5);
            first.path("importJobs.edges[*].node.id").entityList(String.class).containsExactly("job-4", "job-3");
            var cursor = first.path("importJobs.pageInfo.endCursor")
                    .entity(String.class)
                    .get();

            var second = importer.documentName("importJobs")
                    .variable("first", 10)
                    .variable("after", cursor)
                    .execute();
            second.path("importJobs.edges[*].node.id")
                    .entityList(String.class)
                    .containsExactly("job-2", "job-1", "job-0");
            second.path("importJobs.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
        }

        @Test
        void filtersJobsByStatus() {
            repository.save(finished("done", Instant.now()));
            repository.save(ImportJob.queued("waiting", "w.txt", "w", Instant.now())
                    .retrying("down", Instant.now().plus(Duration.ofHours(1)), Instant.now()));

            importer.documentName("importJobs")
                    .variable("status", "RETRYING")
                    .execute()
                    .path("importJobs.edges[*].node.id")
                    .entityList(String.class)
                    .containsExactly("waiting");
        }

        @Test
        void rejectsPagesLargerThanOneHundredAndForeignCursors() {
            importer.documentName("importJobs")
                    .variable("first", 101)
                    .execute()
                    .errors()
                    .expect(error ->
                            "BAD_USER_INPUT".equals(error.getExtensions().get("code")))
                    .verify();
            importer.documentName("importJobs")
                    .variable("after", "not-a-cursor")
                    .execute()
                    .errors()
                    .expect(error ->
                            "BAD_USER_INPUT".equals(error.getExtensions().get("code")))
                    .verify();
        }

        @Test
        void resolvesJobEntitiesAndTheImportJobOfArticlesInOneRequest() {
            repository.save(finished("job-a", Instant.now()));
            var representations = List.of(
                    Map.of("__typename", "ImportJob", "id", "job-a"),
                    Map.of("__typename", "ImportJob", "id", "missing"),
                    Map.of("__typename", "Article", "id", "doi:10.1000/a"),
                    Map.of("__typename", "Article", "id", "doi:10.1000/none"));

            var response = importer.documentName("entities")
                    .variable("representations", representations)
                    .execute();

            response.path("_entities[0].id").entity(String.class).isEqualTo("job-a");
            response.path("_entities[1]").valueIsNull();
            response.path("_entities[2].importJob.id").entity(String.class).isEqualTo("job-a");
            response.path("_entities[3].importJob").valueIsNull();
        }

        @Test
        void servesAnImportJobWithItsArticleReference() {
            repository.save(finished("job-b", Instant.parse("2026-02-03T04:05:06Z")));

            var response =
                    importer.documentName("importJob").variable("id", "job-b").execute();

            response.path("importJob.status").entity(String.class).isEqualTo("SUCCEEDED");
            response.path("importJob.createdAt").entity(String.class).isEqualTo("2026-02-03T04:05:06Z");
            response.path("importJob.article.id").entity(String.class).isEqualTo("doi:10.1000/a");
            response.path("importJob.counts.references").entity(Integer.class).isEqualTo(3);
        }
    }

    private static ImportJob finished(String id, Instant createdAt) {
        var step = new ArticleStep("doi:10.1000/a", List.of());
        return ImportJob.queued(id, id + ".txt", "checksum-" + id, createdAt)
                .withArticle(step, new ImportCounts(0, 0, 0, 3, 1, 0), ImportCounts.NONE, 0.7, createdAt)
                .succeeded(ImportCounts.NONE, ImportCounts.NONE, createdAt);
    }

    Map<String, Object> submit(String source, String text) {
        return importer.documentName("importDocument")
                .variable("source", source)
                .variable("text", text)
                .execute()
                .path("importDocument")
                .entity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
    }

    ImportJob awaitFinished(String id) {
        return await().atMost(PATIENCE).until(() -> repository.findById(id).orElseThrow(), job -> job.status()
                .finished());
    }

    @SuppressWarnings("unchecked")
    static List<String> errorCodes(Map<String, Object> job) {
        return ((List<Map<String, Object>>) job.get("errors"))
                .stream().map(error -> (String) error.get("code")).toList();
    }

    static String seed(int index) throws IOException {
        try (var files = Files.list(SEEDS)) {
            var file = files.sorted().toList().get(index);
            return Files.readString(file);
        }
    }
}
