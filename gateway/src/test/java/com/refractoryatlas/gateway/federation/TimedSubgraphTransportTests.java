package com.refractoryatlas.gateway.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimedSubgraphTransportTests {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @Test
    void timesEachFetchBySubgraphOutcomeAndErrorCode() {
        SubgraphTransport fake = (subgraph, query, variables, headers) -> switch (subgraph) {
            case "catalog" -> Map.of("data", Map.of());
            case "references" ->
                Map.of("errors", List.of(Map.of("message", "no", "extensions", Map.of("code", "NOT_FOUND"))));
            default -> throw new SubgraphUnavailableException(subgraph, "down", null);
        };
        var timed = new TimedSubgraphTransport(fake, registry);
        timed.execute("catalog", "{ a }", Map.of(), Map.of());
        timed.execute("catalog", "{ a }", Map.of(), Map.of());
        timed.execute("references", "{ a }", Map.of(), Map.of());
        assertThatThrownBy(() -> timed.execute("import", "{ a }", Map.of(), Map.of()))
                .isInstanceOf(SubgraphUnavailableException.class);

        assertThat(count("catalog", "success", "NONE")).isEqualTo(2);
        assertThat(count("references", "graphql_error", "NOT_FOUND")).isEqualTo(1);
        assertThat(count("import", "unavailable", "SUBGRAPH_UNAVAILABLE")).isEqualTo(1);
        // a latency histogram per subgraph, for p95/p99 in Prometheus
        assertThat(registry.scrape())
                .contains("atlas_gateway_subgraph_requests_seconds_bucket{")
                .containsPattern("atlas_gateway_subgraph_requests_seconds_bucket\\{[^}]*subgraph=\"references\"");
    }

    private long count(String subgraph, String outcome, String code) {
        return registry.get(TimedSubgraphTransport.METRIC)
                .tag("subgraph", subgraph)
                .tag("outcome", outcome)
                .tag("error.code", code)
                .timer()
                .count();
    }
}
