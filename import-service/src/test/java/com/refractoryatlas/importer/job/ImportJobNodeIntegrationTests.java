package com.refractoryatlas.importer.job;

import com.mongodb.client.MongoDatabase;
import com.refractoryatlas.subgraph.Caller;
import com.refractoryatlas.subgraph.GlobalId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * {@code ImportJob.nodeId} through {@code _entities}, the way the gateway completes the catalog's {@code Query.node}:
 * the global id every subgraph computes, and null for a job the caller may not see, as {@code importJob(id:)} hides it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
class ImportJobNodeIntegrationTests {

    @Autowired
    HttpGraphQlTester tester;

    @Autowired
    MongoDatabase database;

    @Autowired
    ImportJobRepository repository;

    @BeforeEach
    void clean() {
        database.getCollection("jobs").deleteMany(new Document());
        var createdAt = Instant.parse("2026-02-03T04:05:06Z");
        repository.save(ImportJob.queued("job-n", "n.txt", "checksum-n", createdAt));
    }

    private HttpGraphQlTester as(String roles) {
        return tester.mutate()
                .responseTimeout(Duration.ofSeconds(60))
                .header(Caller.SERVICE_TOKEN_HEADER, "local-dev-service-token")
                .header(Caller.USER_ROLES_HEADER, roles)
                .build();
    }

    private static List<Map<String, Object>> representations() {
        return List.of(
                Map.of("__typename", "ImportJob", "id", "job-n"), Map.of("__typename", "ImportJob", "id", "missing"));
    }

    @Test
    void answersTheGlobalIdOfAJobTheCallerMaySee() {
        var response = as("editor")
                .documentName("jobNodeIds")
                .variable("representations", representations())
                .execute();

        response.path("_entities[0].nodeId").entity(String.class).isEqualTo(GlobalId.encode("ImportJob", "job-n"));
        response.path("_entities[0].source").entity(String.class).isEqualTo("n.txt");
        response.path("_entities[1]").valueIsNull();
    }

    @Test
    void answersNullForAJobHiddenFromTheCaller() {
        as("anonymous")
                .documentName("jobNodeIds")
                .variable("representations", representations())
                .execute()
                .path("_entities[0]")
                .valueIsNull();
    }
}
