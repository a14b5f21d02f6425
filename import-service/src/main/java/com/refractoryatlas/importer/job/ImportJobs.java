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
 * submission is stored (job and text) before any work starts and answers at once; the workers do the rest.
 */
@Service
public class ImportJobs {

    private static final int CURSOR_ARITY = 2;

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

    /**
     * Submits one document. The same text (same SHA-256) answers the job that already exists and writes nothing;
     * a document over the size limit becomes a FAILED job with {@code TOO_LARGE} without its text being kept.
     *
     * @throws QueueFullException when the queue holds {@code queue-capacity} unfinished jobs
     */
    public ImportJob submit(String source, String text) {
        var bytes = text.getBytes(StandardCharsets.UTF_8);
        var checksum = sha256(bytes);
        var existing = repository.findByChecksum(checksum);
        if (existing.isPresent()) {
            return resubmitted(existing.get(), text);
        }
        var now = now();
        var job = ImportJob.queued(UUID.randomUUID().toString(), source, checksum, now);
        long limit = properties.maxDocumentSize().toBytes();
        if (bytes.length > limit) {
            var tooLarge = new ImportError(
                    ImportError.TOO_LARGE, "The document has " + bytes.length + " bytes; the limit is " + limit, null);
            return insertOrExisting(job.failed(List.of(tooLarge), now));
        }
        if (repository.countUnfinished() >= properties.queueCapacity()) {
            throw new QueueFullException(properties.queueCapacity());
        }
        repository.saveText(job.id(), text);
        var stored = insertOrExisting(job);
        if (!stored.id().equals(job.id())) {
            repository.deleteText(job.id());
        }
        worker.wake();
        return stored;
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

    public Connection<ImportJob> page(@Nullable ImportStatus status, @Nullable Integer first, @Nullable String after) {
        var page = PageRequest.of(first, after, CURSOR_ARITY);
        var rows = repository.page(status, page);
        return Connection.of(rows, page, ImportJobs::cursorOf, repository.count(status));
    }

    public long countUnfinished() {
        return repository.countUnfinished();
    }

    private ImportJob resubmitted(ImportJob existing, String text) {
        if (!existing.failedForRetryableReasons()) {
            return existing;
        }
        repository.saveText(existing.id(), text);
        var again = existing.requeued(now());
        repository.save(again);
        worker.wake();
        return again;
    }

    private ImportJob insertOrExisting(ImportJob job) {
        if (repository.insert(job)) {
            return job;
        }
        return repository.findByChecksum(job.checksum()).orElseThrow();
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
