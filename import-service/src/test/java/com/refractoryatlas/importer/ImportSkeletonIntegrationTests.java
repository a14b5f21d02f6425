package com.refractoryatlas.importer;

import com.mongodb.client.MongoDatabase;
import java.util.Date;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
class ImportSkeletonIntegrationTests {

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    MongoDatabase database;

    @BeforeEach
    void seed() {
        database.drop();
        database.getCollection("jobs")
                .insertOne(new Document("_id", "job-1")
                        .append("source", "000.txt")
                        .append("checksum", "abc")
                        .append("status", "SUCCEEDED")
                        .append("progress", 1.0)
                        .append("createdAt", new Date(0)));
    }

    @Test
    void readsAnImportJobFromMongo() {
        graphQl.documentName("importJob")
                .variable("id", "job-1")
                .execute()
                .path("importJob.status")
                .entity(String.class)
                .isEqualTo("SUCCEEDED")
                .path("importJob.createdAt")
                .entity(String.class)
                .isEqualTo("1970-01-01T00:00:00Z");
    }
}
