package com.refractoryatlas.importer.job;

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
class ImportJobRepository {

    private final MongoCollection<ImportJob> jobs;

    ImportJobRepository(MongoDatabase database) {
        this.jobs = database.getCollection("jobs", ImportJob.class);
    }

    Optional<ImportJob> findById(String id) {
        return Optional.ofNullable(jobs.find(eq("_id", id)).first());
    }

    /** All the given jobs in one query, in no particular order. */
    List<ImportJob> findAllById(Collection<String> ids) {
        return jobs.find(in("_id", ids)).into(new ArrayList<>());
    }
}
