package com.refractoryatlas.importer.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import com.refractoryatlas.importer.plan.DocumentPlan;
import com.refractoryatlas.importer.plan.DocumentPlanner;
import com.refractoryatlas.importer.system.GeneratedDocuments;
import com.refractoryatlas.importer.system.RunningSystem;
import com.refractoryatlas.importer.system.RunningSystemExtension;
import com.refractoryatlas.importer.system.SystemQueries;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The acceptance criteria against the real catalog and references services (separate processes, see
 * {@link RunningSystem}); the import service runs in this JVM so that a test can close it mid-import and start it
 * again on the same database. The tests build on each other, in order, as a user's session would.
 */
@ExtendWith(RunningSystemExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImportAcceptanceIntegrationTests {

    static final Duration PATIENCE = Duration.ofMinutes(3);

    static RunningSystem system;
    static SystemQueries queries;

    @BeforeAll
    static void freshSystem() {
        system = RunningSystem.get();
        system.stopImportService();
        system.start("catalog");
        system.start("references");
        system.wipe();
        queries = new SystemQueries(system);
    }

    @AfterAll
    static void stopImportService() {
        if (system != null) {
            system.stopImportService();
        }
    }

    static ImportJobs jobs() {
        return importService().getBean(ImportJobs.class);
    }

    static org.springframework.context.ConfigurableApplicationContext importService() {
        return system.importService("--atlas.import.seed-dir=" + GeneratedDocuments.SEEDS.toAbsolutePath());
    }

    @Test
    @Order(1)
    void theSeedsImportedAtFirstStartYieldThreeArticlesAndThirtyReferencesAllCitedWithTheirEvidence() {
        var finished = awaitAllFinished(5);
        assertThat(finished).extracting(ImportJob::status).containsOnly(ImportStatus.SUCCEEDED);

        var counts = queries.counts();
        assertThat(counts.journalArticles()).isEqualTo(3);
        assertThat(counts.articles())
                .as("explainer pages are EXPLAINER articles")
                .isEqualTo(5);
        assertThat(counts.references()).isEqualTo(30);

        var articles = queries.articles();
        var cited = articles.stream()
                .flatMap(a -> a.citations().stream())
                .map(SystemQueries.Citation::referenceId)
                .collect(Collectors.toSet());
        assertThat(cited)
                .as("every reference is linked from its article's citations")
                .containsExactlyInAnyOrderElementsOf(queries.referenceIds());
    }

    @Test
    @Order(1)
    void everyCitedPairingOfTheSeedsIsQueryableWithItsEvidence() {
        var finished = awaitAllFinished(5);
        assertEveryCitedPairingIsQueryableWithItsEvidence(finished, queries.articles());
    }

    private static void assertEveryCitedPairingIsQueryableWithItsEvidence(
            List<ImportJob> finished, List<SystemQueries.Article> articles) {
        var planner = importService().getBean(DocumentPlanner.class);
        var treatments = queries.treatments().stream()
                .collect(Collectors.toMap(t -> t.conditionId() + "|" + t.therapyId(), t -> t));
        var conditions = new HashSet<>(queries.conditionIds());
        var therapies = new HashSet<>(queries.therapyIds());
        int checked = 0;
        for (var seed : GeneratedDocuments.seeds()) {
            var job = finished.stream()
                    .filter(j -> j.source().equals(seed.name()))
                    .findFirst()
                    .orElseThrow();
            var article = articles.stream()
                    .filter(a -> a.id().equals(job.articleId()))
                    .findFirst()
                    .orElseThrow();
            Map<Integer, String> referenceByNumber = article.citations().stream()
                    .collect(Collectors.toMap(SystemQueries.Citation::number, SystemQueries.Citation::referenceId));
            var plan = (DocumentPlan.Write) planner.plan(seed.name(), seed.text());
            for (var draft : plan.catalog().treatments()) {
                assertThat(conditions).contains(draft.conditionId());
                assertThat(therapies).contains(draft.therapyId());
                var stored = treatments.get(draft.conditionId() + "|" + draft.therapyId());
                assertThat(stored)
                        .as("treatment %s × %s", draft.conditionId(), draft.therapyId())
                        .isNotNull();
                var expected = draft.citationNumbers().stream()
                        .map(referenceByNumber::get)
                        .toList();
                assertThat(stored.evidenceIds()).containsAll(expected);
                checked += draft.citationNumbers().isEmpty() ? 0 : 1;
            }
        }
        assertThat(checked).as("cited pairings found in the seeds").isPositive();
    }

    @Test
    @Order(2)
    void importingTheFiveSeedsThreeMoreTimesChangesNoCount() {
        var before = queries.counts();
        var jobsBefore = jobs().page(null, 100, null).totalCount();
        for (int round = 0; round < 3; round++) {
            for (var seed : GeneratedDocuments.seeds()) {
                var job = jobs().submit(seed.name(), seed.text());
                assertThat(job.status()).isEqualTo(ImportStatus.SUCCEEDED);
            }
        }
        assertThat(queries.counts()).isEqualTo(before);
        assertThat(jobs().page(null, 100, null).totalCount()).isEqualTo(jobsBefore);
    }

    @Test
    @Order(3)
    void theSeedingHappensOnlyAtTheFirstStart() {
        var database = importService().getBean(MongoDatabase.class);
        long jobsBefore = database.getCollection("jobs").countDocuments();
        database.getCollection("jobs").deleteMany(new Document("source", "000_aef81f0feeb0d7fd.txt"));

        system.stopImportService();
        var restarted = importService().getBean(MongoDatabase.class);

        assertThat(restarted.getCollection("seeding").countDocuments()).isEqualTo(1);
        assertThat(restarted.getCollection("jobs").countDocuments())
                .as("the deleted seed job is not imported again")
                .isEqualTo(jobsBefore - 1);
        jobs().submit(
                        "000_aef81f0feeb0d7fd.txt",
                        GeneratedDocuments.seeds().getFirst().text());
        awaitAllFinished((int) jobsBefore);
    }

    @Test
    @Order(4)
    void anImportWaitsInRetryingWhileTheReferencesServiceIsDownThenSucceedsWithTheCountsOfAnUndisturbedImport() {
        var undisturbed = importAndAwait(GeneratedDocuments.variant(1));

        system.stop("references");
        try {
            var disturbed = GeneratedDocuments.variant(2);
            var job = jobs().submit(disturbed.name(), disturbed.text());
            awaitStatus(job.id(), ImportStatus.RETRYING);
        } finally {
            system.start("references");
        }
        var succeeded = awaitStatus(findBySource("generated-2.txt").id(), ImportStatus.SUCCEEDED);

        assertThat(succeeded.counts()).isEqualTo(undisturbed.counts());
        assertThat(succeeded.matched()).isEqualTo(undisturbed.matched());
        assertThat(succeeded.attempts()).isPositive();
    }

    @Test
    @Order(5)
    void anImportInterruptedByARestartOfTheImportServiceResumesAndSucceedsWithTheSameCounts() {
        var undisturbed = importAndAwait(GeneratedDocuments.variant(3));

        system.stop("catalog");
        String jobId;
        try {
            var document = GeneratedDocuments.variant(4);
            jobId = jobs().submit(document.name(), document.text()).id();
            var waiting = awaitStatus(jobId, ImportStatus.RETRYING);
            assertThat(waiting.articleId())
                    .as("the article was written before the catalog")
                    .isNotNull();
            system.stopImportService();
        } finally {
            system.start("catalog");
        }
        var resumed = awaitStatus(jobId, ImportStatus.SUCCEEDED);

        assertThat(resumed.counts()).isEqualTo(undisturbed.counts());
        assertThat(resumed.matched()).isEqualTo(undisturbed.matched());
    }

    @Test
    @Order(6)
    void badDocumentsFailWithTheirErrorsAndWriteNothingToTheOtherServices() throws IOException {
        var before = queries.counts();
        var template = GeneratedDocuments.variant(5).text();
        var bad = Map.of(
                "empty.txt", "",
                "whitespace.txt", " \n\n\t ",
                "binary.txt", "\u0000\u0001PK\u0003\u0004\u0000garbage\u0000",
                "invalid-utf8.txt", "Title\n\nText \uFFFD\uFFFD\uFFFD\n",
                "page.html", "<html><body><h1>Ketamine</h1><p>[1]</p></body></html>",
                "broken-references.txt",
                        template.substring(0, template.indexOf("## References")) + "## References\n\n1.\n2. \"\" *\n");
        var ids = bad.entrySet().stream()
                .map(entry -> jobs().submit(entry.getKey(), entry.getValue()).id())
                .toList();
        for (var id : ids) {
            var job = awaitFinished(id);
            assertThat(job.status()).as(job.source()).isEqualTo(ImportStatus.FAILED);
            assertThat(job.errors()).as(job.source()).isNotEmpty();
            assertThat(job.articleId()).as(job.source()).isNull();
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> jobs().submit("too-large.txt", "a".repeat(5 * 1024 * 1024 + 1)))
                .isInstanceOf(SubmissionRefusedException.class)
                .hasMessageContaining("limit: document size");
        assertThat(queries.counts()).isEqualTo(before);
    }

    private static ImportJob importAndAwait(GeneratedDocuments.Seed document) {
        var job = jobs().submit(document.name(), document.text());
        return awaitStatus(job.id(), ImportStatus.SUCCEEDED);
    }

    private static ImportJob findBySource(String source) {
        return jobs().page(null, 100, null).edges().stream()
                .map(edge -> edge.node())
                .filter(job -> job.source().equals(source))
                .findFirst()
                .orElseThrow();
    }

    private static ImportJob awaitStatus(String id, ImportStatus status) {
        return await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> jobs().find(id).orElseThrow(), job -> {
                    assertThat(job.status().finished() && job.status() != status)
                            .as("job %s ended %s: %s", job.source(), job.status(), job.errors())
                            .isFalse();
                    return job.status() == status;
                });
    }

    private static ImportJob awaitFinished(String id) {
        return await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> jobs().find(id).orElseThrow(), job -> job.status().finished());
    }

    private static List<ImportJob> awaitAllFinished(int expected) {
        return await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> jobs().page(null, 100, null).edges().stream()
                                .map(edge -> edge.node())
                                .toList(),
                        all -> all.size() >= expected
                                && all.stream().allMatch(job -> job.status().finished()));
    }
}
