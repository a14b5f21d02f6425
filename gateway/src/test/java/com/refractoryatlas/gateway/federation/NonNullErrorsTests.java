package com.refractoryatlas.gateway.federation;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.GraphQL;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeRuntimeWiring;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NonNullErrorsTests {

    private static final GraphQL GRAPHQL = GraphQL.newGraphQL(new SchemaGenerator()
                    .makeExecutableSchema(
                            new SchemaParser()
                                    .parse("interface Node { nodeId: ID! }"
                                            + " type Job implements Node { nodeId: ID! status: String! }"
                                            + " type Query { node: Node list: [Job!] ok: String }"),
                            RuntimeWiring.newRuntimeWiring()
                                    .type(TypeRuntimeWiring.newTypeWiring("Query")
                                            .dataFetcher("node", env -> Map.of())
                                            .dataFetcher("list", env -> Arrays.asList(Map.of("nodeId", "a"), null))
                                            .dataFetcher("ok", env -> "fine"))
                                    .type(TypeRuntimeWiring.newTypeWiring("Node")
                                            .typeResolver(env -> env.getSchema().getObjectType("Job")))
                                    .build()))
            .build();

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> completions(graphql.ExecutionResult result) {
        return (List<Map<String, Object>>) result.getExtensions().get(NonNullErrors.EXTENSION);
    }

    @Test
    void reportsANullFieldAsApollosGatewayDoesOncePerNulledObject() {
        var result = NonNullErrors.reworded(GRAPHQL.execute("{ node { nodeId ... on Job { status } } ok }"));

        assertThat(result.getErrors()).isEmpty();
        assertThat(result.<Map<String, Object>>getData())
                .containsEntry("ok", "fine")
                .containsEntry("node", null);
        assertThat(completions(result)).singleElement().satisfies(completion -> {
            assertThat(completion.get("message")).isEqualTo("Cannot return null for non-nullable field Job.nodeId.");
            assertThat(completion.get("path")).isEqualTo(List.of("node", "nodeId"));
            assertThat(completion.get("extensions")).isEqualTo(Map.of("code", NonNullErrors.CODE));
        });
    }

    @Test
    void reportsANullListElementAsApollosGatewayDoes() {
        var result = NonNullErrors.reworded(GRAPHQL.execute("{ list { nodeId } }"));

        assertThat(result.getErrors()).isEmpty();
        assertThat(completions(result)).singleElement().satisfies(completion -> {
            assertThat(completion.get("message"))
                    .isEqualTo("Cannot return null for non-nullable array element of type Job at index 1.");
            assertThat(completion.get("path")).isEqualTo(List.of("list", 1));
        });
    }

    @Test
    void leavesOtherErrorsAlone() {
        var result = GRAPHQL.execute("{ nope }");
        assertThat(NonNullErrors.reworded(result)).isSameAs(result);
    }
}
