package com.refractoryatlas.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
class CatalogSkeletonIntegrationTests {

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    MongoDatabase database;

    @BeforeEach
    void seed() {
        database.drop();
        database.getCollection("conditions")
                .insertOne(new Document("_id", "depression")
                        .append("name", "Depression")
                        .append("aliases", List.of("treatment-resistant depression", "TRD"))
                        .append("specialty", "PSYCHIATRY")
                        .append("refractoryCriteria", List.of("failure of two adequate antidepressant trials")));
        database.getCollection("treatments")
                .insertOne(new Document("_id", "depression|ketamine")
                        .append("conditionId", "depression")
                        .append("therapyId", "ketamine")
                        .append("role", "RESCUE")
                        .append("summary", "Ketamine acts within hours.")
                        .append("evidenceIds", List.of("ref-1", "ref-2")));
    }

    @Test
    void readsAConditionWithItsTreatmentsAndEvidenceStubsFromMongo() {
        graphQl.documentName("conditionWithEvidence")
                .variable("id", "depression")
                .execute()
                .path("condition.name")
                .entity(String.class)
                .isEqualTo("Depression")
                .path("condition.treatments[0].role")
                .entity(String.class)
                .isEqualTo("RESCUE")
                .path("condition.treatments[0].evidence[*].id")
                .entityList(String.class)
                .containsExactly("ref-1", "ref-2");
    }

    @Test
    void answersNullForAnUnknownCondition() {
        graphQl.documentName("conditionWithEvidence")
                .variable("id", "no-such-condition")
                .execute()
                .path("condition")
                .valueIsNull();
    }

    @Test
    void isAFederationSubgraph() {
        var sdl = graphQl.document("{ _service { sdl } }")
                .execute()
                .path("_service.sdl")
                .entity(String.class)
                .get();
        assertThat(sdl).contains("type Condition @key(fields : \"id\"");
    }

    @Test
    void resolvesConditionEntities() {
        graphQl.document("""
                        query($r: [_Any!]!) { _entities(representations: $r) { ... on Condition { id name } } }""")
                .variable("r", List.of(java.util.Map.of("__typename", "Condition", "id", "depression")))
                .execute()
                .path("_entities[0].name")
                .entity(String.class)
                .isEqualTo("Depression");
    }
}
