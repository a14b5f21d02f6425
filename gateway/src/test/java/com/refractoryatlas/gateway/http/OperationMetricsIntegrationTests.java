package com.refractoryatlas.gateway.http;

import static com.refractoryatlas.gateway.GatewayClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.gateway.GatewayIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import java.time.Duration;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Each operation answered at {@code /graphql} is one sample of {@code atlas.gateway.operation}, tagged by it. */
@GatewayIntegrationTest
class OperationMetricsIntegrationTests {

    @Autowired
    WebTestClient http;

    @Autowired
    MeterRegistry registry;

    @Test
    void timesASuccessfulNamedQuery() {
        long before = count("MetricsNamedQuery", "query", "success", "NONE");

        post("query MetricsNamedQuery { condition(id: \"x\") { name } }", null);

        assertThat(count("MetricsNamedQuery", "query", "success", "NONE")).isEqualTo(before + 1);
    }

    @Test
    void timesAnAnonymousQueryAsAnonymous() {
        long before = count("anonymous", "query", "success", "NONE");

        post("{ condition(id: \"x\") { name } }", null);

        assertThat(count("anonymous", "query", "success", "NONE")).isEqualTo(before + 1);
    }

    @Test
    void timesARejectedOperationWithItsErrorCode() {
        long before = count("MetricsBroken", "unknown", "rejected", "GRAPHQL_VALIDATION_FAILED");

        post("query MetricsBroken { noSuchField }", "MetricsBroken");

        assertThat(count("MetricsBroken", "unknown", "rejected", "GRAPHQL_VALIDATION_FAILED"))
                .isEqualTo(before + 1);
    }

    @Test
    void timesAMutationRefusedWithoutAToken() {
        long before = count("MetricsCurate", "unknown", "rejected", "UNAUTHENTICATED");

        post(
                "mutation MetricsCurate { curateCondition(id: \"depression\", name: \"Depression\") { id } }",
                "MetricsCurate");

        assertThat(count("MetricsCurate", "unknown", "rejected", "UNAUTHENTICATED"))
                .isEqualTo(before + 1);
    }

    private void post(String query, String operationName) {
        var request = new LinkedHashMap<String, Object>(body(query, null));
        if (operationName != null) {
            request.put("operationName", operationName);
        }
        http.mutate()
                .responseTimeout(Duration.ofSeconds(30))
                .build()
                .post()
                .uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(request)
                .exchange()
                .expectBody()
                .returnResult();
    }

    private long count(String name, String type, String outcome, String code) {
        var timer = Search.in(registry)
                .name(OperationMetrics.METRIC)
                .tag("operation.name", name)
                .tag("operation.type", type)
                .tag("outcome", outcome)
                .tag("error.code", code)
                .timer();
        return timer == null ? 0 : timer.count();
    }
}
