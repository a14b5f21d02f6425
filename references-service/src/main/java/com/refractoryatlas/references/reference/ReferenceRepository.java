package com.refractoryatlas.references.reference;

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
class ReferenceRepository {

    private final MongoCollection<Reference> references;

    ReferenceRepository(MongoDatabase database) {
        this.references = database.getCollection("references", Reference.class);
    }

    Optional<Reference> findById(String id) {
        return Optional.ofNullable(references.find(eq("_id", id)).first());
    }

    /** All the given references in one query, in no particular order. */
    List<Reference> findAllById(Collection<String> ids) {
        return references.find(in("_id", ids)).into(new ArrayList<>());
    }
}
