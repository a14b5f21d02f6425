package com.refractoryatlas.subgraph;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DepthLimitInstrumentationTests {

    private static final int MAX_DEPTH = 3;

    private final DepthLimitInstrumentation depth = new DepthLimitInstrumentation(MAX_DEPTH);
    private final GraphQL graphQl = GraphQL.newGraphQL(new SchemaGenerator()
                    .makeExecutableSchema(
                            new SchemaParser().parse("type Query { node: Node } type Node { id: ID node: Node }"),
                            RuntimeWiring.newRuntimeWiring()
                                    .type("Query", type -> type.dataFetcher("node", env -> Map.of("id", "1")))
                                    .type("Node", type -> type.dataFetcher("node", env -> Map.of("id", "2")))
                                    .build()))
            .instrumentation(depth)
            .preparsedDocumentProvider(new DocumentCache(10))
            .build();

    @Test
    void aTooDeepOperationIsRefusedEveryTime() {
        var deep = "{ node { node { node { node { id } } } } }";

        assertThat(refused(execute(deep, null, Map.of()))).isTrue();
        assertThat(refused(execute(deep, null, Map.of()))).isTrue();
        assertThat(depth.remembered()).isZero();
    }

    @Test
    void anOperationThatPassedIsRememberedAndStillAnswered() {
        var shallow = "{ node { node { id } } }";

        var first = execute(shallow, null, Map.of());
        var second = execute(shallow, null, Map.of());

        assertThat(first.getErrors()).isEmpty();
        assertThat(second.getErrors()).isEmpty();
        assertThat(second.<Object>getData()).isEqualTo(first.getData());
        assertThat(depth.remembered()).isOne();
    }

    @Test
    void anotherOperationOfARememberedDocumentIsCheckedAgain() {
        var both = "query Shallow { node { id } } query Deep { node { node { node { node { id } } } } }";

        assertThat(execute(both, "Shallow", Map.of()).getErrors()).isEmpty();
        assertThat(refused(execute(both, "Deep", Map.of()))).isTrue();
        assertThat(refused(execute(both, "Deep", Map.of()))).isTrue();
    }

    @Test
    void anOperationWhoseDepthDependsOnItsVariablesIsCheckedEachTime() {
        var conditional = "query Q($deep: Boolean!) { node { node @include(if: $deep) { node { node { id } } } } }";

        assertThat(execute(conditional, null, Map.of("deep", false)).getErrors())
                .isEmpty();
        assertThat(refused(execute(conditional, null, Map.of("deep", true)))).isTrue();
        assertThat(depth.remembered()).isZero();
    }

    private ExecutionResult execute(String query, String operationName, Map<String, Object> variables) {
        return graphQl.execute(ExecutionInput.newExecutionInput(query)
                .operationName(operationName)
                .variables(variables)
                .build());
    }

    private static boolean refused(ExecutionResult result) {
        return result.getErrors().stream()
                .anyMatch(error -> error.getMessage().contains("maximum query depth exceeded"));
    }
}
