package com.refractoryatlas.catalog.mechanism;

import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.refractoryatlas.catalog.CatalogProperties;
import com.refractoryatlas.mongo.VersionedWrites;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Repository;

@Repository
class MechanismRepository {

    private final MongoCollection<Mechanism> mechanisms;
    private final int batchSize;

    MechanismRepository(MongoDatabase database, CatalogProperties properties) {
        this.mechanisms = database.getCollection("mechanisms", Mechanism.class);
        this.batchSize = properties.fetchBatchSize();
        mechanisms.createIndex(Indexes.ascending("conditionIds"));
    }

    List<Mechanism> findAll() {
        return mechanisms
                .find()
                .sort(Sorts.ascending("_id"))
                .batchSize(batchSize)
                .into(new ArrayList<>());
    }

    List<Mechanism> findAllById(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return mechanisms.find(in("_id", ids)).batchSize(batchSize).into(new ArrayList<>());
    }

    List<Mechanism> findByConditionIds(Collection<String> conditionIds) {
        if (conditionIds.isEmpty()) {
            return List.of();
        }
        return mechanisms
                .find(in("conditionIds", conditionIds))
                .batchSize(batchSize)
                .into(new ArrayList<>());
    }

    /** Writes each at its next version; a {@code WriteConflictException} if another writer got there first. */
    void saveAll(Collection<Mechanism> batch) {
        VersionedWrites.replaceAll(mechanisms, batch);
    }

    void delete(Mechanism stored) {
        VersionedWrites.delete(mechanisms, stored);
    }
}
