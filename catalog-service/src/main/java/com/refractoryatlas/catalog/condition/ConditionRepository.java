package com.refractoryatlas.catalog.condition;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.refractoryatlas.catalog.CatalogProperties;
import com.refractoryatlas.mongo.VersionedWrites;
import com.refractoryatlas.mongo.WriteConflictException;
import com.refractoryatlas.subgraph.PageRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

@Repository
class ConditionRepository {

    private final MongoCollection<Condition> conditions;
    private final int batchSize;

    ConditionRepository(MongoDatabase database, CatalogProperties properties) {
        this.conditions = database.getCollection("conditions", Condition.class);
        this.batchSize = properties.fetchBatchSize();
        conditions.createIndex(Indexes.ascending("specialty", "_id"));
        conditions.createIndex(Indexes.ascending("searchTokens"));
        conditions.createIndex(Indexes.ascending("articleIds"));
    }

    Optional<Condition> findById(String id) {
        return Optional.ofNullable(conditions.find(eq("_id", id)).first());
    }

    /** All the given conditions in one query, in no particular order. */
    List<Condition> findAllById(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return conditions.find(in("_id", ids)).batchSize(batchSize).into(new ArrayList<>());
    }

    List<Condition> findByArticleIds(Collection<String> articleIds) {
        if (articleIds.isEmpty()) {
            return List.of();
        }
        return conditions
                .find(in("articleIds", articleIds))
                .batchSize(batchSize)
                .into(new ArrayList<>());
    }

    /** One page in id order, after the keyset cursor when there is one. */
    List<Condition> page(Bson filter, PageRequest page) {
        var after = page.after();
        var keyset = after == null ? filter : and(filter, gt("_id", after.getFirst()));
        return conditions
                .find(keyset)
                .sort(Sorts.ascending("_id"))
                .limit(page.fetchSize())
                .batchSize(page.fetchSize())
                .into(new ArrayList<>());
    }

    long count(Bson filter) {
        return filter.equals(Filters.empty()) ? conditions.estimatedDocumentCount() : conditions.countDocuments(filter);
    }

    /** Writes each at its next version; {@link WriteConflictException} if another writer got there first. */
    void saveAll(Collection<Condition> batch) {
        VersionedWrites.replaceAll(conditions, batch);
    }

    /** Deletes it unless another writer changed it since it was read. */
    void delete(Condition stored) {
        VersionedWrites.delete(conditions, stored);
    }
}
