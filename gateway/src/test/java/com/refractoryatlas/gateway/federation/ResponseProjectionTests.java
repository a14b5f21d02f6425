package com.refractoryatlas.gateway.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.gateway.federation.FederationEngine.Request;
import com.refractoryatlas.gateway.federation.SupergraphEngine.Refresh;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

class ResponseProjectionTests {

    private static final JsonMapper JSON = new JsonMapper();

    /** Every test operation with the variables it runs with (several sets where directives depend on them). */
    static List<Object[]> operations() {
        var cases = new ArrayList<Object[]>();
        for (var name : List.of(
                "addAliases",
                "conditionNames",
                "conditionWithRefs",
                "conditionsByText",
                "evidenceTitles",
                "evidenceYears",
                "fourLevels",
                "fragmentsAndAliases",
                "includeSkip",
                "introspection",
                "missingReference",
                "nestedLists",
                "partialData",
                "referencePages",
                "rootFieldsOfTwoSubgraphs")) {
            for (var variables : variablesFor(name)) {
                cases.add(new Object[] {name, variables});
            }
        }
        return cases;
    }

    private static List<Map<String, Object>> variablesFor(String name) {
        return switch (name) {
            case "conditionWithRefs", "fragmentsAndAliases" ->
                List.of(Map.of("id", "depression"), Map.of("id", "epilepsy"), Map.of("id", "missing"), Map.of());
            case "conditionsByText" -> List.of(Map.of("text", "e"), Map.of());
            case "includeSkip" ->
                List.of(
                        Map.of("withRefs", true, "skipName", false),
                        Map.of("withRefs", false, "skipName", true),
                        Map.of("withRefs", "yes", "skipName", true));
            default -> List.of(Map.of());
        };
    }

    @Nested
    class AgainstGraphqlJava {

        SupergraphEngine projecting;
        SupergraphEngine shaping;

        /** Each engine with subgraphs of its own, so that a mutation changes the same data once for each. */
        @BeforeEach
        void composeBoth() {
            projecting = engine(true);
            shaping = engine(false);
        }

        private SupergraphEngine engine(boolean project) {
            var engine = new SupergraphEngine(
                    TestSubgraphs.NAMES,
                    new TestSubgraphs(),
                    new SupergraphEngine.Settings(Duration.ofSeconds(10), 100, false, project));
            assertThat(engine.refresh()).isInstanceOf(Refresh.Updated.class);
            return engine;
        }

        @AfterEach
        void close() {
            projecting.close();
            shaping.close();
        }

        @ParameterizedTest(name = "{0} {1}")
        @MethodSource("com.refractoryatlas.gateway.federation.ResponseProjectionTests#operations")
        void projectedResponseIsTheOneGraphqlJavaShapes(String name, Map<String, Object> variables) {
            var request = new Request(TestSubgraphs.operation(name), null, variables, Map.of());

            var projected = JSON.writeValueAsString(projecting.execute(request));
            var shaped = JSON.writeValueAsString(shaping.execute(request));

            assertThat(projected).isEqualTo(shaped);
        }
    }

    @Nested
    class Projection {

        private static final GraphQLSchema SCHEMA = new SchemaGenerator()
                .makeExecutableSchema(
                        new SchemaParser().parse("""
                                        type Query { items: [Item!]! named: Named first: Item }
                                        interface Named { name: String! }
                                        type Item implements Named { id: ID! name: String! count: Int kind: Kind }
                                        type Other implements Named { name: String! }
                                        enum Kind { A B }
                                        """),
                        RuntimeWiring.newRuntimeWiring()
                                .type("Named", t -> t.typeResolver(env -> null))
                                .build());

        private static ResponseProjection projection(String operation) {
            var projection = ResponseProjection.of(SCHEMA, Parser.parse(operation), null);
            assertThat(projection).isNotNull();
            return projection;
        }

        private static Map<String, Object> item(Object... keyValues) {
            var item = new LinkedHashMap<String, Object>();
            for (var i = 0; i < keyValues.length; i += 2) {
                item.put((String) keyValues[i], keyValues[i + 1]);
            }
            return item;
        }

        @Test
        void fieldsComeInTheOperationsOrderUnderTheirResponseKeysWithoutExtraKeys() {
            var projection = projection("{ items { label: name id ...F } } fragment F on Item { count kind }");
            var merged = Map.<String, Object>of(
                    "items", List.of(item("id", "1", "label", "One", "count", 3, "kind", "A", "__atlas_hidden", "x")));

            var data = projection.project(merged, Map.of());

            assertThat(JSON.writeValueAsString(data))
                    .isEqualTo("{\"items\":[{\"label\":\"One\",\"id\":\"1\",\"count\":3,\"kind\":\"A\"}]}");
        }

