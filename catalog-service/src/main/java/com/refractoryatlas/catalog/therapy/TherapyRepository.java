package com.refractoryatlas.catalog.therapy;

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
class TherapyRepository {

    private final MongoCollection<Therapy> therapies;
    private final int batchSize;

    TherapyRepository(MongoDatabase database, CatalogProperties properties) {
        this.therapies = database.getCollection("therapies", Therapy.class);
        this.batchSize = properties.fetchBatchSize();
        therapies.createIndex(Indexes.ascending("kind", "_id"));
        therapies.createIndex(Indexes.ascending("searchTokens"));
    }

    Optional<Therapy> findById(String id) {
        return Optional.ofNullable(therapies.find(eq("_id", id)).first());
    }

    /** All the given therapies in one query, in no particular order. */
    List<Therapy> findAllById(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return therapies.find(in("_id", ids)).batchSize(batchSize).into(new ArrayList<>());
    }

    /** One page in id order, after the keyset cursor when there is one. */
    List<Therapy> page(Bson filter, PageRequest page) {
        var after = page.after();
        var keyset = after == null ? filter : and(filter, gt("_id", after.getFirst()));
        return therapies
                .find(keyset)
                .sort(Sorts.ascending("_id"))
                .limit(page.fetchSize())
                .batchSize(page.fetchSize())
                .into(new ArrayList<>());
    }

    long count(Bson filter) {
        return filter.equals(Filters.empty()) ? therapies.estimatedDocumentCount() : therapies.countDocuments(filter);
    }

    /** Writes each at its next version; {@link WriteConflictException} if another writer got there first. */
    void saveAll(Collection<Therapy> batch) {
        VersionedWrites.replaceAll(therapies, batch);
    }

    /** Deletes it unless another writer changed it since it was read. */
    void delete(Therapy stored) {
        VersionedWrites.delete(therapies, stored);
    }
}
