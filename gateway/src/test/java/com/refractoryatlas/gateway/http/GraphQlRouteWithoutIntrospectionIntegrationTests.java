package com.refractoryatlas.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.gateway.GatewayIntegrationTest;
import com.refractoryatlas.gateway.TestFederationEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Where introspection is off (production), the route's filter keeps the client's query-plan header from the engine. */
@GatewayIntegrationTest
@TestPropertySource(properties = "atlas.gateway.edge.introspection-enabled=false")
class GraphQlRouteWithoutIntrospectionIntegrationTests {

    @Autowired
    WebTestClient http;

    @Autowired
    TestFederationEngine engine;

    @Test
    void neverPassesTheQueryPlanHeaderToTheEngine() {
        engine.forget();

        http.post()
                .uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .header(GraphQlHttpHandler.DEBUG_PLAN_HEADER, "true")
                .header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                .bodyValue("{\"query\": \"{ __typename }\"}")
                .exchange()
                .expectStatus()
                .isOk();

        var sent = engine.lastRequest();
        assertThat(sent).isNotNull();
        assertThat(sent.headers()).containsKey("traceparent").doesNotContainKey(GraphQlHttpHandler.DEBUG_PLAN_HEADER);
    }
}
