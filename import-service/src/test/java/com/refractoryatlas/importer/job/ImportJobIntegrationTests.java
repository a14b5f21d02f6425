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
    JobRunner runner;

    @Autowired
    com.refractoryatlas.importer.ImportProperties properties;

    @Autowired
    com.refractoryatlas.importer.plan.DocumentPlanner planner;

    HttpGraphQlTester importer;

    /** An editor through the gateway: sees every job. */
    HttpGraphQlTester editor;

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
        editor = anonymous
                .mutate()
                .header(Caller.SERVICE_TOKEN_HEADER, "local-dev-service-token")
                .header(Caller.USER_ROLES_HEADER, "editor")
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
        void refusesADocumentOverTheSizeLimitWithTooLargeNamingTheLimitAndStoresNothing() {
            importer.documentName("importDocument")
                    .variable("source", "big.txt")
                    .variable("text", "x".repeat(64 * 1024 + 1))
                    .execute()
                    .errors()
                    .expect(error -> "TOO_LARGE".equals(error.getExtensions().get("code"))
                            && "documentBytes".equals(error.getExtensions().get("limit"))
                            && error.getMessage().contains("65536"))
                    .verify();
            assertThat(database.getCollection("jobs").countDocuments()).isZero();
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
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                            database.getCollection("documents").countDocuments())
                    .isZero());
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
            var first = editor.documentName("importJobs").variable("first", 2).execute();
            first.path("importJobs.totalCount").entity(Integer.class).isEqualTo(5);
            first.path("importJobs.edges[*].node.id").entityList(String.class).containsExactly("job-4", "job-3");
            var cursor = first.path("importJobs.pageInfo.endCursor")
                    .entity(String.class)
                    .get();

            var second = editor.documentName("importJobs")
                    .variable("first", 10)
                    .variable("after", cursor)
                    .execute();
            second.path("importJobs.edges[*].node.id")
                    .entityList(String.class)
                    .containsExactly("job-2", "job-1", "job-0");
            second.path("importJobs.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
        }

        @Test
        void pagesBackwardFromTheOldestJobs() {
            var base = Instant.parse("2026-01-01T00:00:00Z");
            for (int i = 0; i < 5; i++) {
                repository.save(finished("job-" + i, base.plusSeconds(i)));
            }
            var last = editor.documentName("importJobs").variable("last", 2).execute();
            last.path("importJobs.edges[*].node.id").entityList(String.class).containsExactly("job-1", "job-0");
            last.path("importJobs.pageInfo.hasPreviousPage")
                    .entity(Boolean.class)
                    .isEqualTo(true);
            var start = last.path("importJobs.pageInfo.startCursor")
                    .entity(String.class)
                    .get();

            var previous = editor.documentName("importJobs")
                    .variable("last", 10)
                    .variable("before", start)
                    .execute();
            previous.path("importJobs.edges[*].node.id")
                    .entityList(String.class)
                    .containsExactly("job-4", "job-3", "job-2");
            previous.path("importJobs.pageInfo.hasPreviousPage")
                    .entity(Boolean.class)
                    .isEqualTo(false);
            editor.documentName("importJobs")
                    .variable("first", 1)
                    .variable("last", 1)
                    .execute()
                    .errors()
                    .satisfy(errors ->
                            assertThat(errors.getFirst().getExtensions()).containsEntry("code", "BAD_USER_INPUT"));
        }

        @Test
        void filtersJobsByStatus() {
            repository.save(finished("done", Instant.now()));
            repository.save(ImportJob.queued("waiting", "w.txt", "w", Instant.now())
                    .retrying("down", Instant.now().plus(Duration.ofHours(1)), Instant.now()));

            editor.documentName("importJobs")
                    .variable("status", "RETRYING")
                    .execute()
                    .path("importJobs.edges[*].node.id")
                    .entityList(String.class)
                    .containsExactly("waiting");
        }

        @Test
        void rejectsPagesLargerThanOneHundredAndForeignCursors() {
            editor.documentName("importJobs")
                    .variable("first", 101)
                    .execute()
                    .errors()
                    .expect(error ->
                            "BAD_USER_INPUT".equals(error.getExtensions().get("code")))
                    .verify();
            editor.documentName("importJobs")
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

            var response = editor.documentName("entities")
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
                    editor.documentName("importJob").variable("id", "job-b").execute();

            response.path("importJob.status").entity(String.class).isEqualTo("SUCCEEDED");
            response.path("importJob.createdAt").entity(String.class).isEqualTo("2026-02-03T04:05:06Z");
            response.path("importJob.article.id").entity(String.class).isEqualTo("doi:10.1000/a");
            response.path("importJob.counts.references").entity(Integer.class).isEqualTo(3);
        }
    }

    @Nested
    class Content {

        @Test
        void acceptsAFileAsBase64AndChecksumsItsBytes() {
            byte[] bytes = "%PDF-1.4 not really a pdf\n\u00ff".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            var job = importer.documentName("importContent")
                    .variable("source", "paper.pdf")
                    .variable("content", java.util.Base64.getMimeEncoder().encodeToString(bytes))
                    .variable("mediaType", "application/pdf")
                    .execute()
                    .path("importDocument")
                    .entity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {})
                    .get();

            assertThat(job.get("checksum")).isEqualTo(ImportJobs.sha256(bytes));
            var stored = repository.findById((String) job.get("id")).orElseThrow();
            assertThat(stored.mediaType()).isEqualTo("application/pdf");
            assertThat(stored.size()).isEqualTo(bytes.length);
        }

        @Test
        void storesADocumentLargerThanOneChunkAndReadsItBackWhole() {
            var bytes = new byte[ImportJobRepository.CHUNK_BYTES * 2 + 17];
            new java.util.Random(7).nextBytes(bytes);
            repository.saveDocument("big-job", bytes);

            assertThat(repository.findDocument("big-job")).isEqualTo(bytes);
            repository.deleteDocument("big-job");
            assertThat(repository.findDocument("big-job")).isNull();
        }

        static Stream<Arguments> badInputs() {
            return Stream.of(
                    Arguments.of("both text and content", "text", "dGV4dA==", "BAD_USER_INPUT"),
                    Arguments.of("neither text nor content", null, null, "BAD_USER_INPUT"),
                    Arguments.of("invalid base64", null, "not*base64!", "BAD_USER_INPUT"),
                    Arguments.of(
                            "content over the limit",
                            null,
                            java.util.Base64.getEncoder().encodeToString(new byte[64 * 1024 + 1]),
                            "TOO_LARGE"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("badInputs")
        void refusesBadInputWithATypedErrorAndStoresNothing(
                String name, String text, String content, String expectedCode) {
            importer.documentName("importContent")
                    .variable("source", "x.bin")
                    .variable("text", text)
                    .variable("content", content)
                    .execute()
                    .errors()
                    .expect(error -> expectedCode.equals(error.getExtensions().get("code")))
                    .verify();
            assertThat(database.getCollection("jobs").countDocuments()).isZero();
            assertThat(database.getCollection("documents").countDocuments()).isZero();
        }
    }

    @Nested
    class Visibility {

        HttpGraphQlTester importerNamed(String user) {
            return importer.mutate()
                    .header(UserIdInterceptor.USER_ID_HEADER, user)
                    .build();
        }

        @Test
        void anonymousCallersSeeNoJobsImportersTheirOwnAndEditorsAll() {
            var alices = importerNamed("alice");
            var bobs = importerNamed("bob");
            var aliceJob = submitAs(alices, "alice.txt", "Alice's document");
            var bobJob = submitAs(bobs, "bob.txt", "Bob's document");

            assertThat(listedIds(alices)).containsExactly(aliceJob);
            assertThat(listedIds(bobs)).containsExactly(bobJob);
            assertThat(listedIds(editor)).containsExactlyInAnyOrder(aliceJob, bobJob);
            assertThat(listedIds(anonymous)).isEmpty();
            var anonymousThroughGateway = anonymous
                    .mutate()
                    .header(Caller.SERVICE_TOKEN_HEADER, "local-dev-service-token")
                    .header(Caller.USER_ROLES_HEADER, "anonymous")
                    .build();
            assertThat(listedIds(anonymousThroughGateway)).isEmpty();
            anonymousThroughGateway
                    .documentName("importJob")
                    .variable("id", aliceJob)
                    .execute()
                    .path("importJob")
                    .valueIsNull();
            bobs.documentName("importJob")
                    .variable("id", aliceJob)
                    .execute()
                    .path("importJob")
                    .valueIsNull();
            alices.documentName("importJob")
                    .variable("id", aliceJob)
                    .execute()
                    .path("importJob.source")
                    .entity(String.class)
                    .isEqualTo("alice.txt");
        }

        @Test
        void theSameDocumentFromAnotherImporterIsTheirOwnJob() throws IOException {
            org.junit.jupiter.api.Assumptions.assumeTrue(parserReady(), "the parser does not recognise the seeds yet");
            var text = seed(0);
            var first = submitAs(importerNamed("alice"), "a.txt", text);
            var second = submitAs(importerNamed("bob"), "b.txt", text);
            var again = submitAs(importerNamed("alice"), "a-again.txt", text);

            assertThat(second).isNotEqualTo(first);
            assertThat(again).isEqualTo(first);
        }

        @Test
        void entitiesOfJobsTheCallerMayNotSeeAreNull() {
            repository.save(finished("job-hidden", Instant.now()));
            anonymous
                    .mutate()
                    .header(Caller.SERVICE_TOKEN_HEADER, "local-dev-service-token")
                    .header(Caller.USER_ROLES_HEADER, "user")
                    .build()
                    .documentName("entities")
                    .variable(
                            "representations",
                            List.of(
                                    Map.of("__typename", "ImportJob", "id", "job-hidden"),
                                    Map.of("__typename", "Article", "id", "doi:10.1000/a")))
                    .execute()
                    .path("_entities[0]")
                    .valueIsNull()
                    .path("_entities[1].importJob")
                    .valueIsNull();
        }

        private String submitAs(HttpGraphQlTester tester, String source, String text) {
            return tester.documentName("importDocument")
                    .variable("source", source)
                    .variable("text", text)
                    .execute()
                    .path("importDocument.id")
                    .entity(String.class)
                    .get();
        }

        private List<String> listedIds(HttpGraphQlTester tester) {
            return tester.documentName("importJobs")
                    .execute()
                    .path("importJobs.edges[*].node.id")
                    .entityList(String.class)
                    .get();
        }
    }

    @Nested
    class Filters {

        @Test
        void findsTheJobsOfADocumentByItsChecksum() {
            var text = "A document imported once";
            var id = (String) submit("once.txt", text).get("id");
            submit("other.txt", "Another document");
            var checksum = ImportJobs.sha256(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));

            editor.documentName("importJobs")
                    .variable("checksum", checksum.toUpperCase(java.util.Locale.ROOT))
                    .execute()
                    .path("importJobs.edges[*].node.id")
                    .entityList(String.class)
                    .containsExactly(id);
            editor.documentName("importJobs")
                    .variable("checksum", "not-a-checksum")
                    .execute()
                    .errors()
                    .expect(error ->
                            "BAD_USER_INPUT".equals(error.getExtensions().get("code")))
                    .verify();
        }

        @Test
        void findsJobsByWarningCode() {
            var warned = finished("warned", Instant.now())
                    .withWarnings(List.of(new ImportError("MISSING_DOI", "no DOI", 3)));
            repository.save(warned);
            repository.save(finished("clean", Instant.now()));

            editor.documentName("importJobs")
                    .variable("warning", "MISSING_DOI")
                    .execute()
                    .path("importJobs.edges[*].node.id")
                    .entityList(String.class)
                    .containsExactly("warned");
        }
    }

    @Nested
    class Leases {

        @Test
        void aFailedDocumentSubmittedAgainStartsANewJob() {
            var failed = submit("empty.txt", "");
            var first = awaitFinished((String) failed.get("id"));
            assertThat(first.status()).isEqualTo(ImportStatus.FAILED);

            var again = submit("empty.txt", "");

            assertThat(again.get("id")).isNotEqualTo(first.id());
            assertThat(database.getCollection("jobs").countDocuments()).isEqualTo(2);
        }

        @Test
        void aJobWhoseWorkerDiedIsTakenUpAgainOnceItsLeaseHasExpired() {
            var orphan = running("orphan", "dead-worker", Instant.now().minusSeconds(1), 1);
            // the document first, as a submission stores it: a worker may claim the expired job at once
            repository.saveDocument("orphan", new byte[0]);
            repository.save(orphan);

            var finished = awaitFinished("orphan");

            assertThat(finished.status()).isEqualTo(ImportStatus.FAILED);
            assertThat(finished.errors()).extracting(ImportError::code).contains("EMPTY_DOCUMENT");
            assertThat(finished.runs()).isEqualTo(2);
        }

        @Test
        void aJobUnderAnotherWorkersLiveLeaseIsLeftAlone() {
            repository.save(running("busy", "other-worker", Instant.now().plusSeconds(60), 1));
            repository.saveDocument("busy", new byte[0]);

            assertThat(repository.saveLeased(
                            repository.findById("busy").orElseThrow().withStatus(ImportStatus.FAILED, 1, Instant.now()),
                            "not-the-owner"))
                    .as("a worker without the lease cannot change the job")
                    .isFalse();
            await().pollDelay(Duration.ofSeconds(1)).atMost(PATIENCE).untilAsserted(() -> assertThat(
                            repository.findById("busy").orElseThrow().leaseOwner())
                    .isEqualTo("other-worker"));
        }

        @Test
        void aDocumentWhoseWorkerDiesEveryTimeFailsAfterTheLastRun() {
            repository.saveDocument("poison", "Some text".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            repository.save(running("poison", "dead-worker", Instant.now().minusSeconds(1), 3));

            var finished = awaitFinished("poison");

            assertThat(finished.status()).isEqualTo(ImportStatus.FAILED);
            assertThat(finished.errors()).extracting(ImportError::code).containsExactly("INTERRUPTED_TOO_OFTEN");
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                            database.getCollection("documents").countDocuments())
                    .isZero());
        }

        @Test
        void twoWorkersLikeTwoReplicasTakeEachJobExactlyOnce() {
            var second = new ImportWorker(repository, runner, properties);
            second.start();
            try {
                var ids = new java.util.ArrayList<String>();
                for (int i = 0; i < 12; i++) {
                    ids.add((String)
                            submit("empty-" + i + ".txt", " ".repeat(i + 1)).get("id"));
                }
                second.wake();

                for (var id : ids) {
                    var job = awaitFinished(id);
                    assertThat(job.status()).isEqualTo(ImportStatus.FAILED);
                    assertThat(job.runs()).as("claimed once, by one worker").isEqualTo(1);
                }
            } finally {
                second.stop();
            }
        }

        @Test
        void anImporterRunningAsManyJobsAsTheyMayWaitsWhileOthersJobsAreClaimed() {
            var now = Instant.now();
            var later = now.plus(Duration.ofHours(2));
            repository.save(owned(running("alice-running", "a-worker", now.plus(Duration.ofHours(10)), 1), "alice"));
            repository.save(owned(
                    ImportJob.queued("alice-waiting", "a.txt", "sum-a", now.minusSeconds(10))
                            .retrying("down", now.plus(Duration.ofHours(1)), now),
                    "alice"));
            repository.save(owned(
                    ImportJob.queued("bob-waiting", "b.txt", "sum-b", now)
                            .retrying("down", now.plus(Duration.ofHours(1)), now),
                    "bob"));

            var running = repository.runningBySubmitter(later);
            var claimed = repository.claimNext(later, "w", later.plusSeconds(30), java.util.Set.of("alice"));

            assertThat(running).containsEntry("alice", 1L).doesNotContainKey("bob");
            assertThat(claimed).isNotNull();
            assertThat(claimed.id()).isEqualTo("bob-waiting");
            assertThat(claimed.leaseOwner()).isEqualTo("w");
        }

        private ImportJob owned(ImportJob job, String submitter) {
            return new ImportJob(
                    job.id(),
                    job.source(),
                    job.checksum(),
                    job.status(),
                    job.progress(),
                    job.counts(),
                    job.matched(),
                    job.errors(),
                    job.warnings(),
                    job.articleId(),
                    job.articleStep(),
                    job.attempts(),
                    job.nextAttemptAt(),
                    job.lastFailure(),
                    job.createdAt(),
                    job.updatedAt(),
                    job.finishedAt(),
                    submitter,
                    ImportJob.dedupKeyOf(submitter, job.checksum()),
                    job.mediaType(),
                    job.size(),
                    job.leaseOwner(),
                    job.leaseUntil(),
                    job.runs(),
                    job.undo());
        }

        private ImportJob running(String id, String worker, Instant leaseUntil, int runs) {
            var queued = ImportJob.queued(id, id + ".txt", "sum-" + id, Instant.now());
            return new ImportJob(
                    queued.id(),
                    queued.source(),
                    queued.checksum(),
                    ImportStatus.PARSING,
                    0.1,
                    queued.counts(),
                    queued.matched(),
                    List.of(),
                    List.of(),
                    null,
                    null,
                    0,
                    null,
                    null,
                    queued.createdAt(),
                    queued.updatedAt(),
                    null,
                    null,
                    queued.dedupKey(),
                    null,
                    0,
                    worker,
                    leaseUntil,
                    runs,
                    false);
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
