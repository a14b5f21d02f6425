package com.refractoryatlas.importer.job;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.nin;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Sorts.ascending;
import static com.mongodb.client.model.Sorts.descending;
import static com.mongodb.client.model.Sorts.orderBy;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.refractoryatlas.subgraph.PageRequest;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/**
 * The {@code jobs} collection (one document per import) and the {@code documents} collection (the bytes of each
 * unfinished job, in chunks well below MongoDB's 16 MB document limit whatever the configured document limit). The
 * jobs collection is also the work queue: workers claim due jobs from it with a lease, so nothing submitted lives
 * only in memory and a job whose worker died is taken up again by any instance once the lease has expired.
 */
@Repository
class ImportJobRepository {

    /** Bytes per stored chunk of a document: far below 16 MB, few enough chunks for a 10 MB document. */
    static final int CHUNK_BYTES = 4 * 1024 * 1024;

    private static final String ID = "_id";
    private static final String STATUS = "status";
    private static final String CREATED_AT = "createdAt";
    private static final String UPDATED_AT = "updatedAt";
    private static final String DEDUP_KEY = "dedupKey";
    private static final String SUBMITTED_BY = "submittedBy";
    private static final String LEASE_OWNER = "leaseOwner";
    private static final String LEASE_UNTIL = "leaseUntil";
    private static final String JOB_ID = "jobId";
    private static final String CHUNK = "n";
    private static final String DATA = "data";

    private final MongoCollection<ImportJob> jobs;
    private final MongoCollection<Document> documents;

    ImportJobRepository(MongoDatabase database) {
        this.jobs = database.getCollection("jobs", ImportJob.class);
        this.documents = database.getCollection("documents");
        dropOldChecksumIndex();
        jobs.createIndex(
                Indexes.ascending(DEDUP_KEY), new IndexOptions().unique(true).sparse(true));
        jobs.createIndex(Indexes.ascending("checksum"), new IndexOptions().name("checksumLookup"));
        jobs.createIndex(Indexes.ascending(STATUS, CREATED_AT));
        jobs.createIndex(Indexes.descending(CREATED_AT, ID));
        jobs.createIndex(Indexes.ascending("articleId"));
        jobs.createIndex(Indexes.ascending(SUBMITTED_BY, STATUS));
        documents.createIndex(Indexes.ascending(JOB_ID, CHUNK));
    }

    /** Earlier versions kept one job per checksum with a unique index; now a failed document may be tried again. */
    private void dropOldChecksumIndex() {
        for (var index : jobs.listIndexes()) {
            if ("checksum_1".equals(index.getString("name")) && Boolean.TRUE.equals(index.getBoolean("unique"))) {
                jobs.dropIndex("checksum_1");
            }
        }
    }

    Optional<ImportJob> findById(String id) {
        return Optional.ofNullable(jobs.find(eq(ID, id)).first());
    }

    /** All the given jobs in one query, in no particular order. */
    List<ImportJob> findAllById(Collection<String> ids) {
        return jobs.find(in(ID, ids)).into(new ArrayList<>());
    }

    /** The job that answers a new submission of the same bytes by the same submitter, if any. */
    Optional<ImportJob> findByDedupKey(String dedupKey) {
        return Optional.ofNullable(jobs.find(eq(DEDUP_KEY, dedupKey)).first());
    }

    /** The succeeded jobs that produced any of the given articles, newest first, in one query. */
    List<ImportJob> findSucceededByArticleIds(Collection<String> articleIds) {
        return jobs.find(and(in("articleId", articleIds), eq(STATUS, ImportStatus.SUCCEEDED.name())))
                .sort(orderBy(descending("finishedAt"), descending(ID)))
                .into(new ArrayList<>());
    }

