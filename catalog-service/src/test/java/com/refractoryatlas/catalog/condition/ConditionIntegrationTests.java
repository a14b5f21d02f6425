package com.refractoryatlas.catalog.condition;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.catalog.CatalogFixtures;
import com.refractoryatlas.catalog.CatalogIntegrationTest;
import com.refractoryatlas.catalog.GraphQlErrors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

@CatalogIntegrationTest
class ConditionIntegrationTests {

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    CatalogFixtures fixtures;

    @BeforeEach
    void seed() {
        fixtures.seed();
    }

    @Nested
    class ById {

        @Test
        void readsAConditionWithItsTreatmentsTherapiesAndEvidence() {
            var response = graphQl.documentName("condition")
                    .variable("id", "depression")
                    .execute();
            response.path("condition.name").entity(String.class).isEqualTo("Depression");
            response.path("condition.specialty").entity(String.class).isEqualTo("PSYCHIATRY");
            response.path("condition.treatments[*].therapy.id")
                    .entityList(String.class)
                    .contains("ketamine", "electroconvulsive-therapy", "vagus-nerve-stimulation")
                    .hasSize(3);
            response.path("condition.treatments[*].condition.id")
                    .entityList(String.class)
                    .containsExactly("depression", "depression", "depression");
            response.path("condition.references[*].id")
                    .entityList(String.class)
                    .contains("ref-1", "ref-2", "ref-3", "ref-4")
                    .hasSize(4);
            response.path("condition.articles[*].id").entityList(String.class).containsExactly("art-1");
            response.path("condition.mechanisms[*].id").entityList(String.class).containsExactly("target-alteration");
        }

        @Test
        void filtersTreatmentsByRole() {
            graphQl.documentName("condition")
                    .variable("id", "depression")
                    .variable("role", "GOLD_STANDARD")
                    .execute()
                    .path("condition.treatments[*].therapy.id")
                    .entityList(String.class)
                    .containsExactly("electroconvulsive-therapy");
        }

        @ParameterizedTest
        @ValueSource(strings = {"treatment-resistant-depression", "TRD", "trd", "Treatment-Resistant Depression"})
        void resolvesAnAliasOrItsSlugToItsCondition(String alias) {
            graphQl.documentName("condition")
                    .variable("id", alias)
                    .execute()
                    .path("condition.id")
                    .entity(String.class)
                    .isEqualTo("depression");
        }

        @ParameterizedTest
        @ValueSource(strings = {"no-such-condition", "", "{\"$gt\": \"\"}", ".*"})
        void answersNullForAnUnknownCondition(String id) {
            graphQl.documentName("condition")
                    .variable("id", id)
                    .execute()
                    .path("condition")
                    .valueIsNull();
        }
    }

    @Nested
    class Filtering {

        @Test
        void matchesNamesAndAliasesByWordPrefixIgnoringCase() {
            assertThat(ids(Map.of("text", "DEPRESS"))).containsExactly("depression");
            assertThat(ids(Map.of("text", "pharmaco"))).containsExactly("epilepsy");
            assertThat(ids(Map.of("text", "refractory"))).containsExactly("depression", "glaucoma");
            assertThat(ids(Map.of("text", "treatment-resistant"))).containsExactly("depression");
            assertThat(ids(Map.of("text", "trd"))).containsExactly("depression");
        }

        @Test
        void requiresEveryWordToMatch() {
            assertThat(ids(Map.of("text", "refractory glau"))).containsExactly("glaucoma");
            assertThat(ids(Map.of("text", "refractory epilepsy"))).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"{\"$gt\": \"\"}", ".*", "(a+)+$", "$where", "^", "\\", "[", "*"})
        void treatsHostileTextLiterallyWithoutErrorOrMatchingEverything(String text) {
            var started = System.nanoTime();
            var response = graphQl.documentName("conditions")
                    .variable("filter", Map.of("text", text))
                    .execute();
            response.errors().verify();
            assertThat(response.path("conditions.totalCount")
                            .entity(Integer.class)
                            .get())
                    .isLessThan(3);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        }

        @Test
        void rejectsOverlongText() {
            graphQl.documentName("conditions")
                    .variable("filter", Map.of("text", "a".repeat(201)))
                    .execute()
                    .errors()
                    .satisfy(GraphQlErrors.oneWithCode("BAD_USER_INPUT", "filter.text"));
        }

        @Test
        void filtersBySpecialtyAndTherapy() {
            assertThat(ids(Map.of("specialty", "NEUROLOGY"))).containsExactly("epilepsy");
            assertThat(ids(Map.of("therapyId", "vagus-nerve-stimulation"))).containsExactly("depression", "epilepsy");
            assertThat(ids(Map.of("therapyId", "vagus-nerve-stimulation", "specialty", "NEUROLOGY")))
                    .containsExactly("epilepsy");
            assertThat(ids(Map.of("therapyId", "no-such-therapy"))).isEmpty();
        }

        private List<String> ids(Map<String, Object> filter) {
            return graphQl.documentName("conditions")
                    .variable("filter", filter)
                    .execute()
                    .path("conditions.edges[*].node.id")
                    .entityList(String.class)
                    .get();
        }
    }

    @Nested
    class Paging {

        @Test
        void walksEveryConditionOnceWithStableCursors() {
            var seen = new ArrayList<String>();
            String after = null;
            for (int page = 0; page < 10; page++) {
                var response = graphQl.documentName("conditions")
                        .variable("first", 2)
                        .variable("after", after)
                        .execute();
                response.path("conditions.totalCount").entity(Integer.class).isEqualTo(3);
                seen.addAll(response.path("conditions.edges[*].node.id")
                        .entityList(String.class)
                        .get());
                if (!response.path("conditions.pageInfo.hasNextPage")
                        .entity(Boolean.class)
                        .get()) {
                    break;
                }
                after = response.path("conditions.pageInfo.endCursor")
                        .entity(String.class)
                        .get();
            }
            assertThat(seen).containsExactly("depression", "epilepsy", "glaucoma");
        }

        @Test
        void aCursorStaysValidWhenEarlierRowsAreAdded() {
            var first = graphQl.documentName("conditions")
                    .variable("first", 1)
                    .execute()
                    .path("conditions.pageInfo.endCursor")
                    .entity(String.class)
                    .get();
            fixtures.seed();
            graphQl.documentName("conditions")
                    .variable("first", 5)
                    .variable("after", first)
                    .execute()
                    .path("conditions.edges[*].node.id")
                    .entityList(String.class)
                    .containsExactly("epilepsy", "glaucoma");
        }

        @ParameterizedTest
        @ValueSource(strings = {"not-a-cursor", "!!!", "djE"})
        void rejectsABadCursor(String cursor) {
            graphQl.documentName("conditions")
                    .variable("after", cursor)
                    .execute()
                    .errors()
                    .satisfy(GraphQlErrors.oneWithCode("BAD_USER_INPUT", "after"));
        }

        @Test
        void rejectsMoreThanOneHundredRows() {
            graphQl.documentName("conditions")
                    .variable("first", 101)
                    .execute()
                    .errors()
                    .satisfy(GraphQlErrors.oneWithCode("BAD_USER_INPUT", "first"));
        }

        @Test
        void acceptsExactlyOneHundredRows() {
            graphQl.documentName("conditions")
                    .variable("first", 100)
                    .execute()
                    .path("conditions.edges")
                    .entityList(Object.class)
                    .hasSize(3);
        }
    }
}
