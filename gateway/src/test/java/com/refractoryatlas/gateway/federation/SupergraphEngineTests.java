package com.refractoryatlas.gateway.federation;

import static com.refractoryatlas.gateway.federation.TestSubgraphs.operation;
import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.gateway.federation.FederationEngine.Request;
import com.refractoryatlas.gateway.federation.SupergraphEngine.Refresh;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SupergraphEngineTests {

    private static final JsonMapper JSON = new JsonMapper();

    TestSubgraphs subgraphs;
    SupergraphEngine engine;

    @BeforeEach
    void composeSupergraph() {
        subgraphs = new TestSubgraphs();
        engine = new SupergraphEngine(
                TestSubgraphs.NAMES, subgraphs, new SupergraphEngine.Settings(Duration.ofSeconds(10), 100));
        assertThat(engine.refresh()).isInstanceOf(Refresh.Updated.class);
        subgraphs.reset();
    }

    @AfterEach
    void closeEngine() {
        engine.close();
    }

    Map<String, Object> run(String operationName) {
        return run(operationName, Map.of());
    }

    Map<String, Object> run(String operationName, Map<String, Object> variables) {
        return engine.execute(new Request(operation(operationName), null, variables, Map.of()));
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> errors(Map<String, Object> response) {
        return (List<Map<String, Object>>) response.getOrDefault("errors", List.of());
    }

    static @Nullable Object code(Map<String, Object> error) {
        return error.get("extensions") instanceof Map<?, ?> extensions ? extensions.get("code") : null;
    }

    static @Nullable Object at(Object root, Object... path) {
        Object current = root;
        for (var segment : path) {
            current = switch (current) {
                case Map<?, ?> map -> map.get(segment);
                case List<?> list -> list.get((Integer) segment);
                case null, default -> null;
            };
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static List<Object> representations(TestSubgraphs.Received request) {
        return (List<Object>) request.variables().get("representations");
    }

    @Nested
    class RootFieldsAndEntities {

        @Test
        void answersAFourLevelQueryWithOneRequestPerSubgraphPerLevel() {
            var response = run("fourLevels");

            assertThat(errors(response)).isEmpty();
            assertThat(at(
                            response,
                            "data",
                            "conditions",
                            0,
                            "treatments",
                            1,
                            "evidence",
                            1,
                            "citedBy",
                            0,
                            "conditions"))
                    .isEqualTo(List.of(Map.of("name", "Epilepsy"), Map.of("name", "Depression")));
            assertThat(at(response, "data", "conditions", 0, "treatments", 0, "evidence", 0, "citedBy", 0, "importJob"))
                    .isEqualTo(Map.of("status", "SUCCEEDED"));
            assertThat(subgraphs.requestsTo("catalog")).hasSize(2);
            assertThat(subgraphs.requestsTo("references")).hasSize(1);
            assertThat(subgraphs.requestsTo("import")).hasSize(1);
        }

        @Test
        void sendsEachDistinctRepresentationOncePerLevel() {
            run("fourLevels");

            var references = subgraphs.requestsTo("references").getFirst();
            assertThat(representations(references))
                    .containsExactly(
                            Map.of("__typename", "Reference", "id", "r1"),
                            Map.of("__typename", "Reference", "id", "r2"),
                            Map.of("__typename", "Reference", "id", "r3"));
            var articles = subgraphs.requestsTo("import").getFirst();
            assertThat(representations(articles))
                    .containsExactly(
                            Map.of("__typename", "Article", "id", "a1"), Map.of("__typename", "Article", "id", "a2"));
        }

        @Test
        void mergesRootFieldsOfOneSubgraphIntoOneRequest() {
            var response = run("rootFieldsOfTwoSubgraphs");

            assertThat(json(response))
                    .isEqualTo("{\"data\":{\"condition\":{\"name\":\"Depression\"},\"therapy\":{\"name\":\"Ketamine\"},"
                            + "\"reference\":{\"title\":\"Ketamine for TRD\"}}}");
            assertThat(subgraphs.requestsTo("catalog")).singleElement().satisfies(r -> assertThat(r.query())
                    .contains("condition(", "therapy("));
            assertThat(subgraphs.requestsTo("references")).hasSize(1);
        }

        @Test
        void answersNestedListsAndPassesCustomScalarsThrough() {
            var response = run("nestedLists");

            assertThat(errors(response)).isEmpty();
            assertThat(json(at(response, "data")))
                    .isEqualTo("{\"condition\":{\"matrix\":[[\"a\",\"b\"],[\"c\",null]]},\"importJob\":{\"status\":"
                            + "\"SUCCEEDED\",\"createdAt\":\"2026-11-23T10:00:00Z\",\"article\":{\"title\":"
                            + "\"Refractory depression review\"}}}");
        }

        @Test
        void propagatesRequestHeadersToEverySubgraph() {
            engine.execute(new Request(
                    operation("fourLevels"),
                    null,
                    Map.of(),
                    Map.of("Authorization", "Bearer token", "traceparent", "00-abc-def-01")));

            assertThat(subgraphs.received).hasSize(4).allSatisfy(r -> assertThat(r.headers())
                    .containsEntry("Authorization", "Bearer token")
                    .containsEntry("traceparent", "00-abc-def-01"));
        }
    }

    @Nested
    class OperationsAsTheSpecificationSays {

        @Test
        void keepsClientFieldOrderAliasesAndFragmentsOnInterfacesAndUnions() {
            var response = run("fragmentsAndAliases", Map.of("id", "depression"));

            assertThat(errors(response)).isEmpty();
            assertThat(json(at(response, "data", "first")))
                    .isEqualTo("{\"id\":\"depression\",\"kind\":\"PSYCHIATRY\",\"references\":[{\"refTitle\":"
                            + "\"Ketamine for TRD\",\"authors\":[{\"family\":\"Smith\"}]},{\"refTitle\":\"ECT outcomes\","
                            + "\"authors\":[{\"family\":\"Jones\"}]}],\"label\":\"Depression\"}");
            assertThat(json(at(response, "data", "search")))
                    .isEqualTo("[{\"__typename\":\"Condition\",\"id\":\"depression\",\"specialty\":\"PSYCHIATRY\"},"
                            + "{\"__typename\":\"Condition\",\"id\":\"epilepsy\",\"specialty\":\"NEUROLOGY\"},"
                            + "{\"__typename\":\"Therapy\",\"id\":\"ect\",\"kind\":\"PROCEDURE\"},"
                            + "{\"__typename\":\"Therapy\",\"id\":\"ketamine\",\"kind\":\"DRUG\"},"
                            + "{\"__typename\":\"Therapy\",\"id\":\"surgery\",\"kind\":\"PROCEDURE\"}]");
            assertThat(json(at(response, "data", "named")))
                    .isEqualTo("[{\"__typename\":\"Condition\",\"id\":\"epilepsy\"},"
                            + "{\"__typename\":\"Therapy\",\"id\":\"ketamine\",\"kind\":\"DRUG\"}]");
        }

        @Test
        void fetchesEntityKeysUnderAnInternalAliasWhenTheClientUsesTheKeyNameForAnotherField() {
            var response = engine.execute(new Request(
                    "{ condition(id: \"epilepsy\") { id: name references { title } } }", null, Map.of(), Map.of()));

            assertThat(json(response))
                    .isEqualTo("{\"data\":{\"condition\":{\"id\":\"Epilepsy\",\"references\":"
                            + "[{\"title\":\"Surgery in epilepsy\"}]}}}");
        }

        @Test
        void forwardsVariablesToTheSubgraphThatNeedsThem() {
            var response = run("conditionWithRefs", Map.of("id", "epilepsy"));

            assertThat(json(at(response, "data")))
                    .isEqualTo(
                            "{\"condition\":{\"name\":\"Epilepsy\",\"references\":[{\"title\":\"Surgery in epilepsy\"}]}}");
            assertThat(subgraphs.requestsTo("catalog").getFirst().variables()).isEqualTo(Map.of("id", "epilepsy"));
            assertThat(subgraphs.requestsTo("references").getFirst().variables())
                    .doesNotContainKey("id");
        }

        @Test
        void rejectsBadVariablesBeforeAskingAnySubgraph() {
            var wrongType = run("includeSkip", Map.of("withRefs", "yes", "skipName", false));
            var missing = run("conditionWithRefs", Map.of());

            assertThat(errors(wrongType)).isNotEmpty();
            assertThat(errors(missing)).isNotEmpty();
            assertThat(at(missing, "data")).isNull();
            assertThat(subgraphs.received).isEmpty();
        }

        @Test
        void honoursIncludeAndSkipOnFieldsAndFragments() {
            var without = run("includeSkip", Map.of("withRefs", false, "skipName", true));

            assertThat(json(at(without, "data"))).isEqualTo("{\"condition\":{\"id\":\"depression\"}}");
            assertThat(subgraphs.requestsTo("references")).isEmpty();

            var with = run("includeSkip", Map.of("withRefs", true, "skipName", false));

            assertThat(json(at(with, "data")))
                    .isEqualTo(
                            "{\"condition\":{\"id\":\"depression\",\"name\":\"Depression\",\"references\":"
                                    + "[{\"title\":\"Ketamine for TRD\"},{\"title\":\"ECT outcomes\"}],\"aliases\":[\"TRD\"]}}");
        }

        @Test
        void answersIntrospectionAndTypenameFromTheSupergraph() {
            var response = run("introspection");

            assertThat(at(response, "data", "__typename")).isEqualTo("Query");
            assertThat(at(response, "data", "__schema", "queryType", "name")).isEqualTo("Query");
            assertThat(json(at(response, "data", "__type", "fields")))
                    .contains("\"references\"", "\"treatments\"")
                    .doesNotContain("_entities");
            assertThat(subgraphs.received).isEmpty();
        }

        @Test
        void reportsValidationErrorsWithoutData() {
            var response = engine.execute(new Request("{ condition(id: \"x\") { nope } }", null, Map.of(), Map.of()));

            assertThat(response).doesNotContainKey("data");
            assertThat(errors(response)).singleElement().satisfies(e -> assertThat((String) e.get("message"))
                    .contains("nope"));
            assertThat(subgraphs.received).isEmpty();
        }

        @Test
        void reportsSyntaxErrorsWithoutData() {
            var response = engine.execute(new Request("{ condition(id: ", null, Map.of(), Map.of()));

            assertThat(response).doesNotContainKey("data");
            assertThat(errors(response)).hasSize(1);
        }

        @Test
        void runsMutationRootFieldsInOrder() {
            var response = engine.execute(new Request(
                    "mutation { one: addAlias(conditionId: \"depression\", alias: \"A1\") { aliases }"
                            + " two: addAlias(conditionId: \"depression\", alias: \"A2\") { aliases references { title } } }",
                    null,
                    Map.of(),
                    Map.of()));

            assertThat(errors(response)).isEmpty();
            assertThat(at(response, "data", "one", "aliases")).isEqualTo(List.of("TRD", "A1"));
            assertThat(at(response, "data", "two", "aliases")).isEqualTo(List.of("TRD", "A1", "A2"));
            assertThat(at(response, "data", "two", "references", 1, "title")).isEqualTo("ECT outcomes");
            assertThat(subgraphs.requestsTo("catalog")).singleElement().satisfies(r -> assertThat(r.query())
                    .startsWith("mutation"));
        }
    }

    @Nested
    class PartialData {

        @Test
        void theFetchesOfOneLevelAreInFlightTogetherAndEachKeepsItsOwnAnswer() {
            var expected = json(run("partialData"));
            // once armed, each fetch waits until another one is in flight too: one after the other, they could not
            var armed = new java.util.concurrent.atomic.AtomicBoolean();
            var bothInFlight = new java.util.concurrent.CountDownLatch(2);
            var waitedAlone = new java.util.concurrent.atomic.AtomicInteger();
            SubgraphTransport together = (subgraph, query, variables, headers) -> {
                if (armed.get()) {
                    bothInFlight.countDown();
                    try {
                        if (!bothInFlight.await(20, java.util.concurrent.TimeUnit.SECONDS)) {
                            waitedAlone.incrementAndGet();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return subgraphs.execute(subgraph, query, variables, headers);
            };
            try (var waiting = new SupergraphEngine(
                    TestSubgraphs.NAMES, together, new SupergraphEngine.Settings(Duration.ofSeconds(10), 100))) {
                assertThat(waiting.refresh()).isInstanceOf(Refresh.Updated.class);
                armed.set(true);

                var response = waiting.execute(new Request(operation("partialData"), null, Map.of(), Map.of()));

                assertThat(waitedAlone)
                        .as("fetches that never saw another one in flight")
                        .hasValue(0);
                assertThat(json(response)).isEqualTo(expected);
            }
        }

        @Test
        void nullsTheFieldsOfADownSubgraphWithAnUnavailableError() {
            subgraphs.takeDown("references");

            var response = run("partialData");

            assertThat(at(response, "data", "condition", "name")).isEqualTo("Depression");
            assertThat(at(response, "data", "reference")).isNull();
            assertThat(errors(response)).singleElement().satisfies(e -> {
                assertThat(code(e)).isEqualTo("SUBGRAPH_UNAVAILABLE");
                assertThat(e.get("path")).isEqualTo(List.of("reference"));
                // which subgraph, never why: the cause (internal hosts, exception texts) stays in the log
                assertThat(e.get("message")).isEqualTo("Subgraph 'references' is unavailable");
            });
        }

        @Test
        void propagatesNullsThroughNonNullFieldsWithTheErrorAtTheClientPath() {
            subgraphs.takeDown("references");

            var response = run("evidenceTitles");

            assertThat(response).containsKey("data");
            assertThat(at(response, "data", "condition")).isNull();
            assertThat(errors(response))
                    .anySatisfy(e -> {
                        assertThat(code(e)).isEqualTo("SUBGRAPH_UNAVAILABLE");
                        assertThat(e.get("path"))
                                .isEqualTo(List.of("condition", "treatments", 0, "evidence", 0, "title"));
                    })
                    .allSatisfy(e -> assertThat(code(e)).isEqualTo("SUBGRAPH_UNAVAILABLE"));
        }

        @Test
        void passesASubgraphsOwnErrorCodeThroughAtTheClientPath() {
            var response = run("missingReference");

            assertThat(at(response, "data", "reference")).isNull();
            assertThat(at(response, "data", "condition", "name")).isEqualTo("Epilepsy");
            assertThat(errors(response)).singleElement().satisfies(e -> {
                assertThat(code(e)).isEqualTo("NOT_FOUND");
                assertThat(e.get("path")).isEqualTo(List.of("reference"));
            });
        }

        @Test
        void repathsEntityErrorsToEveryClientPathOfTheEntity() {
            var response = run("evidenceYears");

            assertThat(at(response, "data", "condition", "treatments", 0, "evidence", 0, "year"))
                    .isEqualTo(2019);
            assertThat(at(response, "data", "condition", "treatments", 0, "evidence", 1))
                    .isEqualTo(nullYear("r2"));
            assertThat(errors(response))
                    .extracting(e -> e.get("path"))
                    .containsExactlyInAnyOrder(
                            List.of("condition", "treatments", 0, "evidence", 1, "year"),
                            List.of("condition", "treatments", 1, "evidence", 0, "year"));
            assertThat(errors(response)).allSatisfy(e -> assertThat(code(e)).isEqualTo("FORBIDDEN"));
        }

        private static Map<String, Object> nullYear(String id) {
            var map = new LinkedHashMap<String, Object>();
            map.put("id", id);
            map.put("year", null);
            return map;
        }

        @Test
        void neverThrowsWhenEverySubgraphIsDown() {
            TestSubgraphs.NAMES.forEach(subgraphs::takeDown);

            var response = run("fourLevels");

            assertThat(at(response, "data")).isNull();
            assertThat(errors(response)).singleElement().satisfies(e -> assertThat(code(e))
                    .isEqualTo("SUBGRAPH_UNAVAILABLE"));
        }
    }

    @Nested
    class PlanCacheAndInspection {

        @Test
        void cachesPlansByNormalizedDocument() {
            var first = engine.plan("{ condition(id: \"x\") { name } }", null).orElseThrow();
            var again = engine.plan("{ condition(id: \"x\") { name } }", null).orElseThrow();
            var reformatted = engine.plan("{\n  condition(id: \"x\") {\n    name\n  }\n}", null)
                    .orElseThrow();

            assertThat(again).isSameAs(first);
            assertThat(reformatted).isSameAs(first);
        }

        @Test
        void showsThePlanInExtensionsWhenAsked() {
            var response = engine.execute(
                    new Request(operation("fourLevels"), null, Map.of(), Map.of("X-Atlas-Debug-Plan", "true")));
            var plain = run("fourLevels");

            assertThat(json(at(response, "extensions", "queryPlan")))
                    .contains("\"subgraph\":\"references\"", "_entities");
            assertThat(plain).doesNotContainKey("extensions");
        }
    }

    @Nested
    class HotReload {

        @Test
        void keepsServingWhenNothingChanged() {
            assertThat(engine.refresh()).isInstanceOf(Refresh.Unchanged.class);
        }

        @Test
        void servesANewFieldAfterASubgraphSchemaChangesWithoutRestart() {
            var before = run("referencePages");
            assertThat(errors(before)).isNotEmpty();

            subgraphs.replace(
                    "references",
                    subgraphs.references(
                            TestSubgraphs.sdl("references").replace("year: Int", "year: Int\n  pages: String")));

            assertThat(engine.refresh()).isInstanceOf(Refresh.Updated.class);
            var after = run("referencePages");
            assertThat(errors(after)).isEmpty();
            assertThat(at(after, "data", "reference", "title")).isEqualTo("Ketamine for TRD");
        }

        @Test
        void keepsTheLastGoodSupergraphWhenASubgraphIsUnreachable() {
            subgraphs.takeDown("import");

            assertThat(engine.refresh()).isInstanceOf(Refresh.Unreachable.class);
            assertThat(engine.ready()).isTrue();
            assertThat(at(run("rootFieldsOfTwoSubgraphs"), "data", "reference", "title"))
                    .isEqualTo("Ketamine for TRD");
        }

        @Test
        void keepsTheLastGoodSupergraphWhenTheNewSdlsDoNotCompose() {
            subgraphs.replace(
                    "references",
                    subgraphs.references(TestSubgraphs.sdl("references")
                            .replace("year: Int", "year: String")
                            .replace(
                                    "type Article @key(fields: \"id\") {\n  id: ID!",
                                    "type Article @key(fields: \"id\") {\n  id: Int!")));

            var refresh = engine.refresh();

            assertThat(refresh).isInstanceOfSatisfying(Refresh.Rejected.class, r -> assertThat(r.errors())
                    .extracting(CompositionError::code)
                    .contains("FIELD_TYPE_MISMATCH"));
            assertThat(engine.lastCompositionErrors()).isNotEmpty();
            assertThat(at(run("rootFieldsOfTwoSubgraphs"), "data", "reference", "title"))
                    .isEqualTo("Ketamine for TRD");
        }

        @Test
        void isNotReadyAndAnswersWithAnErrorBeforeTheFirstComposition() {
            TestSubgraphs.NAMES.forEach(subgraphs::takeDown);
            try (var fresh = new SupergraphEngine(
                    TestSubgraphs.NAMES, subgraphs, new SupergraphEngine.Settings(Duration.ofSeconds(10), 100))) {

                assertThat(fresh.refresh()).isInstanceOf(Refresh.Unreachable.class);
                assertThat(fresh.ready()).isFalse();
                assertThat(errors(fresh.execute(new Request("{ __typename }", null, Map.of(), Map.of()))))
                        .singleElement()
                        .satisfies(e -> assertThat(code(e)).isEqualTo("SUPERGRAPH_UNAVAILABLE"));

                TestSubgraphs.NAMES.forEach(subgraphs::bringUp);
                assertThat(fresh.refresh()).isInstanceOf(Refresh.Updated.class);
                assertThat(fresh.ready()).isTrue();
            }
        }
    }
}