    /**
     * Stores a new job; false when an unfailed job of the same submitter and bytes exists already (the unique dedup
     * key decides, so two simultaneous submissions of one document make one job).
     */
    boolean insert(ImportJob job) {
        try {
            jobs.insertOne(job);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Stores the job whatever its state (submission, tests). */
    void save(ImportJob job) {
        jobs.replaceOne(eq(ID, job.id()), job, new ReplaceOptions().upsert(true));
    }

    /**
     * Stores the job only while {@code worker} still holds its lease: a worker that lost its lease (it stalled, and
     * another instance took the job up) can no longer change the job. False when the lease was lost.
     */
    boolean saveLeased(ImportJob job, String worker) {
        return jobs.replaceOne(and(eq(ID, job.id()), eq(LEASE_OWNER, worker)), job)
                        .getMatchedCount()
                > 0;
    }

    /** Extends {@code worker}'s lease on a running job; false when the lease was lost. */
    boolean renewLease(String jobId, String worker, Instant until) {
        return jobs.updateOne(and(eq(ID, jobId), eq(LEASE_OWNER, worker)), set(LEASE_UNTIL, until))
                        .getMatchedCount()
                > 0;
    }

    void saveDocument(String jobId, byte[] bytes) {
        deleteDocument(jobId);
        int chunks = Math.max(1, (bytes.length + CHUNK_BYTES - 1) / CHUNK_BYTES);
        var rows = new ArrayList<Document>(chunks);
        for (int n = 0; n < chunks; n++) {
            int from = n * CHUNK_BYTES;
            int to = Math.min(bytes.length, from + CHUNK_BYTES);
            rows.add(new Document(ID, jobId + ":" + n)
                    .append(JOB_ID, jobId)
                    .append(CHUNK, n)
                    .append(DATA, new Binary(Arrays.copyOfRange(bytes, from, to))));
        }
        documents.insertMany(rows);
    }

    /** The stored bytes of the job's document, or null when none are stored. */
    byte @Nullable [] findDocument(String jobId) {
        var out = new ByteArrayOutputStream();
        int found = 0;
        for (var row : documents.find(eq(JOB_ID, jobId)).sort(ascending(CHUNK))) {
            var data = row.get(DATA, Binary.class);
            out.writeBytes(data.getData());
            found++;
        }
        return found == 0 ? null : out.toByteArray();
    }

    void deleteDocument(String jobId) {
        documents.deleteMany(eq(JOB_ID, jobId));
    }

    long countUnfinished() {
        return jobs.countDocuments(in(STATUS, names(ImportStatus.UNFINISHED)));
    }

    long countUnfinishedBy(String submitter) {
        return jobs.countDocuments(and(eq(SUBMITTED_BY, submitter), in(STATUS, names(ImportStatus.UNFINISHED))));
    }

    /**
     * Atomically takes the oldest due job and leases it to {@code worker} until {@code leaseUntil}: queued, retrying
     * and due, or running under a lease that has expired (its worker died). Of several workers, in one instance or
     * many, exactly one gets it. Jobs of the {@code busy} submitters (at their concurrency limit) are left waiting.
     */
    @Nullable
    ImportJob claimNext(Instant now, String worker, Instant leaseUntil, Collection<String> busy) {
        var due = or(
                eq(STATUS, ImportStatus.QUEUED.name()),
                and(eq(STATUS, ImportStatus.RETRYING.name()), lte("nextAttemptAt", now)),
                and(in(STATUS, names(ImportStatus.RUNNING)), or(lt(LEASE_UNTIL, now), eq(LEASE_UNTIL, null))));
        Bson filter = busy.isEmpty() ? due : and(due, nin(SUBMITTED_BY, busy));
        return jobs.findOneAndUpdate(
                filter,
                combine(
                        set(STATUS, ImportStatus.PARSING.name()),
                        set(UPDATED_AT, now),
                        set(LEASE_OWNER, worker),
                        set(LEASE_UNTIL, leaseUntil),
                        inc("runs", 1)),
                new FindOneAndUpdateOptions().sort(ascending(CREATED_AT)).returnDocument(ReturnDocument.AFTER));
    }

    /** How many jobs each importer has running under a live lease, over all instances. */
    Map<String, Long> runningBySubmitter(Instant now) {
        var pipeline = List.of(
                Aggregates.match(
                        and(in(STATUS, names(ImportStatus.RUNNING)), gt(LEASE_UNTIL, now), ne(SUBMITTED_BY, null))),
                Aggregates.group("$" + SUBMITTED_BY, Accumulators.sum("running", 1)));
        var result = new HashMap<String, Long>();
        for (var row : jobs.withDocumentClass(Document.class).aggregate(pipeline)) {
            var submitter = row.getString(ID);
            if (submitter != null) {
                result.put(submitter, ((Number) row.get("running")).longValue());
            }
        }
        return result;
    }

    /**
     * One page of jobs, newest first, with keyset cursor {@code [createdAt millis, id]}: a backward page reads
     * oldest first from its {@code before} cursor (see {@link PageRequest}).
     */
    List<ImportJob> page(JobQuery query, PageRequest page) {
        var filters = new ArrayList<Bson>();
        filters.add(query.filter());
        var after = page.after();
        if (after != null) {
            var createdAt = Instant.ofEpochMilli(parseMillis(after.get(0)));
            filters.add(or(lt(CREATED_AT, createdAt), and(eq(CREATED_AT, createdAt), lt(ID, after.get(1)))));
        }
        var before = page.before();
        if (before != null) {
            var createdAt = Instant.ofEpochMilli(parseMillis(before.get(0)));
            filters.add(or(gt(CREATED_AT, createdAt), and(eq(CREATED_AT, createdAt), gt(ID, before.get(1)))));
        }
        return jobs.find(and(filters))
                .sort(
                        page.backward()
                                ? orderBy(ascending(CREATED_AT), ascending(ID))
                                : orderBy(descending(CREATED_AT), descending(ID)))
                .limit(page.fetchSize())
                .into(new ArrayList<>());
    }

    long count(JobQuery query) {
        return jobs.countDocuments(query.filter());
    }

    private static long parseMillis(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw com.refractoryatlas.subgraph.ApiException.badUserInput("after", "malformed cursor");
        }
    }

    static List<String> names(Collection<ImportStatus> statuses) {
        return statuses.stream().map(Enum::name).toList();
    }
}
