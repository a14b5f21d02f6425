package com.refractoryatlas.importer.job;

import com.refractoryatlas.importer.ImportProperties;
import com.refractoryatlas.importer.plan.DocumentPlan;
import com.refractoryatlas.importer.plan.DocumentPlanner;
import com.refractoryatlas.importer.write.ArticleUpsertResult;
import com.refractoryatlas.importer.write.CatalogBatchResult;
import com.refractoryatlas.importer.write.DownstreamRejectedException;
import com.refractoryatlas.importer.write.DownstreamUnavailableException;
import com.refractoryatlas.importer.write.ServiceWriter;
import com.refractoryatlas.importer.write.UpsertOutcome;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Takes one claimed job to its next resting state: parse and validate the whole document, then write the article
 * (references first, so their ids exist), record that write on the job, then write the catalog. A service that is
 * down puts the job in RETRYING; a document that is wrong fails it before anything is written.
 */
@Component
class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    static final double PROGRESS_PARSING = 0.1;
    static final double PROGRESS_WRITING = 0.4;
    static final double PROGRESS_ARTICLE_WRITTEN = 0.7;

    private final ImportJobRepository repository;
    private final DocumentPlanner planner;
    private final ServiceWriter writer;
    private final ImportProperties properties;
    private final Clock clock = Clock.systemUTC();

    JobRunner(
            ImportJobRepository repository,
            DocumentPlanner planner,
            ServiceWriter writer,
            ImportProperties properties) {
        this.repository = repository;
        this.planner = planner;
        this.writer = writer;
        this.properties = properties;
    }

    /**
     * Runs {@code claimed} (already marked PARSING). When the service is stopping ({@code running} false) a failure
     * leaves the job as it is, to be resumed at the next start.
     */
    void run(ImportJob claimed, BooleanSupplier running) {
        var job = claimed.withStatus(ImportStatus.PARSING, PROGRESS_PARSING, now());
        try {
            repository.save(job);
            var text = repository.findText(job.id());
            if (text == null) {
                finish(job.failed(List.of(internal("The document text of this job was lost")), now()));
                return;
            }
            switch (planner.plan(job.source(), text)) {
                case DocumentPlan.Reject reject -> finish(job.failed(toErrors(reject), now()));
                case DocumentPlan.Write write -> write(job, write);
            }
        } catch (DownstreamUnavailableException unavailable) {
            if (running.getAsBoolean()) {
                retryLater(latest(job), unavailable);
            }
        } catch (DownstreamRejectedException rejected) {
            var error = new ImportError(ImportError.WRITE_REJECTED, rejected.getMessage(), null);
            finish(latest(job).failed(List.of(error), now()));
        } catch (RuntimeException unexpected) {
            if (!running.getAsBoolean()) {
                return;
            }
            log.error("Import job {} ({}) failed unexpectedly", job.id(), job.source(), unexpected);
            finish(latest(job)
                    .failed(
                            List.of(internal(
                                    "Unexpected error: " + unexpected.getClass().getSimpleName())),
                            now()));
        }
    }

    private void write(ImportJob parsed, DocumentPlan.Write plan) {
        var job = parsed.withStatus(ImportStatus.WRITING, PROGRESS_WRITING, now())
                .withWarnings(plan.warnings().stream().map(JobRunner::toError).toList());
        repository.save(job);
        var step = job.articleStep();
        if (step == null) {
            var result = writer.upsertArticle(plan.article().withImportJobId(job.id()));
            step = toStep(result);
            job = job.withArticle(
                    step,
                    articleCounts(result, job.id(), true),
                    articleCounts(result, job.id(), false),
                    PROGRESS_ARTICLE_WRITTEN,
                    now());
            repository.save(job);
        }
        var batch = plan.catalog().resolve(step.articleId(), step.referenceIdsByNumber());
        var created = ImportCounts.NONE;
        var matched = ImportCounts.NONE;
        if (!batch.hasNoItems()) {
            var result = writer.upsertCatalog(batch);
            created = catalogCounts(result, true);
            matched = catalogCounts(result, false);
        }
        finish(job.succeeded(created, matched, now()));
    }

    private void retryLater(ImportJob job, DownstreamUnavailableException unavailable) {
        var retry = properties.retry();
        int attempts = job.attempts() + 1;
        if (retry.exhausted(attempts)) {
            var error = new ImportError(
                    ImportError.DOWNSTREAM_UNAVAILABLE,
                    unavailable.getMessage() + " (gave up after " + attempts + " attempts)",
                    null);
            finish(job.failed(List.of(error), now()));
            return;
        }
        var now = now();
        var next = now.plus(retry.backoff(attempts));
        log.info(
                "Import job {} waits for {} until {}: {}",
                job.id(),
                unavailable.service(),
                next,
                unavailable.getMessage());
        repository.save(job.retrying(unavailable.getMessage(), next, now));
    }

    private void finish(ImportJob job) {
        repository.save(job);
        repository.deleteText(job.id());
    }

    /** The job as stored, which holds the article step when the failure came after the article write. */
    private ImportJob latest(ImportJob fallback) {
        return repository.findById(fallback.id()).orElse(fallback);
    }

    private static ArticleStep toStep(ArticleUpsertResult result) {
        var references = result.references().stream()
                .map(r -> new ArticleStep.ReferenceId(r.number(), r.id()))
                .toList();
        return new ArticleStep(result.article().id(), references);
    }

    /**
     * What the article write created or matched. An article this very job first produced counts as created even when
     * the write reports it unchanged: the job was interrupted after an earlier attempt wrote it.
     */
    static ImportCounts articleCounts(ArticleUpsertResult result, String jobId, boolean created) {
        boolean ours =
                result.outcome().created() || jobId.equals(result.article().importJobId());
        int articles = ours == created ? 1 : 0;
        int references = (int) result.references().stream()
                .filter(r -> r.outcome().created() == created)
                .count();
        return new ImportCounts(0, 0, 0, references, articles, 0);
    }

    private static ImportCounts catalogCounts(CatalogBatchResult result, boolean created) {
        return new ImportCounts(
                count(result, "CONDITION", created),
                count(result, "THERAPY", created),
                count(result, "TREATMENT", created),
                0,
                0,
                count(result, "MECHANISM", created));
    }

    private static int count(CatalogBatchResult result, String kind, boolean created) {
        return (int) result.items().stream()
                .filter(item -> item.kind().equals(kind))
                .map(CatalogBatchResult.Item::outcome)
                .filter(outcome -> UpsertOutcome.CREATED.equals(outcome) == created)
                .count();
    }

    private static List<ImportError> toErrors(DocumentPlan.Reject reject) {
        return reject.errors().stream().map(JobRunner::toError).toList();
    }

    private static ImportError toError(DocumentPlan.Issue issue) {
        return new ImportError(issue.code(), issue.message(), issue.line());
    }

    private static ImportError internal(String message) {
        return new ImportError(ImportError.INTERNAL, message, null);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
