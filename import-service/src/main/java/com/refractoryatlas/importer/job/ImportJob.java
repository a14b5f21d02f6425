package com.refractoryatlas.importer.job;

import java.time.Instant;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;
import org.jspecify.annotations.Nullable;

/**
 * One import of one document, as stored in the {@code jobs} collection and served as the {@code ImportJob} entity.
 * The document's text is kept beside it (collection {@code documents}) until the job finishes, so that a job
 * interrupted by a restart is parsed again and resumes.
 *
 * @param counts what this import created
 * @param matched what this import found already there (updated or unchanged)
 * @param warnings what the parser could not read or had to guess in a document that was imported anyway
 * @param articleStep the answer of the article write, once made
 * @param attempts how many times the job waited for an unavailable service
 * @param nextAttemptAt when a RETRYING job is tried again
 * @param lastFailure why the job is RETRYING
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
        @Nullable Instant finishedAt) {

    public ImportJob {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    static ImportJob queued(String id, String source, String checksum, Instant now) {
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
                null);
    }

    ImportJob withStatus(ImportStatus newStatus, double newProgress, Instant now) {
        return new ImportJob(
                id,
                source,
                checksum,
                newStatus,
                newProgress,
                counts,
                matched,
                errors,
                warnings,
                articleId,
                articleStep,
                attempts,
                nextAttemptAt,
                lastFailure,
                createdAt,
                now,
                finishedAt);
    }

    ImportJob withWarnings(List<ImportError> found) {
        return new ImportJob(
                id,
                source,
                checksum,
                status,
                progress,
                counts,
                matched,
                errors,
                found,
                articleId,
                articleStep,
                attempts,
                nextAttemptAt,
                lastFailure,
                createdAt,
                updatedAt,
                finishedAt);
    }

    ImportJob withArticle(ArticleStep step, ImportCounts created, ImportCounts found, double newProgress, Instant now) {
        return new ImportJob(
                id,
                source,
                checksum,
                status,
                newProgress,
                counts.plus(created),
                matched.plus(found),
                errors,
                warnings,
                step.articleId(),
                step,
                attempts,
                nextAttemptAt,
                lastFailure,
                createdAt,
                now,
                finishedAt);
    }

    ImportJob succeeded(ImportCounts created, ImportCounts found, Instant now) {
        return new ImportJob(
                id,
                source,
                checksum,
                ImportStatus.SUCCEEDED,
                1.0,
                counts.plus(created),
                matched.plus(found),
                errors,
                warnings,
                articleId,
                articleStep,
                attempts,
                null,
                null,
                createdAt,
                now,
                now);
    }

    ImportJob failed(List<ImportError> reasons, Instant now) {
        return new ImportJob(
                id,
                source,
                checksum,
                ImportStatus.FAILED,
                progress,
                counts,
                matched,
                reasons,
                warnings,
                articleId,
                articleStep,
                attempts,
                null,
                lastFailure,
                createdAt,
                now,
                now);
    }

    ImportJob retrying(String reason, Instant retryAt, Instant now) {
        return new ImportJob(
                id,
                source,
                checksum,
                ImportStatus.RETRYING,
                progress,
                counts,
                matched,
                errors,
                warnings,
                articleId,
                articleStep,
                attempts + 1,
                retryAt,
                reason,
                createdAt,
                now,
                null);
    }

    /** The same job queued again from the start, for a resubmitted document whose failure was not its fault. */
    ImportJob requeued(Instant now) {
        return new ImportJob(
                id,
                source,
                checksum,
                ImportStatus.QUEUED,
                0.0,
                counts,
                matched,
                List.of(),
                warnings,
                articleId,
                articleStep,
                attempts,
                null,
                null,
                createdAt,
                now,
                null);
    }

    /** True when the job failed for reasons outside the document (a service down too long, a crash). */
    boolean failedForRetryableReasons() {
        return status == ImportStatus.FAILED
                && !errors.isEmpty()
                && errors.stream().allMatch(ImportError::retryable);
    }
}
