package com.refractoryatlas.importer.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.refractoryatlas.importer.system.GeneratedDocuments;
import com.refractoryatlas.importer.system.RunningSystem;
import com.refractoryatlas.importer.system.RunningSystemExtension;
import com.refractoryatlas.importer.system.SystemQueries;
import com.refractoryatlas.importer.write.ArticleInput;
import com.refractoryatlas.importer.write.ArticleUpsertResult;
import com.refractoryatlas.importer.write.CatalogBatchInput;
import com.refractoryatlas.importer.write.CatalogBatchResult;
import com.refractoryatlas.importer.write.DownstreamRejectedException;
import com.refractoryatlas.importer.write.DownstreamUnavailableException;
import com.refractoryatlas.importer.write.ServiceWriter;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * A job that fails leaves nothing visible that it wrote. Against the real catalog and references services, each
 * write step is made to fail in turn (refused, or unavailable until the job gives up, before or after the write
 * really happened), and every count, article, citation and treatment must then be as before.
 */
@ExtendWith(RunningSystemExtension.class)
class AllOrNothingIntegrationTests {

    static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final Pattern TITLE = Pattern.compile("(?m)^# (.+)$");
    private static final Pattern DOI = Pattern.compile("DOI: 10\\.99999/generated\\.(\\d+)");

    static RunningSystem system;
    static SystemQueries queries;
    static final AtomicInteger NEXT = new AtomicInteger(200);

    @BeforeAll
    static void systemWithOneImportedArticle() {
        system = RunningSystem.get();
        system.stopImportService();
        system.start("catalog");
        system.start("references");
        queries = new SystemQueries(system);
        var base = jobs().submit("base.txt", GeneratedDocuments.variant(100).text());
        assertThat(awaitFinished(base.id()).status()).isEqualTo(ImportStatus.SUCCEEDED);
    }

    @AfterAll
    static void stopImportService() {
        FaultyWriter.fault = Fault.NONE;
        if (system != null) {
            system.stopImportService();
        }
    }

    @AfterEach
    void noFault() {
        FaultyWriter.fault = Fault.NONE;
        FaultyWriter.undoFailuresLeft.set(0);
        FaultyWriter.articlesTakenBack.set(0);
    }

    static ImportJobs jobs() {
        return system.importService(List.of(FaultConfiguration.class), "--atlas.import.retry.max-attempts=2")
                .getBean(ImportJobs.class);
    }

    /** Which step fails, and how; with the error the job must end with and whether its article was written. */
    enum Fault {
        NONE("", false),
        ARTICLE_REFUSED("WRITE_REJECTED", false),
        ARTICLE_UNAVAILABLE("DOWNSTREAM_UNAVAILABLE", false),
        ARTICLE_WRITTEN_THEN_ANSWER_LOST_THEN_CATALOG_REFUSED("WRITE_REJECTED", true),
        CATALOG_REFUSED("WRITE_REJECTED", true),
        CATALOG_UNAVAILABLE("DOWNSTREAM_UNAVAILABLE", true),
        CATALOG_WRITTEN_THEN_ANSWER_LOST("DOWNSTREAM_UNAVAILABLE", true);

        final String code;
        final boolean articleWritten;

