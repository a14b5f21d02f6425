package com.refractoryatlas.subgraph;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DefaultFirstInstrumentationTests {

    private static final GraphQL GRAPHQL = GraphQL.newGraphQL(new SchemaGenerator()
                    .makeExecutableSchema(
                            new SchemaParser().parse("type Query { items(first: Int = 20, last: Int): String }"),
                            RuntimeWiring.newRuntimeWiring()
                                    .type(
                                            "Query",
                                            type -> type.dataFetcher(
                                                    "items", env -> new TreeMap<>(env.getArguments()).toString()))
                                    .build()))
            .instrumentation(new DefaultFirstInstrumentation())
            .build();

    private static String arguments(String query, Map<String, Object> variables) {
        var result = GRAPHQL.execute(
                ExecutionInput.newExecutionInput(query).variables(variables).build());
        assertThat(result.getErrors()).isEmpty();
        return ((Map<?, ?>) result.getData()).get("items").toString();
    }

    @Test
    void keepsTheDefaultWhenReadingForward() {
        assertThat(arguments("{ items }", Map.of())).isEqualTo("{first=20}");
        assertThat(arguments("{ items(first: 5) }", Map.of())).isEqualTo("{first=5}");
    }

    @Test
    void dropsTheDefaultFirstWhenReadingBackward() {
        assertThat(arguments("{ items(last: 5) }", Map.of())).isEqualTo("{last=5}");
        assertThat(arguments("query($n: Int, $f: Int) { items(first: $f, last: $n) }", Map.of("n", 3)))
                .isEqualTo("{last=3}");
    }

    @Test
    void keepsAFirstTheClientWroteSoThatBothTogetherAreStillRefused() {
        assertThat(arguments("{ items(first: 20, last: 5) }", Map.of())).isEqualTo("{first=20, last=5}");
        assertThat(arguments("query($f: Int) { items(first: $f, last: 5) }", Map.of("f", 20)))
                .isEqualTo("{first=20, last=5}");
    }
}
