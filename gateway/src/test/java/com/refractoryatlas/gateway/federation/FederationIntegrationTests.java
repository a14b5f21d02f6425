package com.refractoryatlas.gateway.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The engine as the gateway wires it (same context configuration as the module's other web tests, so it is shared). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class FederationIntegrationTests {

    @Autowired
    FederationEngine engine;

    @Autowired
    FederationProperties properties;

    @Autowired
    WebTestClient http;

    @Test
    void wiresTheEngineOverTheConfiguredSubgraphs() {
        assertThat(engine).isInstanceOf(SupergraphEngine.class);
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
