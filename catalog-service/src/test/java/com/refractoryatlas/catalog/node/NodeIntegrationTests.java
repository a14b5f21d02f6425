package com.refractoryatlas.catalog.node;

import com.refractoryatlas.catalog.CatalogFixtures;
import com.refractoryatlas.catalog.CatalogIntegrationTest;
import com.refractoryatlas.subgraph.GlobalId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

@CatalogIntegrationTest
class NodeIntegrationTests {

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    CatalogFixtures fixtures;

    @BeforeEach
    void seed() {
        fixtures.seed();
    }

    @Test
    void answersCatalogEntitiesByGlobalIdWithTheirNodeIds() {
        var response = graphQl.documentName("node")
                .variable("id", GlobalId.encode("Condition", "depression"))
                .execute();
        response.path("node.__typename").entity(String.class).isEqualTo("Condition");
        response.path("node.id").entity(String.class).isEqualTo("depression");
        response.path("node.nodeId").entity(String.class).isEqualTo(GlobalId.encode("Condition", "depression"));
        response.path("node.treatments[*].therapy.nodeId")
                .entityList(String.class)
                .contains(GlobalId.encode("Therapy", "ketamine"));
    }

    @Test
    void answersEveryTypeInOrderAndNullForWhatDoesNotResolve() {
        var response = graphQl.documentName("nodes")
                .variable(
                        "ids",
                        List.of(
                                GlobalId.encode("Therapy", "ketamine"),
                                GlobalId.encode("Mechanism", "drug-efflux-pumps"),
                                GlobalId.encode("Condition", "no-such-condition"),
                                "depression",
                                GlobalId.encode("Treatment", "depression"),
                                GlobalId.encode("Reference", "ref-2"),
                                GlobalId.encode("Article", "doi:10.1/x"),
                                GlobalId.encode("ImportJob", "job-1"),
                                GlobalId.encode("Condition", "epilepsy")))
                .execute();
        response.path("nodes[0].name").entity(String.class).isEqualTo("Ketamine");
        response.path("nodes[1].id").entity(String.class).isEqualTo("drug-efflux-pumps");
        response.path("nodes[1].nodeId")
                .entity(String.class)
                .isEqualTo(GlobalId.encode("Mechanism", "drug-efflux-pumps"));
        response.path("nodes[2]").valueIsNull();
        response.path("nodes[3]").valueIsNull();
        response.path("nodes[4]").valueIsNull();
        // other services' entities are references the gateway completes from their owner
        response.path("nodes[5].__typename").entity(String.class).isEqualTo("Reference");
        response.path("nodes[5].id").entity(String.class).isEqualTo("ref-2");
        response.path("nodes[6].id").entity(String.class).isEqualTo("doi:10.1/x");
        response.path("nodes[7].__typename").entity(String.class).isEqualTo("ImportJob");
        response.path("nodes[7].id").entity(String.class).isEqualTo("job-1");
        response.path("nodes[8].name").entity(String.class).isEqualTo("Epilepsy");
    }

    @Test
    void refusesMoreThanOneHundredIdsAsBadUserInput() {
        var ids = new ArrayList<String>();
        for (int i = 0; i <= NodeController.MAX_IDS; i++) {
            ids.add(GlobalId.encode("Condition", "c" + i));
        }
        graphQl.documentName("nodes")
                .variable("ids", ids)
                .execute()
                .errors()
                .satisfy(errors -> org.assertj.core.api.Assertions.assertThat(errors)
                        .singleElement()
                        .satisfies(error -> {
                            org.assertj.core.api.Assertions.assertThat(error.getMessage())
                                    .contains("at most 100 ids (was 101)");
                            org.assertj.core.api.Assertions.assertThat(
                                            error.getExtensions().get("code"))
                                    .isEqualTo("BAD_USER_INPUT");
                        }));
    }
}
