package com.refractoryatlas.importer.job;

import java.time.Instant;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;
import org.jspecify.annotations.Nullable;

/**
 * One import of one document, as stored in the {@code jobs} collection and served as the {@code ImportJob} entity.
 * The document's bytes are kept beside it (collection {@code documents}) until the job finishes, so that a job whose
 * worker died is parsed again by another worker once its lease has expired.
 *
 * @param counts what this import created (and, once it failed, what of that still exists: nothing)
 * @param matched what this import found already there (updated or unchanged)
 * @param warnings what the parser could not read or had to guess in a document that was imported anyway
 * @param articleStep the answer of the article write, once made
 * @param attempts how many times the job waited for an unavailable service
 * @param nextAttemptAt when a RETRYING job is tried again
 * @param lastFailure why the job is RETRYING
 * @param submittedBy the importer who submitted it (the gateway's user id); null for the service itself (seeding)
 * @param dedupKey equal for two submissions of the same bytes by the same submitter while the first has not failed;
 *     unique, so that concurrent submissions make one job; a failed job's key is freed for a new attempt
 * @param mediaType the media type the client declared, if any
 * @param size the document's size in bytes
 * @param leaseOwner the worker (one per service instance) running the job now
 * @param leaseUntil until when that worker holds the job; after it another worker may take it up
 * @param runs how many times a worker took the job up; bounded, so that a document that kills its worker fails
 * @param undo true while a job that failed after its article write waits to remove that article again
 */
