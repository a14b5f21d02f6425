package com.refractoryatlas.catalog.condition;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Repository;

@Repository
class ConditionRepository {

    private final MongoCollection<Condition> conditions;

    ConditionRepository(MongoDatabase database) {
        this.conditions = database.getCollection("conditions", Condition.class);
    }

    Optional<Condition> findById(String id) {
        return Optional.ofNullable(conditions.find(eq("_id", id)).first());
    }

    /** All the given conditions in one query, in no particular order. */
    List<Condition> findAllById(Collection<String> ids) {
        return conditions.find(in("_id", ids)).into(new ArrayList<>());
    }

    void save(Condition condition) {
        conditions.replaceOne(
                eq("_id", condition.id()), condition, new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }
}
