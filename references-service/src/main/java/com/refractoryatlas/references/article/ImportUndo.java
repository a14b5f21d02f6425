package com.refractoryatlas.references.article;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.refractoryatlas.references.reference.Reference;
import com.refractoryatlas.references.reference.References;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bson.codecs.pojo.annotations.BsonId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/**
 * What an import job's {@code upsertArticle} replaced, so that the job can take its write back if it fails later
 * ({@code deleteImportedArticle}): the article as it was (none when the job created it) and each reference as it
 * was (none when the job created it). Recorded before the write, first record wins, so that a retried write does not
 * take its own result for the state before it. There are no multi-document transactions (the embedded server has
 * none), so the undo is itself idempotent, and a reference it removes is put back if an article cites it meanwhile.
 * Records expire after {@link #KEEP_DAYS} days (a real MongoDB's TTL index).
 */
@Repository
class ImportUndo {

    static final long KEEP_DAYS = 7;

    private final MongoCollection<ArticleBefore> articlesBefore;
    private final MongoCollection<ReferenceBefore> referencesBefore;
    private final ArticleRepository articles;
    private final References references;

    ImportUndo(MongoDatabase database, ArticleRepository articles, References references) {
        this.articlesBefore = database.getCollection("importUndoArticles", ArticleBefore.class);
        this.referencesBefore = database.getCollection("importUndoReferences", ReferenceBefore.class);
        this.articles = articles;
        this.references = references;
        var ttl = new IndexOptions().expireAfter(KEEP_DAYS, TimeUnit.DAYS);
        articlesBefore.createIndex(Indexes.ascending("recordedAt"), ttl);
        referencesBefore.createIndex(Indexes.ascending("recordedAt"), ttl);
        referencesBefore.createIndex(Indexes.ascending("importJobId"));
    }

    /** The article as it was before {@code importJobId} wrote it; {@code before} null when the job creates it. */
    public record ArticleBefore(
            @BsonId String importJobId,
            String articleId,
            @Nullable Article before,
            Instant recordedAt) {}

    /** A reference as it was before {@code importJobId} wrote it; {@code before} null when the job creates it. */
    public record ReferenceBefore(
            @BsonId String key,
            String importJobId,
            String referenceId,
            @Nullable Reference before,
            Instant recordedAt) {}

    /** What the undo did. */
    record Result(boolean article, int references) {}

    /** Records the state the job's write is about to replace; a record made by an earlier try of it is kept. */
    void record(
            String importJobId,
            String articleId,
            @Nullable Article article,
            Collection<String> referenceIds,
            Map<String, Reference> stored) {
        var now = Instant.now();
        ignoringDuplicates(() -> articlesBefore.insertOne(new ArticleBefore(importJobId, articleId, article, now)));
        var rows = new ArrayList<ReferenceBefore>();
        for (var id : referenceIds) {
            rows.add(new ReferenceBefore(importJobId + "|" + id, importJobId, id, stored.get(id), now));
        }
        if (!rows.isEmpty()) {
            ignoringDuplicates(() -> referencesBefore.insertMany(rows, new InsertManyOptions().ordered(false)));
        }
    }

    /**
     * Takes back what {@code importJobId} wrote of {@code articleId}: the article is put back as it was, or removed
     * if the job created it — unless another import changed it since; the references come back as they were, and
     * those the job created go unless an article still cites them.
     */
    Result undo(String articleId, String importJobId) {
        var articleRecord = articlesBefore.find(eq("_id", importJobId)).first();
        boolean article =
                articleRecord != null && articleRecord.articleId().equals(articleId) && undoArticle(articleRecord);
        int removed = 0;
        var restored = new ArrayList<Reference>();
        for (var row : referencesBefore.find(eq("importJobId", importJobId))) {
            if (row.before() != null) {
                restored.add(row.before());
            } else if (removeUncited(row.referenceId())) {
                removed++;
            }
        }
        references.replaceAll(restored);
        referencesBefore.deleteMany(eq("importJobId", importJobId));
        articlesBefore.deleteOne(eq("_id", importJobId));
        return new Result(article, removed);
    }

    private boolean undoArticle(ArticleBefore record) {
        var current = articles.findById(record.articleId()).orElse(null);
        if (current == null || !record.importJobId().equals(current.importJobId())) {
            return false;
        }
        var before = record.before();
        if (before == null) {
            return articles.delete(record.articleId());
        }
        articles.save(before);
        return true;
    }

    /**
     * Removes a reference the failed job created, then looks whether an article cites it: one written at the same
     * moment may have counted on it, so it is put back. {@link ArticleUpserts} checks the other way round after its
     * own write, so whatever the interleaving no article is left citing a missing reference.
     */
    private boolean removeUncited(String referenceId) {
        var stored = references.findAllById(List.of(referenceId)).get(referenceId);
        if (stored == null || !references.delete(referenceId)) {
            return false;
        }
        if (!articles.findCiting(List.of(referenceId)).isEmpty()) {
            references.replaceAll(List.of(stored));
            return false;
        }
        return true;
    }

    private static void ignoringDuplicates(Runnable insert) {
        try {
            insert.run();
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        } catch (MongoBulkWriteException e) {
            boolean onlyDuplicates = e.getWriteErrors().stream()
                    .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
            if (!onlyDuplicates) {
                throw e;
            }
        }
    }
}
