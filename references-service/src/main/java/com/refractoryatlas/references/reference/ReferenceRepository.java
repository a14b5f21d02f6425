package com.refractoryatlas.references.reference;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Facet;
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
import org.bson.BsonDocumentReader;
import org.bson.RawBsonDocument;
import org.bson.codecs.DecoderContext;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

@Repository
class ReferenceRepository {

    private static final String ID = "_id";
    private static final String TOTAL = "total";
    private static final String ROWS = "rows";

    private final MongoCollection<ReferenceDocument> references;

    ReferenceRepository(MongoDatabase database) {
        this.references = database.getCollection("references", ReferenceDocument.class);
        ensureIndexes();
    }

    /** Idempotent: creating an index that exists is a no-op, so every start (and a cleared test database) has them. */
    void ensureIndexes() {
        references.createIndex(Indexes.ascending(ReferenceDocument.SORT_KEY, ID), new IndexOptions().name("sort"));
        references.createIndex(Indexes.ascending(ReferenceDocument.TEXT_TOKENS), new IndexOptions().name("text"));
        references.createIndex(Indexes.ascending(ReferenceDocument.AUTHOR_TOKENS), new IndexOptions().name("author"));
        references.createIndex(Indexes.ascending(ReferenceDocument.JOURNAL_TOKENS), new IndexOptions().name("journal"));
        references.createIndex(Indexes.ascending(ReferenceDocument.YEAR), new IndexOptions().name("year"));
    }

    Optional<ReferenceDocument> findById(String id) {
        return Optional.ofNullable(references.find(eq(ID, id)).first());
    }

    /** All the given references in one query, in no particular order. */
    List<ReferenceDocument> findAllById(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return references.find(in(ID, ids)).into(new ArrayList<>());
    }

    /** One page in (sort key, id) order after the keyset position {@code after}, fetching {@code limit} rows. */
    List<ReferenceDocument> page(Bson filter, @Nullable List<String> after, int limit) {
        var keyset = after == null
                ? filter
                : and(
                        filter,
                        or(
                                gt(ReferenceDocument.SORT_KEY, after.get(0)),
                                and(eq(ReferenceDocument.SORT_KEY, after.get(0)), gt(ID, after.get(1)))));
        return references
                .find(keyset)
                .sort(Sorts.ascending(ReferenceDocument.SORT_KEY, ID))
                .limit(limit)
                .into(new ArrayList<>());
    }

    long count(Bson filter) {
        return references.countDocuments(filter);
    }

    /** A page and the filter's total in one pass over the collection (one {@code $facet} aggregation). */
    PageAndTotal pageAndTotal(Bson filter, PageRequest page) {
        var rowsStages = new ArrayList<Bson>();
        if (page.after() != null) {
            rowsStages.add(Aggregates.match(after(page.after())));
        }
        if (page.before() != null) {
            rowsStages.add(Aggregates.match(before(page.before())));
        }
        rowsStages.add(Aggregates.sort(
                page.backward()
                        ? Sorts.descending(ReferenceDocument.SORT_KEY, ID)
                        : Sorts.ascending(ReferenceDocument.SORT_KEY, ID)));
        // at least one row even for an empty page: the facet then still reports the total
        rowsStages.add(Aggregates.limit(Math.max(1, page.fetchSize())));
        var result = references
                .aggregate(
                        List.of(
                                Aggregates.match(filter),
                                Aggregates.facet(
                                        new Facet(TOTAL, Aggregates.count(TOTAL)), new Facet(ROWS, rowsStages))),
                        RawBsonDocument.class)
                .first();
        if (result == null) {
            return new PageAndTotal(List.of(), 0);
        }
        var codec = references.getCodecRegistry().get(ReferenceDocument.class);
        var rows = result.getArray(ROWS).stream()
                .map(row -> codec.decode(
                        new BsonDocumentReader(row.asDocument()),
                        DecoderContext.builder().build()))
                .toList();
        var totals = result.getArray(TOTAL);
        long total = totals.isEmpty()
                ? 0
                : totals.getFirst().asDocument().get(TOTAL).asNumber().longValue();
        return new PageAndTotal(rows, total);
    }

    /** Rows of one page and how many rows the whole filter matches. */
    record PageAndTotal(List<ReferenceDocument> rows, long total) {}

    private static Bson after(List<String> cursor) {
        return or(
                gt(ReferenceDocument.SORT_KEY, cursor.get(0)),
                and(eq(ReferenceDocument.SORT_KEY, cursor.get(0)), gt(ID, cursor.get(1))));
    }

    private static Bson before(List<String> cursor) {
        return or(
                lt(ReferenceDocument.SORT_KEY, cursor.get(0)),
                and(eq(ReferenceDocument.SORT_KEY, cursor.get(0)), lt(ID, cursor.get(1))));
    }

    /** Writes the documents in one bulk command, replacing by id: retrying converges to the same state. */
    void upsertAll(List<ReferenceDocument> documents) {
        if (documents.isEmpty()) {
            return;
        }
        var writes = documents.stream()
                .map(document ->
                        new ReplaceOneModel<>(eq(ID, document.id()), document, new ReplaceOptions().upsert(true)))
                .toList();
        references.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    /** Removes one reference; true when it was there. */
    boolean delete(String id) {
        return references.deleteOne(eq(ID, id)).getDeletedCount() > 0;
    }
}