        Fault(String code, boolean articleWritten) {
            this.code = code;
            this.articleWritten = articleWritten;
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Fault.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void aNewDocumentWhoseWriteFailsAtAnyStepLeavesEverythingAsBefore(Fault fault) {
        assertFailsLeavingEverythingAsBefore(
                GeneratedDocuments.variant(NEXT.getAndIncrement()).text(), fault);

        assertThat(FaultyWriter.articlesTakenBack.get())
                .as("the article was written, then taken back")
                .isEqualTo(fault.articleWritten ? 1 : 0);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = Fault.class,
            names = {"CATALOG_REFUSED", "CATALOG_UNAVAILABLE", "CATALOG_WRITTEN_THEN_ANSWER_LOST"})
    void aDocumentCitingReferencesOfAnotherArticleLeavesThemWhenItFails(Fault fault) {
        var sharing = DOI.matcher(TITLE.matcher(GeneratedDocuments.variant(100).text())
                        .replaceFirst(m -> Matcher.quoteReplacement("# Another article, " + NEXT.get())))
                .replaceAll(m -> "DOI: 10.99999/sharing." + NEXT.getAndIncrement());

        assertFailsLeavingEverythingAsBefore(sharing, fault);

        assertThat(FaultyWriter.articlesTakenBack.get()).isEqualTo(1);
    }

    @Test
    void aReimportThatChangedAnArticleAndFailedPutsTheArticleBack() {
        int k = NEXT.getAndIncrement();
        var original = GeneratedDocuments.variant(k).text();
        var job = jobs().submit("original.txt", original);
        var articleId = awaitFinished(job.id()).articleId();
        var title = queries.articleTitle(articleId);
        var changed = TITLE.matcher(original).replaceFirst(m -> Matcher.quoteReplacement("# A corrected title " + k));

        assertFailsLeavingEverythingAsBefore(changed, Fault.CATALOG_REFUSED);

        assertThat(queries.articleTitle(articleId)).isEqualTo(title);
        assertThat(FaultyWriter.articlesTakenBack.get())
                .as("the earlier version was put back")
                .isEqualTo(1);
    }

    @Test
    void anUndoThatCannotBeMadeYetIsTriedAgainBeforeTheJobFails() {
        FaultyWriter.undoFailuresLeft.set(2);

        var job = assertFailsLeavingEverythingAsBefore(
                GeneratedDocuments.variant(NEXT.getAndIncrement()).text(), Fault.CATALOG_REFUSED);

        assertThat(FaultyWriter.undoFailuresLeft.get()).isZero();
        assertThat(FaultyWriter.articlesTakenBack.get()).isEqualTo(1);
        assertThat(job.errors()).extracting(ImportError::code).containsExactly("WRITE_REJECTED");
    }

    private static ImportJob assertFailsLeavingEverythingAsBefore(String text, Fault fault) {
        var before = snapshot();
        FaultyWriter.fault = fault;

        var job = jobs().submit("failing-" + fault + "-" + NEXT.get() + ".txt", text);
        var failed = awaitFinished(job.id());

        assertThat(failed.status()).as("%s: %s", fault, failed.errors()).isEqualTo(ImportStatus.FAILED);
        assertThat(failed.errors()).extracting(ImportError::code).containsExactly(fault.code);
        assertThat(failed.counts()).isEqualTo(ImportCounts.NONE);
        assertThat(failed.articleId()).isNull();
        assertThat(snapshot()).as(fault.name()).isEqualTo(before);
        return failed;
    }

    /** Every count, every article with its citations, every treatment with its evidence. */
    record Snapshot(
            SystemQueries.Counts counts,
            List<SystemQueries.Article> articles,
            List<SystemQueries.Treatment> treatments,
            List<String> referenceIds) {}

    static Snapshot snapshot() {
        return new Snapshot(
                queries.counts(),
                queries.articles().stream()
                        .sorted(Comparator.comparing(SystemQueries.Article::id))
                        .toList(),
                queries.treatments().stream()
                        .sorted(Comparator.comparing(t -> t.conditionId() + "|" + t.therapyId()))
                        .toList(),
                queries.referenceIds().stream().sorted().toList());
    }

    static ImportJob awaitFinished(String id) {
        return await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> jobs().find(id).orElseThrow(), job -> job.status().finished());
    }

    @Configuration(proxyBeanMethods = false)
    static class FaultConfiguration {

        @Bean
        @Primary
        ServiceWriter faultyServiceWriter(@Qualifier("serviceWriter") ServiceWriter real) {
            return new FaultyWriter(real);
        }
    }

    /** Throws what {@code SubgraphClient} throws when a service refuses or cannot be reached, on command. */
    record FaultyWriter(ServiceWriter real) implements ServiceWriter {

        static volatile Fault fault = Fault.NONE;
        static final AtomicInteger undoFailuresLeft = new AtomicInteger();
        static final AtomicInteger articlesTakenBack = new AtomicInteger();

        @Override
        public ArticleUpsertResult upsertArticle(ArticleInput input) {
            return switch (fault) {
                case ARTICLE_REFUSED -> throw refused(REFERENCES);
                case ARTICLE_UNAVAILABLE -> throw unavailable(REFERENCES);
                case ARTICLE_WRITTEN_THEN_ANSWER_LOST_THEN_CATALOG_REFUSED -> {
                    real.upsertArticle(input);
                    fault = Fault.CATALOG_REFUSED;
                    throw unavailable(REFERENCES);
                }
                default -> real.upsertArticle(input);
            };
        }

        @Override
        public CatalogBatchResult upsertCatalog(CatalogBatchInput input) {
            return switch (fault) {
                case CATALOG_REFUSED -> throw refused(CATALOG);
                case CATALOG_UNAVAILABLE -> throw unavailable(CATALOG);
                case CATALOG_WRITTEN_THEN_ANSWER_LOST -> {
                    real.upsertCatalog(input);
                    throw unavailable(CATALOG);
                }
                default -> real.upsertCatalog(input);
            };
        }

        @Override
        public CatalogRetraction retractCatalogBatch(String importJobId) {
            return real.retractCatalogBatch(importJobId);
        }

        @Override
        public ArticleDeletion deleteImportedArticle(ImportedArticle input) {
            if (undoFailuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw unavailable(REFERENCES);
            }
            var result = real.deleteImportedArticle(input);
            if (result.article()) {
                articlesTakenBack.incrementAndGet();
            }
            return result;
        }

        private static DownstreamRejectedException refused(String service) {
            return new DownstreamRejectedException(
                    service, "BAD_USER_INPUT", "input.conditions[0].name: must be at most 200 characters");
        }

        private static DownstreamUnavailableException unavailable(String service) {
            return new DownstreamUnavailableException(service, "connection refused (injected)", null);
        }
    }
}