        @Test
        void theAnswerWritesTheSameJsonAsItsMapTreeAndReadsAsThatTree() {
            var projection = projection(
                    "{ items { label: name id count kind } named { __typename name } first { name count } }");
            var merged = Map.<String, Object>of(
                    "items",
                    List.of(
                            item("id", "1", "label", "Ö \"quoted\"\n", "count", 3, "kind", "A"),
                            item("id", "2", "label", "two", "count", null, "kind", null)),
                    "named",
                    item("__typename", "Item", "name", "n"));

            var data = projection.project(merged, Map.of());

            assertThat(data).isNotNull();
            var tree = new LinkedHashMap<>(data);
            assertThat(tree.get("items")).isInstanceOf(List.class);
            assertThat(data).isEqualTo(tree).containsEntry("first", null);
            assertThat(JSON.writeValueAsString(data))
                    .isEqualTo(JSON.writeValueAsString(tree))
                    .isEqualTo("{\"items\":[{\"label\":\"Ö \\\"quoted\\\"\\n\",\"id\":\"1\",\"count\":3,"
                            + "\"kind\":\"A\"},{\"label\":\"two\",\"id\":\"2\",\"count\":null,\"kind\":null}],"
                            + "\"named\":{\"__typename\":\"Item\",\"name\":\"n\"},\"first\":null}");
            assertThat(JSON.writeValueAsString(Map.of("data", data))).startsWith("{\"data\":{\"items\":[{");
        }

        @Test
        void abstractTypesResolveByTypenameAndFragmentsApplyByTypeCondition() {
            var projection =
                    projection("{ named { __typename name ... on Item { id } ... on Other { name } } first { name } }");
            var merged = Map.<String, Object>of(
                    "named", item("__typename", "Other", "name", "o"), "first", item("name", "f", "id", "9"));

            var data = projection.project(merged, Map.of());

            assertThat(JSON.writeValueAsString(data))
                    .isEqualTo("{\"named\":{\"__typename\":\"Other\",\"name\":\"o\"},\"first\":{\"name\":\"f\"}}");
        }

        @Test
        void skipAndIncludeFollowTheCoercedVariables() {
            var projection =
                    projection("query Q($on: Boolean!) { first { id @include(if: $on) name @skip(if: $on) } }");
            var merged = Map.<String, Object>of("first", item("id", "1", "name", "n"));

            assertThat(JSON.writeValueAsString(
                            projection.project(merged, projection.coerceVariables(Map.of("on", true)))))
                    .isEqualTo("{\"first\":{\"id\":\"1\"}}");
            assertThat(JSON.writeValueAsString(
                            projection.project(merged, projection.coerceVariables(Map.of("on", false)))))
                    .isEqualTo("{\"first\":{\"name\":\"n\"}}");
        }

        @Test
        void aNullOrAFailureInANonNullPositionIsLeftToGraphqlJava() {
            var projection = projection("{ items { id name } }");
            var failure = new FieldFailure("down", Map.of(), null);

            assertThat(projection.project(Map.of("items", List.of(item("id", "1"))), Map.of()))
                    .isNull();
            assertThat(projection.project(Map.of("items", List.of(item("id", "1", "name", failure))), Map.of()))
                    .isNull();
            assertThat(projection.project(Map.of("items", item("id", "1", "name", "n")), Map.of()))
                    .as("an object where the schema says list")
                    .isNull();
        }

        @Test
        void aValueThatDoesNotSerializeIsLeftToGraphqlJava() {
            var projection = projection("{ first { name kind count } }");

            assertThat(projection.project(Map.of("first", item("name", "n", "kind", "C")), Map.of()))
                    .isNull();
            assertThat(projection.project(Map.of("first", item("name", "n", "count", "many")), Map.of()))
                    .isNull();
        }

        @Test
        void introspectionAndUnknownDirectivesAreLeftToGraphqlJava() {
            assertThat(projection("{ __schema { queryType { name } } }").project(Map.of(), Map.of()))
                    .isNull();
            assertThat(ResponseProjection.of(SCHEMA, Parser.parse("{ first { id @deprecated } }"), null))
                    .isNull();
            assertThat(ResponseProjection.of(
                            SCHEMA, Parser.parse("query A { first { id } } query B { items { id } }"), null))
                    .isNull();
        }

        @Test
        void variablesThatDoNotCoerceAreLeftToGraphqlJava() {
            var projection = projection("query Q($on: Boolean!) { first { id @include(if: $on) } }");

            assertThat(projection.coerceVariables(Map.of("on", "yes"))).isNull();
            assertThat(projection.coerceVariables(Map.of())).isNull();
        }
    }
}
