package com.refractoryatlas.catalog.treatment;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.refractoryatlas.catalog.CatalogProperties;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

@Repository
class TreatmentRepository {

    private final MongoCollection<Treatment> treatments;
    private final int batchSize;

    TreatmentRepository(MongoDatabase database, CatalogProperties properties) {
        this.treatments = database.getCollection("treatments", Treatment.class);
        this.batchSize = properties.fetchBatchSize();
        treatments.createIndex(Indexes.ascending("conditionId"));
        treatments.createIndex(Indexes.ascending("therapyId"));
        treatments.createIndex(Indexes.ascending("evidenceIds"));
        treatments.createIndex(Indexes.ascending("articleIds"));
    }

    List<Treatment> findAllById(Collection<String> ids) {
        return find(in("_id", ids), ids);
    }

    List<Treatment> findByConditionIds(Collection<String> conditionIds) {
        return find(in("conditionId", conditionIds), conditionIds);
    }

    List<Treatment> findByTherapyIds(Collection<String> therapyIds) {
        return find(in("therapyId", therapyIds), therapyIds);
    }

    List<Treatment> findByConditionOrTherapyIds(Collection<String> conditionIds, Collection<String> therapyIds) {
        if (conditionIds.isEmpty() && therapyIds.isEmpty()) {
            return List.of();
        }
        return treatments
                .find(or(in("conditionId", conditionIds), in("therapyId", therapyIds)))
                .batchSize(batchSize)
                .into(new ArrayList<>());
    }

    List<Treatment> findByEvidenceIds(Collection<String> referenceIds) {
        return find(in("evidenceIds", referenceIds), referenceIds);
    }

    List<Treatment> findByArticleIds(Collection<String> articleIds) {
        return find(in("articleIds", articleIds), articleIds);
    }

    /** The ids of the conditions a therapy treats, without loading whole documents. */
    List<String> conditionIdsOf(String therapyId) {
        return treatments
                .distinct("conditionId", eq("therapyId", therapyId), String.class)
                .into(new ArrayList<>());
    }

    List<String> therapyIdsOf(String conditionId) {
        return treatments
                .distinct("therapyId", eq("conditionId", conditionId), String.class)
                .into(new ArrayList<>());
    }

    void saveAll(Collection<Treatment> batch) {
        if (batch.isEmpty()) {
            return;
        }
        treatments.bulkWrite(batch.stream()
                .map(t -> new ReplaceOneModel<>(eq("_id", t.id()), t, new ReplaceOptions().upsert(true)))
                .toList());
    }

    void deleteAllById(Collection<String> ids) {
        if (!ids.isEmpty()) {
            treatments.deleteMany(in("_id", ids));
        }
    }

    long count() {
        return treatments.countDocuments();
    }

    private List<Treatment> find(Bson filter, Collection<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return treatments.find(filter).batchSize(batchSize).into(new ArrayList<>());
    }
}
