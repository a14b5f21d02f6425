package com.refractoryatlas.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The standard tools download the schema through the gateway with default settings: graphql-js's
 * {@code getIntrospectionQuery} with every option, GraphiQL and graphql-codegen run for real from npm
 * ({@code introspection.mjs}); Apollo Rover's, Apollo Kotlin's and Apollo iOS's queries (tools npm does not carry) as
 * their sources print them ({@code gateway/src/test/resources/introspection}, each file names its source). An
 * abusive introspection query is refused with a code, and the SDL download parses.
 */
@ExtendWith(AtlasSystemExtension.class)
class IntrospectionToolsTests {

    @Test
    void graphqlJsGraphiqlAndCodegenBuildTheSchemaThroughTheGateway(AtlasSystem system) {
        Capabilities.requireGatewayGraphQl(system);
        var node = Node.require();
        var work = system.settings().workDir().resolve("introspection-tools");

        var result = node.run(
                Duration.ofMinutes(3), "introspection.mjs", system.gatewayUrl().toString(), work.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        var json = GraphQl.JSON.readTree(result.output()
                .lines()
                .filter(line -> line.startsWith("{"))
                .reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError("no results:\n" + result.output())));
        for (var tool : new String[] {"graphqlJs", "graphiql", "codegen"}) {
            assertThat(json.path(tool).path("ok").asBoolean(false))
                    .as(tool + ": " + json.path(tool))
                    .isTrue();
            assertThat(json.path(tool).path("types").asInt(0)).as(tool).isGreaterThan(20);
        }
        assertThat(json.path("graphiql").path("requests").size())
                .as("GraphiQL needed no fallback query")
                .isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "apollo-rover",
                "apollo-kotlin-pre-introspection",
                "apollo-kotlin-draft",
                "apollo-ios",
                "graphql-js-all-options",
                "root-fields-of-both-roots"
            })
    void theToolsQueriesAreAnsweredWithoutErrors(String tool, AtlasSystem system) {
        Capabilities.requireGatewayGraphQl(system);
        var query = GraphQl.read(fixture(system, tool));

        var response = new GraphQl(system.gatewayUrl()).query(query);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.errors().isMissingNode()).as(response.body()).isTrue();
        assertThat(response.data().isObject()).as(response.body()).isTrue();
        assertThat(response.data().size()).isPositive();
    }

    @Test
    void abusiveIntrospectionIsRefusedWithACode(AtlasSystem system) {
        Capabilities.requireGatewayGraphQl(system);
        var nested = "{ __schema { types { fields { type { fields { type { fields { type { name } } } } } } } } }";

        var response = new GraphQl(system.gatewayUrl()).query(nested);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errors().path(0).path("extensions").path("code").asString(""))
                .isEqualTo("INTROSPECTION_TOO_COMPLEX");
        assertThat(response.data().isMissingNode()).isTrue();
    }

    @Test
    void internalWriteMutationsAreNotInThePublicSchema(AtlasSystem system) {
        Capabilities.requireGatewayGraphQl(system);

        var response = new GraphQl(system.gatewayUrl()).query("{ __type(name: \"Mutation\") { fields { name } } }");

        var names = response.data()
                .path("__type")
                .path("fields")
                .valueStream()
                .map(field -> field.path("name").asString())
                .toList();
        assertThat(names).contains("importDocument").doesNotContain("upsertCatalog", "upsertArticle");
    }

    @Test
    void servesTheSupergraphAsSdl(AtlasSystem system) throws Exception {
        Capabilities.requireGatewayGraphQl(system);
        var url = URI.create(system.gatewayUrl().toString() + "/schema.graphql");

        var response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("type Query", "type Condition", "type Reference", "type ImportJob");
    }

    private static Path fixture(AtlasSystem system, String tool) {
        return system.settings()
                .repoDir()
                .resolve("gateway/src/test/resources/introspection")
                .resolve(tool + ".graphql");
    }
}
