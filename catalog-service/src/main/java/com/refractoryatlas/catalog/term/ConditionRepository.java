package com.refractoryatlas.catalog.term;

import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.refractoryatlas.catalog.CatalogProperties;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Repository;

/** The {@code conditions} collection; the category is the specialty, and conditions are also found by article. */
@Repository
class ConditionRepository extends CuratedTermRepository<Condition> {

    ConditionRepository(MongoDatabase database, CatalogProperties properties) {
        super(database.getCollection("conditions", Condition.class), "specialty", properties.fetchBatchSize());
        collection().createIndex(Indexes.ascending("articleIds"));
    }

    List<Condition> findByArticleIds(Collection<String> articleIds) {
        if (articleIds.isEmpty()) {
            return List.of();
        }
        return collection()
                .find(in("articleIds", articleIds))
                .batchSize(batchSize())
                .into(new ArrayList<>());
    }
}
