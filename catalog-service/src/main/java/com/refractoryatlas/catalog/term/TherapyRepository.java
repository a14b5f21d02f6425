package com.refractoryatlas.catalog.term;

import com.mongodb.client.MongoDatabase;
import com.refractoryatlas.catalog.CatalogProperties;
import org.springframework.stereotype.Repository;

/** The {@code therapies} collection; the category is the therapy kind. */
@Repository
class TherapyRepository extends CuratedTermRepository<Therapy> {

    TherapyRepository(MongoDatabase database, CatalogProperties properties) {
        super(database.getCollection("therapies", Therapy.class), "kind", properties.fetchBatchSize());
    }
}
