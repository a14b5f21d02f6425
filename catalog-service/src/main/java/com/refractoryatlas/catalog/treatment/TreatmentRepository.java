package com.refractoryatlas.catalog.treatment;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Repository;

@Repository
class TreatmentRepository {

    private final MongoCollection<Treatment> treatments;

    TreatmentRepository(MongoDatabase database) {
        this.treatments = database.getCollection("treatments", Treatment.class);
        treatments.createIndex(Indexes.ascending("conditionId"));
        treatments.createIndex(Indexes.ascending("therapyId"));
    }

    /** The treatments of all the given conditions in one query. */
    List<Treatment> findByConditionIds(Collection<String> conditionIds) {
        return treatments.find(in("conditionId", conditionIds)).into(new ArrayList<>());
    }

    void save(Treatment treatment) {
        treatments.replaceOne(eq("_id", treatment.id()), treatment, new ReplaceOptions().upsert(true));
    }
}
