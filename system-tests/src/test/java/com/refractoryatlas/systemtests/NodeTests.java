package com.refractoryatlas.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Relay's global object identification through the gateway, against the running subgraphs: {@code node(id:)} answers
 * an entity of every subgraph with the same fields as that type's own query field, {@code nodes(ids:)} keeps the order
 * of its ids with null where an id resolves to nothing, and the owner's visibility rules hold through {@code node}
 * (an import job is hidden from anonymous callers and from other importers as {@code importJob(id:)} hides it).
 */
@ExtendWith(AtlasSystemExtension.class)
class NodeTests {

    private static String globalId(String typename, String key) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((typename + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode data(GraphQl.Response response) {
        assertThat(response.errors()).as(response.body()).isEmpty();
        return response.data();
    }

    /** The entity of the type's own query, with the nodeId the node query also asked for. */
    private static void assertNodeIsTheEntity(
            GraphQl gateway, String typename, String key, String rootField, String fields) {
        var own = data(gateway.query(
                        "query($id: ID!) { entity: " + rootField + "(id: $id) { " + fields + " } }",
                        Map.of("id", key),
                        null))
                .path("entity");
        assertThat(own.isObject()).as(typename + " " + key + " exists").isTrue();
        var node = data(gateway.query(
                        "query($id: ID!) { entity: node(id: $id) { __typename nodeId ... on " + typename + " { "
                                + fields + " } } }",
                        Map.of("id", globalId(typename, key)),
                        null))
                .path("entity");

        var expected = (ObjectNode) GraphQl.JSON.createObjectNode();
        expected.put("__typename", typename);
        expected.put("nodeId", globalId(typename, key));
        expected.setAll((ObjectNode) own);
        assertThat(node).as(typename + " through node(id:)").isEqualTo(expected);
    }

    @Test
    void nodeAnswersAnEntityOfEachSubgraphAsItsOwnQueryDoes(AtlasSystem system) {
        Capabilities.requireGatewayGraphQl(system);
        SeedData.ensure(system);
        var gateway = new GraphQl(system.gatewayUrl());
        var firstReference = data(gateway.query("{ references(first: 1) { edges { node { id } } } }"))
                .path("references")
                .path("edges")
                .path(0)
                .path("node")
                .path("id")
                .asString();
        var firstArticle = data(gateway.query("{ articles(first: 1) { edges { node { id } } } }"))
                .path("articles")
                .path("edges")
                .path(0)
                .path("node")
                .path("id")
                .asString();

        assertNodeIsTheEntity(
                gateway, "Condition", "depression", "condition", "id name specialty aliases treatments { role }");
        assertNodeIsTheEntity(
                gateway, "Therapy", "ketamine", "therapy", "id name kind treatments { condition { id } }");
        assertNodeIsTheEntity(
                gateway,
                "Reference",
                firstReference,
                "reference",
                "id title year authors { family } conditions { id }");
        assertNodeIsTheEntity(
                gateway, "Article", firstArticle, "article", "id title kind citations { number } therapies { id }");
    }

    @Test
    void nodeIdOfEveryListIsTheIdNodeTakes(AtlasSystem system) {
        Capabilities.requireGatewayGraphQl(system);
        SeedData.ensure(system);
        var gateway = new GraphQl(system.gatewayUrl());
        var listed = data(gateway.query("{ mechanisms { id nodeId }"
                + " references(first: 2) { edges { node { id nodeId citedBy { id nodeId } } } } }"));
        var mechanism = listed.path("mechanisms").path(0);
        var reference = listed.path("references").path("edges").path(0).path("node");
        var citing = reference.path("citedBy").path(0);

        var ids = List.of(
                mechanism.path("nodeId").asString(),
                reference.path("nodeId").asString(),
                citing.path("nodeId").asString());
        var nodes = data(gateway.query(
                        "query($ids: [ID!]!) { nodes(ids: $ids) { nodeId ... on Mechanism { id } ... on Reference { id }"
                                + " ... on Article { id } } }",
                        Map.of("ids", ids),
                        null))
                .path("nodes");

        assertThat(nodes.valueStream().map(n -> n.path("id").asString()).toList())
                .containsExactly(
                        mechanism.path("id").asString(),
                        reference.path("id").asString(),
                        citing.path("id").asString());
        assertThat(nodes.valueStream().map(n -> n.path("nodeId").asString()).toList())
                .isEqualTo(ids);
    }

    @Test
    void nodesKeepsTheOrderOfItsIdsWithNullForWhatResolvesToNothing(AtlasSystem system) {
        Capabilities.requireGatewayGraphQl(system);
        SeedData.ensure(system);
        var gateway = new GraphQl(system.gatewayUrl());
        var ids = List.of(
                globalId("Therapy", "ketamine"),
                globalId("Condition", "no-such-condition"),
                "depression",
                "%%% not base64 %%%",
                globalId("Treatment", "depression"),
                globalId("Reference", "ref-0000000000000000"),
                globalId("Condition", "depression"));
        var response = gateway.query(
                "query($ids: [ID!]!) { nodes(ids: $ids) { nodeId ... on Condition { id } ... on Therapy { id }"
                        + " ... on Reference { title } } }",
                Map.of("ids", ids),
                null);

        var nodes = response.data().path("nodes");
        assertThat(nodes.size()).isEqualTo(ids.size());
        assertThat(nodes.path(0).path("id").asString()).isEqualTo("ketamine");
        for (int i = 1; i <= 5; i++) {
            assertThat(nodes.path(i).isNull()).as("nodes[" + i + "] " + nodes).isTrue();
        }
        assertThat(nodes.path(6).path("id").asString()).isEqualTo("depression");
        // the catalog rules out malformed ids and its own unknown entities; the unknown reference is null because
        // references-service answered null for it, which the gateway reports (as Apollo's does) outside the errors
        assertThat(response.errors()).as(response.body()).isEmpty();
        assertThat(response.json()
                        .path("extensions")
                        .path("valueCompletion")
                        .valueStream()
                        .map(e -> e.path("path").toString())
                        .toList())
                .containsExactly("[\"nodes\",5,\"nodeId\"]");

        var single = gateway.query("{ node(id: \"not an id\") { nodeId } }");
        assertThat(single.errors()).as(single.body()).isEmpty();
        assertThat(single.data().path("node").isNull()).isTrue();
    }

    @Test
    void nodesRefusesMoreThanOneHundredIdsAsBadUserInput(AtlasSystem system) {
        Capabilities.requireGatewayGraphQl(system);
        var gateway = new GraphQl(system.gatewayUrl());
        var ids = new ArrayList<String>();
        for (int i = 0; i < 101; i++) {
            ids.add(globalId("Condition", "c-" + i));
        }

        var response = gateway.query("query($ids: [ID!]!) { nodes(ids: $ids) { nodeId } }", Map.of("ids", ids), null);

        assertThat(response.errors().path(0).path("extensions").path("code").asString())
                .as(response.body())
                .isEqualTo("BAD_USER_INPUT");
        assertThat(response.errors().path(0).path("message").asString()).contains("at most 100");
        var hundred = gateway.query(
                "query($ids: [ID!]!) { nodes(ids: $ids) { nodeId } }", Map.of("ids", ids.subList(0, 100)), null);
        assertThat(hundred.errors()).as(hundred.body()).isEmpty();
        assertThat(hundred.data().path("nodes").size()).isEqualTo(100);
    }

    @Test
    void anImportJobNodeIsHiddenFromWhomItsOwnQueryHidesIt(AtlasSystem system) throws Exception {
        Capabilities.requireGatewayGraphQl(system);
        var gateway = new GraphQl(system.gatewayUrl());
        var alice = gateway.withHeaders(Map.of("Authorization", "Bearer " + GatewayTokens.importer("node-alice")));
        var bob = gateway.withHeaders(Map.of("Authorization", "Bearer " + GatewayTokens.importer("node-bob")));
        var submitted = data(alice.query(
                "mutation($input: ImportDocumentInput!) { importDocument(input: $input) { id nodeId } }",
                Map.of(
                        "input",
                        Map.of(
                                "source",
                                "node-tests.txt",
                                "text",
                                "Ketamine for treatment-refractory depression: a note " + Instant.now())),
                null));
        var jobId = submitted.path("importDocument").path("id").asString();
        var nodeId = globalId("ImportJob", jobId);
        assertThat(submitted.path("importDocument").path("nodeId").asString()).isEqualTo(nodeId);
        var byNode = "query($id: ID!) { node(id: $id) { nodeId ... on ImportJob { id source } } }";
        var byId = "query($id: ID!) { importJob(id: $id) { id source } }";

        var own = data(alice.query(byNode, Map.of("id", nodeId), null)).path("node");
        assertThat(own.path("id").asString()).isEqualTo(jobId);
        assertThat(own.path("source").asString()).isEqualTo("node-tests.txt");
        for (var stranger : List.of(gateway, bob)) {
            assertThat(data(stranger.query(byId, Map.of("id", jobId), null))
                            .path("importJob")
                            .isNull())
                    .isTrue();
            var hidden = stranger.query(byNode, Map.of("id", nodeId), null);
            assertThat(hidden.data().path("node").isNull()).as(hidden.body()).isTrue();
            assertThat(hidden.body()).doesNotContain("node-tests.txt");
        }
    }
}
