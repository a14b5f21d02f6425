package com.refractoryatlas.gateway.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.gateway.GatewayIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The real engine as the gateway wires it, in the module's one shared test context (where the HTTP edge talks to a
 * test engine instead).
 */
@GatewayIntegrationTest
class FederationIntegrationTests {

    @Autowired
    SupergraphEngine engine;

    @Autowired
    FederationProperties properties;

    @Autowired
    WebTestClient http;

    @Test
    void wiresTheEngineOverTheConfiguredSubgraphs() {
        assertThat(properties.subgraphs())
                .extracting(FederationProperties.Subgraph::name)
                .containsExactly("catalog", "references", "import");
        assertThat(properties.federation().pollInterval()).hasSeconds(10);
    }

    @Test
    void startsEvenWithoutSubgraphsAndReportsReadinessFromTheSupergraph() {
        var expected = engine.ready() ? "UP" : "OUT_OF_SERVICE";
        var readiness = http.get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();

        assertThat(readiness).isNotNull();
        if (!engine.ready()) {
            assertThat(readiness.get("status")).isIn("DOWN", "OUT_OF_SERVICE");
            assertThat(engine.execute(new FederationEngine.Request("{ __typename }", null, Map.of(), Map.of())))
                    .containsKey("errors");
        } else {
            assertThat(readiness.get("status")).isEqualTo(expected);
        }
    }
}
