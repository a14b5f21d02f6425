package com.refractoryatlas.importer.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import com.refractoryatlas.importer.plan.DocumentPlan;
import com.refractoryatlas.importer.plan.DocumentPlanner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * Whatever the parser throws or however long it takes, the job ends FAILED with a typed code and the workers keep
 * working. The planner here misbehaves on command, chosen by the document's source name; every other document goes
 * to the real planner.
 */
@SpringBootTest(
        properties = {
            "atlas.import.concurrency=2",
            "atlas.import.budget.base-time=1s",
            "atlas.import.budget.time-per-megabyte=0s",
            "atlas.import.budget.base-allocation=64MB",
            "atlas.import.budget.allocation-per-megabyte=0B"
        })
@Import(JobFailureIntegrationTests.MisbehavingPlannerConfiguration.class)
class JobFailureIntegrationTests {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    /** Released by the tests once they have seen a job fail while its parse still runs. */
    static volatile CountDownLatch parseMayEnd = new CountDownLatch(0);

    @Autowired
    ImportJobs jobs;

    @Autowired
    ImportJobRepository repository;

    @Autowired
    MongoDatabase database;

    @BeforeEach
    void clean() {
        database.getCollection("jobs").deleteMany(new Document());
        database.getCollection("documents").deleteMany(new Document());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "stack-overflow, RESOURCE_EXHAUSTED",
        "out-of-memory, RESOURCE_EXHAUSTED",
        "linkage-error, INTERNAL",
        "bug, INTERNAL",
    })
    void anyThrowableEndsTheJobFailedWithATypedCode(String behaviour, String code) {
        var job = jobs.submit(behaviour, "document " + behaviour);

        var finished = awaitFinished(job.id());

        assertThat(finished.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(finished.errors()).extracting(ImportError::code).containsExactly(code);
        assertThat(finished.errors().getFirst().message()).doesNotContain("document " + behaviour);
        assertThat(finished.leaseOwner()).isNull();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                        database.getCollection("documents").countDocuments())
                .as("the document is deleted once its job has finished")
                .isZero());
    }

    @Test
    void noWorkerIsLostToThrowablesSoLaterDocumentsStillRun() {
        var failing = new ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            for (var behaviour : List.of("stack-overflow", "out-of-memory", "linkage-error", "bug")) {
                failing.add(jobs.submit(behaviour, behaviour + " " + i).id());
            }
        }
        var ordinary = jobs.submit("empty.txt", " ");

        failing.forEach(this::awaitFinished);
        var last = awaitFinished(ordinary.id());

        assertThat(last.errors()).extracting(ImportError::code).containsExactly("EMPTY_DOCUMENT");
    }

    @Test
    void aParseOverItsTimeBudgetFailsTheJobWhileTheParserStillRuns() throws InterruptedException {
        parseMayEnd = new CountDownLatch(1);
        try {
            var job = jobs.submit("slow", "a document that takes forever");

            var finished = awaitFinished(job.id());

            assertThat(parseMayEnd.getCount()).as("the parser has not returned").isEqualTo(1);
            assertThat(finished.errors()).extracting(ImportError::code).containsExactly("BUDGET_EXCEEDED");
            assertThat(finished.errors().getFirst().message()).contains("parsing time");
        } finally {
            parseMayEnd.countDown();
        }
    }

    @Test
    void aParseAllocatingPastItsMemoryBudgetFailsTheJob() {
        var job = jobs.submit("allocating", "a document that needs ever more memory");

        var finished = awaitFinished(job.id());

        assertThat(finished.errors()).extracting(ImportError::code).containsExactly("BUDGET_EXCEEDED");
        assertThat(finished.errors().getFirst().message()).contains("parsing memory");
    }

    ImportJob awaitFinished(String id) {
        return await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> repository.findById(id).orElseThrow(), job -> job.status()
                        .finished());
    }

    @TestConfiguration
    static class MisbehavingPlannerConfiguration {

        @Bean
        @Primary
        DocumentPlanner misbehavingPlanner(List<DocumentPlanner> planners) {
            var real = planners.stream()
                    .filter(p -> !(p instanceof MisbehavingPlanner))
                    .findFirst()
                    .orElseThrow();
            return new MisbehavingPlanner(real);
        }
    }

    record MisbehavingPlanner(DocumentPlanner real) implements DocumentPlanner {

        @Override
        public DocumentPlan plan(String source, String text) {
            return plan(source, text.getBytes(StandardCharsets.UTF_8), null);
        }

        @Override
        public DocumentPlan plan(String source, byte[] bytes, @Nullable String mediaType) {
            switch (source) {
                case "stack-overflow" -> throw new StackOverflowError();
                case "out-of-memory" -> throw new OutOfMemoryError("Java heap space");
                case "linkage-error" -> throw new NoClassDefFoundError("com/example/Missing");
                case "bug" -> throw new IllegalStateException("a bug quoting the document: " + new String(bytes));
                case "slow" -> awaitRelease();
                case "allocating" -> allocateUntilInterrupted();
                default -> {}
            }
            return real.plan(source, bytes, mediaType);
        }

        /** Ignores interruption, as a parser stuck in a loop would. */
        private static void awaitRelease() {
            boolean released = false;
            while (!released) {
                try {
                    released = parseMayEnd.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException ignored) {
                    // a runaway parser does not look at its interrupt flag
                }
            }
        }

        private static void allocateUntilInterrupted() {
            long sink = 0;
            while (!Thread.currentThread().isInterrupted()) {
                var garbage = new byte[1024 * 1024];
                sink += garbage.length;
            }
            if (sink < 0) {
                throw new IllegalStateException();
            }
        }
    }
}
