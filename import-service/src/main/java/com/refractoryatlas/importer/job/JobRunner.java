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
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Takes one claimed (leased) job to its next resting state: parse within the budget and check the limits, then write
 * the article (references first, so their ids exist), record that write on the job, then write the catalog. A
 * service that is down puts the job in RETRYING; a document that is wrong fails it before anything is written; a
 * job that fails after its article write takes back its catalog batch and that article before it ends FAILED, so a
 * failed job leaves nothing it wrote. Whatever is thrown, {@link Error}s included, ends here: the worker thread survives and the job
 * ends FAILED with a typed code, logged with its id (MDC key {@code importJobId}). Every save is fenced by the
 * lease: a worker that lost its lease changes nothing.
 */
@Component
class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    static final String MDC_JOB_ID = "importJobId";
    static final double PROGRESS_PARSING = 0.1;
    static final double PROGRESS_WRITING = 0.4;
    static final double PROGRESS_ARTICLE_WRITTEN = 0.7;

    private final ImportJobRepository repository;
    private final DocumentPlanner planner;
    private final ServiceWriter writer;
    private final ImportProperties properties;
    private final ParseBudget budget;
    private final DocumentLimits limits;
    private final Clock clock = Clock.systemUTC();

    JobRunner(
            ImportJobRepository repository,
            DocumentPlanner planner,
            ServiceWriter writer,
            ImportProperties properties,
            ParseBudget budget) {
        this.repository = repository;
        this.planner = planner;
        this.writer = writer;
        this.properties = properties;
        this.budget = budget;
        this.limits = new DocumentLimits(properties.limits());
    }

    /** The worker running a job: its lease owner id, and whether the service is still running. */
    record Worker(String id, BooleanSupplier running) {}

    /** The lease went to another worker: this one must stop touching the job. */
    static final class LeaseLostException extends RuntimeException {
        LeaseLostException(String jobId) {
            super("lease on import job " + jobId + " lost", null, false, false);
        }
    }

    /**
     * Runs {@code claimed}, leased to {@code worker}. When the service is stopping a failure hands the job back
     * to the queue, for another instance (or the next start) to take up.
     */
    void run(ImportJob claimed, Worker worker) {
        MDC.put(MDC_JOB_ID, claimed.id());
        try {
            runGuarded(claimed, worker);
        } catch (Throwable last) {
            // Even failing the job failed (the database is gone, memory ran out twice): the lease will expire and
            // another attempt, bounded by lease.max-runs, takes it up.
            log.error("Import job {} could not be brought to rest; its lease will expire", claimed.id(), last);
        } finally {
            MDC.remove(MDC_JOB_ID);
        }
    }

    private void runGuarded(ImportJob claimed, Worker worker) {
        try {
            advance(claimed, worker);
        } catch (LeaseLostException | ParseBudget.ExceededException over) {
            log.info("Import job {} stopped here: {}", claimed.id(), over.getMessage());
        } catch (DownstreamUnavailableException unavailable) {
            if (worker.running().getAsBoolean()) {
                retryLater(latest(claimed), unavailable, worker);
            } else {
                handBack(latest(claimed), worker);
            }
        } catch (DownstreamRejectedException rejected) {
            log.warn(
                    "Import job {} ({}) was refused by {}: {}",
                    claimed.id(),
                    claimed.source(),
                    rejected.service(),
                    rejected.code());
            fail(latest(claimed), List.of(WriteRejections.describe(rejected)), worker);
        } catch (Throwable unexpected) {
            if (!worker.running().getAsBoolean() && !(unexpected instanceof VirtualMachineError)) {
                handBack(latest(claimed), worker);
                return;
            }
            log.error("Import job {} ({}) failed unexpectedly", claimed.id(), claimed.source(), unexpected);
            fail(latest(claimed), List.of(unexpectedError(unexpected)), worker);
        }
    }

    private void advance(ImportJob claimed, Worker worker) {
        if (claimed.runs() > properties.lease().maxRuns()) {
            log.warn(
                    "Import job {} was taken up {} times without finishing; failing it",
                    claimed.id(),
                    claimed.runs() - 1);
            fail(claimed, List.of(interruptedTooOften(claimed.runs() - 1)), worker);
            return;
        }
        if (claimed.undo()) {
            fail(claimed, claimed.errors(), worker);
            return;
        }
        var job = claimed.withStatus(ImportStatus.PARSING, PROGRESS_PARSING, now());
        save(job, worker);
        var bytes = repository.findDocument(job.id());
        if (bytes == null) {
            fail(job, List.of(internal("The document of this job was lost")), worker);
            return;
        }
        var parsing = job;
        var plan = budget.run(
                bytes.length,
                () -> planner.plan(parsing.source(), bytes, parsing.mediaType()),
                reason -> overBudget(parsing, reason, worker));
        switch (plan) {
            case DocumentPlan.Reject reject -> fail(job, toErrors(reject), worker);
            case DocumentPlan.Write write -> writeWithinLimits(job, write, worker);
        }
    }

    private void writeWithinLimits(ImportJob job, DocumentPlan.Write plan, Worker worker) {
        var over = limits.check(plan.article());
        if (!over.isEmpty()) {
            fail(job, over, worker);
            return;
        }
        write(job, plan, worker);
    }

    /** Called by the budget's watchdog while the parse still runs: fail the job now, the parse's result is dropped. */
    private void overBudget(ImportJob job, String reason, Worker worker) {
        MDC.put(MDC_JOB_ID, job.id());
        try {
            log.warn("Import job {} ({}) is over its budget: {}", job.id(), job.source(), reason);
            finish(job.failed(List.of(new ImportError(ImportError.BUDGET_EXCEEDED, reason, null)), now()), worker);
        } catch (LeaseLostException lost) {
            log.info("Import job {} was taken over before its budget ran out", job.id());
        } finally {
            MDC.remove(MDC_JOB_ID);
        }
    }

    private void write(ImportJob parsed, DocumentPlan.Write plan, Worker worker) {
        var job = parsed.withStatus(ImportStatus.WRITING, PROGRESS_WRITING, now())
                .withWarnings(plan.warnings().stream().map(JobRunner::toError).toList());
        save(job, worker);
        var step = job.articleStep();
        if (step == null) {
            var result = writer.upsertArticle(plan.article().withImportJobId(job.id()));
            step = toStep(result, job.id());
            job = job.withArticle(
                    step,
                    articleCounts(result, job.id(), true),
                    articleCounts(result, job.id(), false),
                    PROGRESS_ARTICLE_WRITTEN,
                    now());
            save(job, worker);
        }
        var batch = plan.catalog()
                .resolve(step.articleId(), step.referenceIdsByNumber())
                .forJob(job.id());
        var created = ImportCounts.NONE;
        var matched = ImportCounts.NONE;
        if (!batch.hasNoItems()) {
            var result = writer.upsertCatalog(batch);
            created = catalogCounts(result, true);
            matched = catalogCounts(result, false);
        }
        finish(job.succeeded(created, matched, now()), worker);
    }

    /**
     * Ends the job FAILED, after undoing its article write when it made one. When the references service cannot
     * take the undo now, the job waits in RETRYING (flag {@code undo}) and only the undo is tried again.
     */
    private void fail(ImportJob job, List<ImportError> reasons, Worker worker) {
        var step = job.articleStep();
        var errors = reasons;
        if (step != null) {
            try {
                undo(job, step);
            } catch (DownstreamUnavailableException unavailable) {
                var now = now();
                var retryAt = now.plus(properties.retry().backoff(job.attempts() + 1));
                save(job.undoing(reasons, unavailable.getMessage(), retryAt, now), worker);
                return;
            } catch (RuntimeException refused) {
                log.error("Import job {} could not take back its article write", job.id(), refused);
                errors = withUndoFailure(reasons, step.articleId());
            }
        }
        finish(job.failed(errors, now()), worker);
    }

    /** Takes back the catalog batch (which cites the article) first, then the article. */
    private void undo(ImportJob job, ArticleStep step) {
        var retracted = writer.retractCatalogBatch(job.id());
        if (retracted.restored() + retracted.removed() + retracted.kept() > 0) {
            log.info(
                    "Import job {} took back its catalog write: {} document(s) restored, {} removed, {} kept"
                            + " (changed since by others)",
                    job.id(),
                    retracted.restored(),
                    retracted.removed(),
                    retracted.kept());
        }
        var undone = writer.deleteImportedArticle(new ServiceWriter.ImportedArticle(step.articleId(), job.id()));
        log.info(
                "Import job {} took back its article write: article {}, {} reference(s) removed",
                job.id(),
                undone.article(),
                undone.references());
    }

    /** The undo was refused (a bug, never the document's fault): say so, since the article may still be there. */
    private static List<ImportError> withUndoFailure(List<ImportError> reasons, String articleId) {
        var all = new java.util.ArrayList<>(reasons);
        all.add(internal("The article " + articleId + " written by this job could not be removed again"));
        return List.copyOf(all);
    }

    private void retryLater(ImportJob job, DownstreamUnavailableException unavailable, Worker worker) {
        var retry = properties.retry();
        int attempts = job.attempts() + 1;
        if (retry.exhausted(attempts)) {
            var error = new ImportError(
                    ImportError.DOWNSTREAM_UNAVAILABLE,
                    "The " + unavailable.service() + " service stayed unavailable (gave up after " + attempts
                            + " attempts)",
                    null);
            fail(job, List.of(error), worker);
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
        save(job.retrying(unavailable.getMessage(), next, now), worker);
    }

    /** The service is stopping: give the job back at once (not counted as a run) rather than let its lease expire. */
    private void handBack(ImportJob job, Worker worker) {
        try {
            save(job.handedBack(now()), worker);
        } catch (RuntimeException e) {
            log.info("Import job {} could not be handed back ({}); its lease will expire", job.id(), e.toString());
        }
    }

    private void save(ImportJob job, Worker worker) {
        var leased = job.withLeaseUntil(clock.instant().plus(properties.lease().duration()));
        if (!repository.saveLeased(leased, worker.id())) {
            throw new LeaseLostException(job.id());
        }
    }

    private void finish(ImportJob job, Worker worker) {
        save(job, worker);
        repository.deleteDocument(job.id());
    }

    /** The job as stored, which holds the article step when the failure came after the article write. */
    private ImportJob latest(ImportJob fallback) {
        return repository.findById(fallback.id()).orElse(fallback);
    }

    private static ImportError unexpectedError(Throwable unexpected) {
        if (unexpected instanceof StackOverflowError || unexpected instanceof OutOfMemoryError) {
            return new ImportError(
                    ImportError.RESOURCE_EXHAUSTED,
                    "Reading the document ran out of " + (unexpected instanceof StackOverflowError ? "stack" : "memory")
                            + "; it is too deeply nested or too large to import",
                    null);
        }
        return internal("Unexpected error in the import service: "
                + unexpected.getClass().getSimpleName());
    }

    private static ImportError interruptedTooOften(int runs) {
        return new ImportError(
                ImportError.INTERRUPTED_TOO_OFTEN,
                "The import was interrupted " + runs + " times (its worker stopped while reading or writing it);"
                        + " it is not tried again",
                null);
    }

    private static ArticleStep toStep(ArticleUpsertResult result, String jobId) {
        var references = result.references().stream()
                .map(r -> new ArticleStep.ReferenceId(
                        r.number(), r.id(), r.outcome().created()))
                .toList();
        boolean created =
                result.outcome().created() || jobId.equals(result.article().importJobId());
        return new ArticleStep(result.article().id(), created, references);
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
