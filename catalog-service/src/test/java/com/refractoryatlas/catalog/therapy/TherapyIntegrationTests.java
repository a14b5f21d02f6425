package com.refractoryatlas.catalog.therapy;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.catalog.CatalogFixtures;
import com.refractoryatlas.catalog.CatalogIntegrationTest;
import com.refractoryatlas.catalog.GraphQlErrors;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

@CatalogIntegrationTest
class TherapyIntegrationTests {

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    CatalogFixtures fixtures;

    @BeforeEach
    void seed() {
        fixtures.seed();
    }

    @ParameterizedTest
    @ValueSource(strings = {"electroconvulsive-therapy", "ect", "ECT", "Electroconvulsive Therapy"})
    void resolvesATherapyByIdOrAlias(String id) {
        var response = graphQl.documentName("therapy").variable("id", id).execute();
        response.path("therapy.id").entity(String.class).isEqualTo("electroconvulsive-therapy");
        response.path("therapy.aliases").entityList(String.class).containsExactly("ECT");
        response.path("therapy.kind").entity(String.class).isEqualTo("PROCEDURE");
        response.path("therapy.treatments[*].condition.id")
                .entityList(String.class)
                .containsExactly("depression");
    }

    @Test
    void answersNullForAnUnknownTherapy() {
        graphQl.documentName("therapy")
                .variable("id", "nothing")
                .execute()
                .path("therapy")
                .valueIsNull();
    }

    @Test
    void filtersByTextKindAndCondition() {
        assertThat(ids(Map.of("text", "ect"))).containsExactly("electroconvulsive-therapy");
        assertThat(ids(Map.of("text", "NERVE stim"))).containsExactly("vagus-nerve-stimulation");
        assertThat(ids(Map.of("text", "esket"))).containsExactly("ketamine");
        assertThat(ids(Map.of("kind", "DRUG"))).containsExactly("ketamine");
        assertThat(ids(Map.of("conditionId", "epilepsy"))).containsExactly("vagus-nerve-stimulation");
        assertThat(ids(Map.of("text", ".*"))).isEmpty();
        assertThat(ids(Map.of("text", "{\"$gt\": \"\"}"))).isEmpty();
    }

    @Test
    void pagesWithCursorsAndRejectsTooLargePages() {
        var first = graphQl.documentName("therapies").variable("first", 2).execute();
        first.path("therapies.totalCount").entity(Integer.class).isEqualTo(3);
        first.path("therapies.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        var cursor =
                first.path("therapies.pageInfo.endCursor").entity(String.class).get();
        graphQl.documentName("therapies")
                .variable("first", 2)
                .variable("after", cursor)
                .execute()
                .path("therapies.edges[*].node.id")
                .entityList(String.class)
                .containsExactly("vagus-nerve-stimulation");
        graphQl.documentName("therapies")
                .variable("first", 101)
                .execute()
                .errors()
                .satisfy(GraphQlErrors.oneWithCode("BAD_USER_INPUT", "first"));
    }

    @Test
    void pagesBackwardFromTheEndWithLastAndBefore() {
        var last = graphQl.documentName("therapies").variable("last", 2).execute();
        last.path("therapies.edges[*].node.id")
                .entityList(String.class)
                .containsExactly("ketamine", "vagus-nerve-stimulation");
        last.path("therapies.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
        last.path("therapies.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
        last.path("therapies.totalCount").entity(Integer.class).isEqualTo(3);
        var start =
                last.path("therapies.pageInfo.startCursor").entity(String.class).get();
        last.path("therapies.edges[0].cursor").entity(String.class).isEqualTo(start);

        var previous = graphQl.documentName("therapies")
                .variable("last", 2)
                .variable("before", start)
                .execute();
        previous.path("therapies.edges[*].node.id")
                .entityList(String.class)
                .containsExactly("electroconvulsive-therapy");
        previous.path("therapies.pageInfo.hasPreviousPage")
                .entity(Boolean.class)
                .isEqualTo(false);
    }

    @Test
    void boundsAPageByBothCursors() {
        var all = graphQl.documentName("therapies").execute();
        var cursors =
                all.path("therapies.edges[*].cursor").entityList(String.class).get();

        graphQl.documentName("therapies")
                .variable("after", cursors.get(0))
                .variable("before", cursors.get(2))
                .execute()
                .path("therapies.edges[*].node.id")
                .entityList(String.class)
                .containsExactly("ketamine");
    }

    @Test
    void refusesFirstWithLastAndAMalformedBeforeCursor() {
        graphQl.documentName("therapies")
                .variable("first", 1)
                .variable("last", 1)
                .execute()
                .errors()
                .satisfy(GraphQlErrors.oneWithCode("BAD_USER_INPUT", "last"));
        graphQl.documentName("therapies")
                .variable("last", 1)
                .variable("before", "not a cursor")
                .execute()
                .errors()
                .satisfy(GraphQlErrors.oneWithCode("BAD_USER_INPUT", "before"));
        graphQl.documentName("therapies")
                .variable("last", 101)
                .execute()
                .errors()
                .satisfy(GraphQlErrors.oneWithCode("BAD_USER_INPUT", "last"));
    }

    private List<String> ids(Map<String, Object> filter) {
        return graphQl.documentName("therapies")
                .variable("filter", filter)
                .execute()
                .path("therapies.edges[*].node.id")
                .entityList(String.class)
                .get();
    }
}
