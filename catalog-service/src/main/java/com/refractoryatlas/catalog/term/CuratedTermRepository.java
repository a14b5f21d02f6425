package com.refractoryatlas.catalog.term;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.refractoryatlas.catalog.naming.Names;
import com.refractoryatlas.mongo.VersionedWrites;
import com.refractoryatlas.subgraph.PageRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/**
 * The storage every kind of term shares: look-ups by id, the text/category/id filter turned into a MongoDB query
 * (the only place it is), keyset pages in id order, and versioned writes. A subclass names its collection and
 * category field and adds its own look-ups.
 */
@Repository
abstract class CuratedTermRepository<T extends CuratedTerm<T>> {

    private final MongoCollection<T> terms;
    private final String categoryField;
    private final int batchSize;

    CuratedTermRepository(MongoCollection<T> terms, String categoryField, int batchSize) {
        this.terms = terms;
        this.categoryField = categoryField;
        this.batchSize = batchSize;
        terms.createIndex(Indexes.ascending(categoryField, "_id"));
        terms.createIndex(Indexes.ascending(CuratedTerm.SEARCH_TOKENS));
    }

    /** The collection, for the subclass's own queries. */
    final MongoCollection<T> collection() {
        return terms;
    }

    final int batchSize() {
        return batchSize;
    }

    Optional<T> findById(String id) {
        return Optional.ofNullable(terms.find(eq("_id", id)).first());
    }

    /** All the given terms in one query, in no particular order. */
    List<T> findAllById(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return terms.find(in("_id", ids)).batchSize(batchSize).into(new ArrayList<>());
    }

    /**
     * One page of the terms matching {@code filter} between the keyset cursors: in id order for a forward page, in
     * reverse id order for a backward one (see {@link PageRequest}).
     */
    List<T> page(TermFilter filter, PageRequest page) {
        var query = query(filter);
        if (query == null || page.size() == 0) {
            return List.of();
        }
        var bounds = new ArrayList<Bson>(List.of(query));
        if (page.after() != null) {
            bounds.add(gt("_id", page.after().getFirst()));
        }
        if (page.before() != null) {
            bounds.add(lt("_id", page.before().getFirst()));
        }
        return terms.find(and(bounds))
                .sort(page.backward() ? Sorts.descending("_id") : Sorts.ascending("_id"))
                .limit(page.fetchSize())
                .batchSize(page.fetchSize())
                .into(new ArrayList<>());
    }

    long count(TermFilter filter) {
        var query = query(filter);
        if (query == null) {
            return 0;
        }
        return query.equals(Filters.empty()) ? terms.estimatedDocumentCount() : terms.countDocuments(query);
    }

    /** Writes each at its next version; a {@code WriteConflictException} if another writer got there first. */
    void saveAll(Collection<T> batch) {
        VersionedWrites.replaceAll(terms, batch);
    }

    /** Deletes it unless another writer changed it since it was read. */
    void delete(T stored) {
        VersionedWrites.delete(terms, stored);
    }

    /**
     * The MongoDB query for {@code filter}, or null when it can match nothing (no need to ask). Each word of the
     * text is an anchored, quoted prefix regex over the search tokens, so user text is never a pattern.
     */
    private @Nullable Bson query(TermFilter filter) {
        var parts = new ArrayList<Bson>();
        var text = filter.text();
        if (text != null && !text.isBlank()) {
            var words = Names.prefixFilters(CuratedTerm.SEARCH_TOKENS, text);
            if (words.isEmpty()) {
                return null;
            }
            parts.addAll(words);
        }
        if (filter.category() != null) {
            parts.add(eq(categoryField, filter.category()));
        }
        var ids = filter.ids();
        if (ids != null) {
            if (ids.isEmpty()) {
                return null;
            }
            parts.add(in("_id", ids));
        }
        return parts.isEmpty() ? Filters.empty() : and(parts);
    }
}
