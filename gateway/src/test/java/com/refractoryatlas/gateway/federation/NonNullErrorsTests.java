package com.refractoryatlas.gateway.federation;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.GraphQL;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeRuntimeWiring;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NonNullErrorsTests {

    private static final GraphQL GRAPHQL = GraphQL.newGraphQL(new SchemaGenerator()
                    .makeExecutableSchema(
                            new SchemaParser()
                                    .parse("interface Node { nodeId: ID! } type Job implements Node { nodeId: ID! }"
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

    @Test
    void wordsANullFieldAsApollosGatewayDoesWithTheRuntimeType() {
        var result = NonNullErrors.reworded(GRAPHQL.execute("{ node { nodeId } ok }"));

        assertThat(result.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getMessage()).isEqualTo("Cannot return null for non-nullable field Job.nodeId.");
            assertThat(error.getPath()).containsExactly("node", "nodeId");
            assertThat(error.getExtensions()).containsEntry("code", NonNullErrors.CODE);
        });
        assertThat(result.<Map<String, Object>>getData()).containsEntry("ok", "fine");
    }

    @Test
    void wordsANullListElementAsApollosGatewayDoes() {
        var result = NonNullErrors.reworded(GRAPHQL.execute("{ list { nodeId } }"));

        assertThat(result.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getMessage())
                    .isEqualTo("Cannot return null for non-nullable array element of type Job at index 1.");
            assertThat(error.getPath()).containsExactly("list", 1);
        });
    }

    @Test
    void leavesOtherErrorsAlone() {
        var result = GRAPHQL.execute("{ nope }");
        assertThat(NonNullErrors.reworded(result)).isSameAs(result);
    }
}