public record ImportJob(
        @BsonId String id,
        String source,
        String checksum,
        ImportStatus status,
        double progress,
        ImportCounts counts,
        ImportCounts matched,
        List<ImportError> errors,
        List<ImportError> warnings,
        @Nullable String articleId,
        @Nullable ArticleStep articleStep,
        int attempts,
        @Nullable Instant nextAttemptAt,
        @Nullable String lastFailure,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant finishedAt,
        @Nullable String submittedBy,
        @Nullable String dedupKey,
        @Nullable String mediaType,
        long size,
        @Nullable String leaseOwner,
        @Nullable Instant leaseUntil,
        int runs,
        boolean undo) {

    public ImportJob {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /** A new job for a document of {@code size} bytes, not yet stored. */
    static ImportJob queued(
            String id,
            String source,
            String checksum,
            @Nullable String submittedBy,
            @Nullable String mediaType,
            long size,
            Instant now) {
        return new ImportJob(
                id,
                source,
                checksum,
                ImportStatus.QUEUED,
                0.0,
                ImportCounts.NONE,
                ImportCounts.NONE,
                List.of(),
                List.of(),
                null,
                null,
                0,
                null,
                null,
                now,
                now,
                null,
                submittedBy,
                dedupKeyOf(submittedBy, checksum),
                mediaType,
                size,
                null,
                null,
                0,
                false);
    }

    /** Shorthand for tests and tools: a job submitted by the service itself. */
    static ImportJob queued(String id, String source, String checksum, Instant now) {
        return queued(id, source, checksum, null, null, 0, now);
    }

    /** The key that makes a second submission of the same bytes by the same submitter answer the first job. */
    static String dedupKeyOf(@Nullable String submittedBy, String checksum) {
        return (submittedBy == null ? "" : submittedBy) + "|" + checksum;
    }

    private Draft draft() {
        return new Draft(this);
    }

    ImportJob withStatus(ImportStatus newStatus, double newProgress, Instant now) {
        var d = draft();
        d.status = newStatus;
        d.progress = newProgress;
        d.updatedAt = now;
        return d.build();
    }

    ImportJob withWarnings(List<ImportError> found) {
        var d = draft();
        d.warnings = found;
        return d.build();
    }

    ImportJob withArticle(ArticleStep step, ImportCounts created, ImportCounts found, double newProgress, Instant now) {
        var d = draft();
        d.progress = newProgress;
        d.counts = counts.plus(created);
        d.matched = matched.plus(found);
        d.articleId = step.articleId();
        d.articleStep = step;
        d.updatedAt = now;
        return d.build();
    }

    ImportJob succeeded(ImportCounts created, ImportCounts found, Instant now) {
        var d = draft();
        d.status = ImportStatus.SUCCEEDED;
        d.progress = 1.0;
        d.counts = counts.plus(created);
        d.matched = matched.plus(found);
        d.nextAttemptAt = null;
        d.lastFailure = null;
        d.updatedAt = now;
        d.finishedAt = now;
        d.released();
        return d.build();
    }

    /**
     * The job ended without importing its document. Nothing it wrote is left (the caller undid the article write
     * first), so it counts nothing, and its dedup key is freed so that the same document may be submitted again.
     */
    ImportJob failed(List<ImportError> reasons, Instant now) {
        var d = draft();
        d.status = ImportStatus.FAILED;
        d.errors = reasons;
        d.counts = ImportCounts.NONE;
        d.matched = ImportCounts.NONE;
        d.articleId = null;
        d.articleStep = null;
        d.nextAttemptAt = null;
        d.updatedAt = now;
        d.finishedAt = now;
        d.dedupKey = dedupKeyOf(submittedBy, checksum) + "|failed|" + id;
        d.undo = false;
        d.released();
        return d.build();
    }

    ImportJob retrying(String reason, Instant retryAt, Instant now) {
        var d = draft();
        d.status = ImportStatus.RETRYING;
        d.attempts = attempts + 1;
        d.nextAttemptAt = retryAt;
        d.lastFailure = reason;
        d.updatedAt = now;
        d.finishedAt = null;
        d.runs = 0;
        d.released();
        return d.build();
    }

    /**
     * The job must fail for {@code reasons}, but its article is written: it stays unfinished (RETRYING, so it is
     * taken up again) until that article is removed, then fails with these reasons.
     */
    ImportJob undoing(List<ImportError> reasons, String why, Instant retryAt, Instant now) {
        var d = draft();
        d.status = ImportStatus.RETRYING;
        d.errors = reasons;
        d.undo = true;
        d.nextAttemptAt = retryAt;
        d.lastFailure = why;
        d.updatedAt = now;
        d.released();
        return d.build();
    }

    /**
     * The job goes back to the queue as it is (its article step kept), because its worker is stopping: the run does
     * not count against {@code lease.max-runs}.
     */
    ImportJob handedBack(Instant now) {
        var d = draft();
        d.status = undo ? ImportStatus.RETRYING : ImportStatus.QUEUED;
        d.nextAttemptAt = now;
        d.updatedAt = now;
        d.runs = Math.max(0, runs - 1);
        d.released();
        return d.build();
    }

    /**
     * The job with its lease extended to {@code until}, as the worker holding it saves it (a save must never set
     * the lease back to the time of the claim). A job without a lease holder stays without a lease.
     */
    ImportJob withLeaseUntil(Instant until) {
        if (leaseOwner == null) {
            return this;
        }
        var d = draft();
        d.leaseUntil = until;
        return d.build();
    }

    /** Every component, copied, so that each transition above names only what it changes. */
    private static final class Draft {
        final ImportJob from;
        ImportStatus status;
        double progress;
        ImportCounts counts;
        ImportCounts matched;
        List<ImportError> errors;
        List<ImportError> warnings;

        @Nullable
        String articleId;

        @Nullable
        ArticleStep articleStep;

        int attempts;

        @Nullable
        Instant nextAttemptAt;

        @Nullable
        String lastFailure;

        Instant updatedAt;

        @Nullable
        Instant finishedAt;

        @Nullable
        String dedupKey;

        @Nullable
        String leaseOwner;

        @Nullable
        Instant leaseUntil;

        int runs;
        boolean undo;

        Draft(ImportJob job) {
            from = job;
            status = job.status;
            progress = job.progress;
            counts = job.counts;
            matched = job.matched;
            errors = job.errors;
            warnings = job.warnings;
            articleId = job.articleId;
            articleStep = job.articleStep;
            attempts = job.attempts;
            nextAttemptAt = job.nextAttemptAt;
            lastFailure = job.lastFailure;
            updatedAt = job.updatedAt;
            finishedAt = job.finishedAt;
            dedupKey = job.dedupKey;
            leaseOwner = job.leaseOwner;
            leaseUntil = job.leaseUntil;
            runs = job.runs;
            undo = job.undo;
        }

        void released() {
            leaseOwner = null;
            leaseUntil = null;
        }

        ImportJob build() {
            return new ImportJob(
                    from.id,
                    from.source,
                    from.checksum,
                    status,
                    progress,
                    counts,
                    matched,
                    errors,
                    warnings,
                    articleId,
                    articleStep,
                    attempts,
                    nextAttemptAt,
                    lastFailure,
                    from.createdAt,
                    updatedAt,
                    finishedAt,
                    from.submittedBy,
                    dedupKey,
                    from.mediaType,
                    from.size,
                    leaseOwner,
                    leaseUntil,
                    runs,
                    undo);
        }
    }
}
