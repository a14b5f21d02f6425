package com.refractoryatlas.importer.job;

import com.refractoryatlas.importer.ImportProperties;
import com.refractoryatlas.subgraph.Connection;
import com.refractoryatlas.subgraph.Cursor;
import com.refractoryatlas.subgraph.PageRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Submitting documents and reading jobs: the facade the GraphQL controller, the seeding and the tests use. A
 * submission is checked against the size limit and the queue limits, then stored (job and bytes) before any work
 * starts, and answers at once; the workers do the rest.
 */
@Service
public class ImportJobs {

    static final int CURSOR_ARITY = 2;

    private final ImportJobRepository repository;
    private final ImportWorker worker;
    private final ImportProperties properties;
    private final Clock clock;

    ImportJobs(ImportJobRepository repository, ImportWorker worker, ImportProperties properties) {
        this.repository = repository;
        this.worker = worker;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    /** Submits a text document as the service itself (seeding, tests). */
    public ImportJob submit(String source, String text) {
        return submit(source, text.getBytes(StandardCharsets.UTF_8), null, null);
    }

    /**
     * Submits one document. The same bytes (same SHA-256) submitted again by the same submitter answer the job that
     * exists already and write nothing, unless that job failed: then a new job tries again.
     *
     * @param submittedBy the importer's user id; null for the service itself
     * @throws SubmissionRefusedException when the document is over the size limit (nothing is stored)
     * @throws QueueFullException when the queue, or the importer's share of it, is full
     */
    public ImportJob submit(String source, byte[] bytes, @Nullable String mediaType, @Nullable String submittedBy) {
        long limit = properties.limits().documentBytes().toBytes();
        if (bytes.length > limit) {
            throw SubmissionRefusedException.tooLarge(bytes.length, limit);
        }
        var checksum = sha256(bytes);
        var existing = repository.findByDedupKey(ImportJob.dedupKeyOf(submittedBy, checksum));
        if (existing.isPresent()) {
            return existing.get();
        }
        checkQueue(submittedBy);
        var job = ImportJob.queued(
                UUID.randomUUID().toString(), source, checksum, submittedBy, mediaType, bytes.length, now());
        repository.saveDocument(job.id(), bytes);
        if (!repository.insert(job)) {
            repository.deleteDocument(job.id());
            return repository.findByDedupKey(job.dedupKey()).orElseThrow();
        }
        worker.wake();
        return job;
    }

    private void checkQueue(@Nullable String submittedBy) {
        if (repository.countUnfinished() >= properties.queueCapacity()) {
            throw new QueueFullException(properties.queueCapacity(), false);
        }
        int share = properties.perImporter().queue();
        if (submittedBy != null && repository.countUnfinishedBy(submittedBy) >= share) {
            throw new QueueFullException(share, true);
        }
    }

    public Optional<ImportJob> find(String id) {
        return repository.findById(id);
    }

    public List<ImportJob> findAll(List<String> ids) {
        return repository.findAllById(ids);
    }

    /** The newest succeeded job of each article, for {@code Article.importJob}. */
    List<ImportJob> findSucceededByArticleIds(List<String> articleIds) {
        return repository.findSucceededByArticleIds(articleIds);
    }

    /** Every job, newest first (tools and tests; the API goes through {@link #list(JobQuery, PageRequest)}). */
    public Connection<ImportJob> page(@Nullable ImportStatus status, @Nullable Integer first, @Nullable String after) {
        return list(new JobQuery(Viewer.EVERYTHING, status, null, null), PageRequest.of(first, after, CURSOR_ARITY));
    }

    Connection<ImportJob> list(JobQuery query, PageRequest page) {
        var rows = repository.page(query, page);
        return Connection.of(rows, page, ImportJobs::cursorOf, repository.count(query));
    }

    public long countUnfinished() {
        return repository.countUnfinished();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String cursorOf(ImportJob job) {
        return Cursor.encode(String.valueOf(job.createdAt().toEpochMilli()), job.id());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
