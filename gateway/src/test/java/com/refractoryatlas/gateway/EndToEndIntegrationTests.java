package com.refractoryatlas.gateway;

import static com.refractoryatlas.gateway.GatewayClient.GRAPHQL_RESPONSE;
import static com.refractoryatlas.gateway.GatewayClient.body;
import static com.refractoryatlas.gateway.GatewayClient.firstErrorCode;
import static com.refractoryatlas.gateway.GatewayClient.json;
import static com.refractoryatlas.gateway.GatewayClient.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.gateway.federation.FederationEngine;
import com.refractoryatlas.gateway.federation.InProcessSubgraphsConfiguration;
import com.refractoryatlas.gateway.federation.SubgraphTransport;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole gateway with the real federation engine over in-process subgraphs, configured as production may be
 * (every request to {@code /graphql} needs a token): what the edge adds reaches every subgraph call, and what it
 * refuses never reaches one.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "atlas.gateway.edge.auth.require-auth=true")
@AutoConfigureWebTestClient
@Import(InProcessSubgraphsConfiguration.class)
class EndToEndIntegrationTests {

    private static final String CONDITION =
            "{ condition(id: \"depression\") { name treatments { therapy { name } } } }";
    private static final String ADD_ALIAS =
            "mutation { addAlias(conditionId: \"depression\", alias: \"TRD-e2e\") { aliases } }";

    @Autowired
    WebTestClient http;

    @Autowired
    FederationEngine engine;

    @Autowired
    SubgraphTransport subgraphs;

    GatewayClient client;

    @BeforeEach
    void waitForTheSupergraph() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!engine.ready() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(engine.ready()).isTrue();
        InProcessSubgraphsConfiguration.forget(subgraphs);
        client = new GatewayClient(http);
    }

    @Test
    void sendsTheCredentialRolesRequestIdAndTraceToEverySubgraphCall() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        var result = http.post()
                .uri("/graphql")
                .header("Authorization", "Bearer " + token("importer"))
                .header("traceparent", traceparent)
                .header("Content-Type", "application/json")
                .accept(GRAPHQL_RESPONSE)
                .bodyValue(body(CONDITION, null))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult();
        assertThat(json(result)).containsKey("data").doesNotContainKey("errors");
        String requestId = result.getResponseHeaders().getFirst("x-request-id");
        var calls = InProcessSubgraphsConfiguration.operationHeadersReceived(subgraphs);
        assertThat(calls).isNotEmpty().allSatisfy(headers -> assertThat(headers)
                .containsEntry("X-Atlas-Service-Token", "local-dev-service-token")
                .containsEntry("X-Atlas-User-Roles", "importer")
                .containsEntry("x-request-id", requestId)
                .hasEntrySatisfying("traceparent", value -> assertThat(value)
                        .as("the client's trace id continues; the parent is the gateway's own span")
                        .startsWith(traceparent.substring(0, 36))
                        .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]")));
    }

    @Test
    void refusesAHostileQueryBeforeAnySubgraphIsCalled() {
        var aliases = new StringBuilder("{ condition(id: \"depression\") {");
        for (int i = 0; i < 100; i++) {
            aliases.append(" n").append(i).append(": name");
        }
        var result = client.post(body(aliases.append(" } }").toString(), null), GRAPHQL_RESPONSE, token());
        assertThat(result.getStatus().value()).isEqualTo(400);
        assertThat(firstErrorCode(json(result))).isEqualTo("TOO_MANY_ALIASES");
        assertThat(InProcessSubgraphsConfiguration.operationHeadersReceived(subgraphs))
                .isEmpty();
    }

    @Test
    void refusesAnonymousQueriesWhenTokensAreRequiredButKeepsProbesOpen() {
        var anonymous = client.post(body(CONDITION, null));
        assertThat(anonymous.getStatus().value()).isEqualTo(401);
        assertThat(firstErrorCode(json(anonymous))).isEqualTo("UNAUTHENTICATED");
        assertThat(InProcessSubgraphsConfiguration.operationHeadersReceived(subgraphs))
                .isEmpty();
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        var withoutRoles = client.post(body(CONDITION, null), GRAPHQL_RESPONSE, token());
        assertThat(withoutRoles.getStatus().value()).isEqualTo(200);
        assertThat(InProcessSubgraphsConfiguration.operationHeadersReceived(subgraphs))
                .allSatisfy(headers -> assertThat(headers).containsEntry("X-Atlas-User-Roles", "user"));
    }

    @Test
    void letsOnlyAnEditorCurateTheCatalog() {
        assertThat(client.post(body(ADD_ALIAS, null)).getStatus().value()).isEqualTo(401);
        var importer = client.post(body(ADD_ALIAS, null), GRAPHQL_RESPONSE, token("importer"));
        assertThat(firstErrorCode(json(importer))).isEqualTo("FORBIDDEN");
        assertThat(InProcessSubgraphsConfiguration.operationHeadersReceived(subgraphs))
                .isEmpty();

        var editor = client.post(body(ADD_ALIAS, null), GRAPHQL_RESPONSE, token("editor"));
        assertThat(editor.getStatus().value()).isEqualTo(200);
        assertThat(editor.getResponseBody()).contains("TRD-e2e");
        assertThat(InProcessSubgraphsConfiguration.operationHeadersReceived(subgraphs))
                .allSatisfy(headers -> assertThat(headers).containsEntry("X-Atlas-User-Roles", "editor"));
    }
}
