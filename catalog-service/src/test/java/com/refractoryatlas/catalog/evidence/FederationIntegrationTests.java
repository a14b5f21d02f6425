package com.refractoryatlas.catalog.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.catalog.CatalogFixtures;
import com.refractoryatlas.catalog.CatalogIntegrationTest;
import com.refractoryatlas.subgraph.Caller;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

@CatalogIntegrationTest
class FederationIntegrationTests {

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    CatalogFixtures fixtures;

    @BeforeEach
    void seed() {
        // as the gateway calls: _service and _entities need the internal credential
        graphQl = graphQl.mutate()
                .header(Caller.SERVICE_TOKEN_HEADER, CatalogFixtures.SERVICE_TOKEN)
                .build();
        fixtures.seed();
    }

    @Test
    void publishesEntitiesAndContributedFieldsInItsSdl() {
        var sdl = graphQl.documentName("serviceSdl")
                .execute()
                .path("_service.sdl")
                .entity(String.class)
                .get();
        assertThat(sdl)
                .contains("type Condition implements Node @key(fields : \"id\"")
                .contains("type Therapy implements Node @key(fields : \"id\"")
                .contains("type Mechanism implements Node @key(fields : \"id\"")
                .contains("type Reference implements Node @key(fields : \"id\"")
                .contains("type Article implements Node @key(fields : \"id\"")
                .contains("type PageInfo @shareable");
    }

    @Test
    void resolvesCatalogEntitiesInRequestOrderWithNullForUnknownIds() {
        var response = entities(
                Map.of("__typename", "Therapy", "id", "ketamine"),
                Map.of("__typename", "Condition", "id", "epilepsy"),
                Map.of("__typename", "Condition", "id", "unknown"),
                Map.of("__typename", "Mechanism", "id", "drug-efflux-pumps"));
        response.path("_entities[0].name").entity(String.class).isEqualTo("Ketamine");
        response.path("_entities[0].treatments[*].condition.id")
                .entityList(String.class)
                .containsExactly("depression");
        response.path("_entities[1].name").entity(String.class).isEqualTo("Epilepsy");
        response.path("_entities[1].mechanisms[*].id")
                .entityList(String.class)
                .contains("drug-efflux-pumps", "target-alteration")
                .hasSize(2);
        response.path("_entities[2]").valueIsNull();
        response.path("_entities[3].mechanismConditions[*].id")
                .entityList(String.class)
                .containsExactly("epilepsy");
    }

    @Test
    void contributesConditionsAndTherapiesToReferences() {
        var response = entities(
                Map.of("__typename", "Reference", "id", "ref-2"),
                Map.of("__typename", "Reference", "id", "ref-4"),
                Map.of("__typename", "Reference", "id", "ref-unknown"));
        response.path("_entities[0].conditions[*].id").entityList(String.class).containsExactly("depression");
        response.path("_entities[0].therapies[*].id")
                .entityList(String.class)
                .containsExactly("electroconvulsive-therapy", "ketamine");
        response.path("_entities[1].conditions[*].id")
                .entityList(String.class)
                .containsExactly("depression", "epilepsy");
        response.path("_entities[2].conditions").entityList(Object.class).hasSize(0);
    }

    @Test
    void contributesConditionsAndTherapiesToArticles() {
        var response = entities(
                Map.of("__typename", "Article", "id", "art-1"), Map.of("__typename", "Article", "id", "art-2"));
        response.path("_entities[0].conditions[*].id").entityList(String.class).containsExactly("depression");
        response.path("_entities[0].therapies[*].id")
                .entityList(String.class)
                .containsExactly("electroconvulsive-therapy", "ketamine");
        response.path("_entities[1].conditions[*].id").entityList(String.class).containsExactly("epilepsy");
        response.path("_entities[1].therapies[*].id")
                .entityList(String.class)
                .containsExactly("vagus-nerve-stimulation");
    }

    @Test
    void listsMechanismsWithTheirConditions() {
        var response = graphQl.documentName("mechanisms").execute();
        response.path("mechanisms[*].id")
                .entityList(String.class)
                .containsExactly("drug-efflux-pumps", "target-alteration");
        response.path("mechanisms[1].conditions[*].id")
                .entityList(String.class)
                .containsExactly("epilepsy", "depression");
    }

    @SafeVarargs
    private GraphQlTester.Response entities(Map<String, Object>... representations) {
        return graphQl.documentName("entities")
                .variable("representations", List.of(representations))
                .execute();
    }
}
