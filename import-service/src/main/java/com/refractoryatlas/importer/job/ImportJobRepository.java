package com.refractoryatlas.importer.job;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Sorts.ascending;
import static com.mongodb.client.model.Sorts.descending;
import static com.mongodb.client.model.Sorts.orderBy;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.refractoryatlas.subgraph.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/**
 * The {@code jobs} collection (one document per import, unique by checksum) and the {@code documents} collection
 * (the text of each unfinished job). The jobs collection is also the work queue: workers claim due jobs from it, so
 * nothing submitted lives only in memory.
 */
@Repository
class ImportJobRepository {

    private static final String ID = "_id";
    private static final String STATUS = "status";
    private static final String CREATED_AT = "createdAt";
    private static final String TEXT = "text";

    private final MongoCollection<ImportJob> jobs;
    private final MongoCollection<Document> documents;

    ImportJobRepository(MongoDatabase database) {
        this.jobs = database.getCollection("jobs", ImportJob.class);
        this.documents = database.getCollection("documents");
        jobs.createIndex(Indexes.ascending("checksum"), new IndexOptions().unique(true));
        jobs.createIndex(Indexes.ascending(STATUS, CREATED_AT));
        jobs.createIndex(Indexes.descending(CREATED_AT, ID));
        jobs.createIndex(Indexes.ascending("articleId"));
    }

    Optional<ImportJob> findById(String id) {
        return Optional.ofNullable(jobs.find(eq(ID, id)).first());
    }

    /** All the given jobs in one query, in no particular order. */
    List<ImportJob> findAllById(Collection<String> ids) {
        return jobs.find(in(ID, ids)).into(new ArrayList<>());
    }

    Optional<ImportJob> findByChecksum(String checksum) {
        return Optional.ofNullable(jobs.find(eq("checksum", checksum)).first());
    }

    /** The succeeded jobs that produced any of the given articles, newest first, in one query. */
    List<ImportJob> findSucceededByArticleIds(Collection<String> articleIds) {
        return jobs.find(and(in("articleId", articleIds), eq(STATUS, ImportStatus.SUCCEEDED.name())))
                .sort(orderBy(descending("finishedAt"), descending(ID)))
                .into(new ArrayList<>());
    }

    /**
     * Stores a new job; false when a job with the same checksum exists already (the unique index decides, so two
     * simultaneous submissions of one document make one job).
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

    void save(ImportJob job) {
        jobs.replaceOne(eq(ID, job.id()), job, new ReplaceOptions().upsert(true));
    }

    void saveText(String jobId, String text) {
        documents.replaceOne(
                eq(ID, jobId), new Document(ID, jobId).append(TEXT, text), new ReplaceOptions().upsert(true));
    }

    @Nullable
    String findText(String jobId) {
        var document = documents.find(eq(ID, jobId)).first();
        return document == null ? null : document.getString(TEXT);
    }

    void deleteText(String jobId) {
        documents.deleteOne(eq(ID, jobId));
    }

    long countUnfinished() {
        return jobs.countDocuments(in(STATUS, names(ImportStatus.UNFINISHED)));
    }

    /**
     * Atomically takes the oldest job that is queued, or retrying and due, and marks it PARSING: of several workers
     * (or replicas) exactly one gets it.
     */
    @Nullable
    ImportJob claimNext(Instant now) {
        var due = or(
                eq(STATUS, ImportStatus.QUEUED.name()),
                and(eq(STATUS, ImportStatus.RETRYING.name()), lte("nextAttemptAt", now)));
        return jobs.findOneAndUpdate(
                due,
                combine(set(STATUS, ImportStatus.PARSING.name()), set("updatedAt", now)),
                new FindOneAndUpdateOptions().sort(ascending(CREATED_AT)).returnDocument(ReturnDocument.AFTER));
    }

    /** Queues again the jobs a previous run of the service left running; returns how many. */
    long requeueInterrupted(Instant now) {
        return jobs.updateMany(
                        in(STATUS, names(ImportStatus.RUNNING)),
                        combine(set(STATUS, ImportStatus.QUEUED.name()), set("updatedAt", now)))
                .getModifiedCount();
    }

    /** One page of jobs, newest first, with keyset cursor {@code [createdAt millis, id]}. */
    List<ImportJob> page(@Nullable ImportStatus status, PageRequest page) {
        var filters = new ArrayList<Bson>();
        if (status != null) {
            filters.add(eq(STATUS, status.name()));
        }
        var after = page.after();
        if (after != null) {
            var createdAt = Instant.ofEpochMilli(parseMillis(after.get(0)));
            filters.add(or(lt(CREATED_AT, createdAt), and(eq(CREATED_AT, createdAt), lt(ID, after.get(1)))));
        }
        Bson filter = filters.isEmpty() ? new Document() : and(filters);
        return jobs.find(filter)
                .sort(orderBy(descending(CREATED_AT), descending(ID)))
                .limit(page.fetchSize())
                .into(new ArrayList<>());
    }

    long count(@Nullable ImportStatus status) {
        return status == null ? jobs.countDocuments() : jobs.countDocuments(eq(STATUS, status.name()));
    }

    private static long parseMillis(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw com.refractoryatlas.subgraph.ApiException.badUserInput("after", "malformed cursor");
        }
    }

    private static List<String> names(Collection<ImportStatus> statuses) {
        return statuses.stream().map(Enum::name).toList();
    }
}
