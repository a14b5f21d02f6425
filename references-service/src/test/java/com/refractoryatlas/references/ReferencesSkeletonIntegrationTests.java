package com.refractoryatlas.references;

import com.mongodb.client.MongoDatabase;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
class ReferencesSkeletonIntegrationTests {

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    MongoDatabase database;

    @BeforeEach
    void seed() {
        database.drop();
        database.getCollection("references")
                .insertOne(new Document("_id", "ref-1")
                        .append("title", "Ketamine for depression")
                        .append(
                                "authors",
                                List.of(new Document("family", "Smith")
                                        .append("given", "John")
                                        .append("suffix", "Jr.")))
                        .append("journal", "J Psych")
                        .append("year", 2020)
                        .append("pages", "102506"));
    }

    @Test
    void readsAReferenceFromMongo() {
        graphQl.documentName("reference")
                .variable("id", "ref-1")
                .execute()
                .path("reference.title")
                .entity(String.class)
                .isEqualTo("Ketamine for depression")
                .path("reference.authors[0].suffix")
                .entity(String.class)
                .isEqualTo("Jr.")
                .path("reference.year")
                .entity(Integer.class)
                .isEqualTo(2020);
    }

    @Test
    void resolvesReferenceEntitiesAndNullForUnknownOnes() {
        graphQl.document("""
                        query($r: [_Any!]!) { _entities(representations: $r) { ... on Reference { id title } } }""")
                .variable(
                        "r",
                        List.of(
                                Map.of("__typename", "Reference", "id", "ref-1"),
                                Map.of("__typename", "Reference", "id", "missing")))
                .execute()
                .path("_entities[0].title")
                .entity(String.class)
                .isEqualTo("Ketamine for depression")
                .path("_entities[1]")
                .valueIsNull();
    }
}
