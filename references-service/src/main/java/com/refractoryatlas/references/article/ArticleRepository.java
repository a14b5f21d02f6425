package com.refractoryatlas.references.article;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.refractoryatlas.subgraph.PageRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

@Repository
class ArticleRepository {

    private static final String ID = "_id";
    private static final String KIND = "kind";
    private static final String REFERENCE_IDS = "referenceIds";

    private final MongoCollection<Article> articles;

    ArticleRepository(MongoDatabase database) {
        this.articles = database.getCollection("articles", Article.class);
        ensureIndexes();
    }

    void ensureIndexes() {
        articles.createIndex(Indexes.ascending(REFERENCE_IDS), new IndexOptions().name("citedBy"));
        articles.createIndex(Indexes.ascending(KIND, ID), new IndexOptions().name("kind"));
    }

    Optional<Article> findById(String id) {
        return Optional.ofNullable(articles.find(eq(ID, id)).first());
    }

    /** All the given articles in one query, in no particular order. */
    List<Article> findAllById(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return articles.find(in(ID, ids)).into(new ArrayList<>());
    }

    /** Every article citing any of {@code referenceIds}, in one query, in id order. */
    List<Article> findCiting(Collection<String> referenceIds) {
        if (referenceIds.isEmpty()) {
            return List.of();
        }
        return articles.find(in(REFERENCE_IDS, referenceIds))
                .sort(Sorts.ascending(ID))
                .into(new ArrayList<>());
    }

    List<Article> page(@Nullable ArticleKind kind, PageRequest page) {
        var bounds = new ArrayList<Bson>(List.of(filterOf(kind)));
        if (page.after() != null) {
            bounds.add(gt(ID, page.after().getFirst()));
        }
        if (page.before() != null) {
            bounds.add(lt(ID, page.before().getFirst()));
        }
        return articles.find(and(bounds))
                .sort(page.backward() ? Sorts.descending(ID) : Sorts.ascending(ID))
                .limit(page.fetchSize())
                .into(new ArrayList<>());
    }

    long count(@Nullable ArticleKind kind) {
        return articles.countDocuments(filterOf(kind));
    }

    /**
     * Replaces (or creates) the article by id. Two concurrent first writes of the same id can race on a real
     * MongoDB's upsert; the loser retries once as a plain replace, which then converges.
     */
    void save(Article article) {
        try {
            articles.replaceOne(eq(ID, article.id()), article, new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            articles.replaceOne(eq(ID, article.id()), article, new ReplaceOptions().upsert(true));
        }
    }

    /** Removes one article; true when it was there. */
    boolean delete(String id) {
        return articles.deleteOne(eq(ID, id)).getDeletedCount() > 0;
    }

    /** Bulk load for data generators and benchmarks. */
    void saveAll(List<Article> batch) {
        if (batch.isEmpty()) {
            return;
        }
        var writes = batch.stream()
                .map(article -> new ReplaceOneModel<>(eq(ID, article.id()), article, new ReplaceOptions().upsert(true)))
                .toList();
        articles.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    private static Bson filterOf(@Nullable ArticleKind kind) {
        return kind == null ? new Document() : eq(KIND, kind.name());
    }
}
