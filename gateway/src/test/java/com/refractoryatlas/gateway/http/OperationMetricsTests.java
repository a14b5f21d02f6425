package com.refractoryatlas.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperationMetricsTests {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @Test
    void publishesALatencyHistogramTaggedByOperation() {
        var metrics = new OperationMetrics(registry, 10);

        metrics.record("ConditionPage", "query", OperationMetrics.Outcome.SUCCESS, "NONE", System.nanoTime());

        assertThat(registry.scrape())
                .contains("atlas_gateway_operation_seconds_bucket{")
                .containsPattern("operation_name=\"ConditionPage\"")
                .containsPattern("operation_type=\"query\"")
                .containsPattern("outcome=\"success\"")
                .containsPattern("error_code=\"NONE\"");
    }

    @Test
    void keepsClientChosenNamesBounded() {
        var metrics = new OperationMetrics(registry, 2);

        assertThat(metrics.boundedName("First")).isEqualTo("First");
        assertThat(metrics.boundedName("Second")).isEqualTo("Second");
        assertThat(metrics.boundedName("Third")).isEqualTo(OperationMetrics.OTHER);
        assertThat(metrics.boundedName("First")).isEqualTo("First");
        assertThat(metrics.boundedName(null)).isEqualTo(OperationMetrics.ANONYMOUS);
        assertThat(metrics.boundedName("")).isEqualTo(OperationMetrics.ANONYMOUS);
        assertThat(metrics.boundedName("not a name")).isEqualTo(OperationMetrics.INVALID);
        assertThat(metrics.boundedName("x".repeat(65))).isEqualTo(OperationMetrics.INVALID);
    }

    @Test
    void neverTagsAnArbitraryErrorCode() {
        var metrics = new OperationMetrics(registry, 10);

        metrics.record("Op", "query", OperationMetrics.Outcome.GRAPHQL_ERROR, "<script>", System.nanoTime());

        assertThat(registry.get(OperationMetrics.METRIC)
                        .tag("error.code", "OTHER")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void readsTheFirstErrorCodeOfAnAnswer() {
        Map<String, Object> failed = Map.of("errors", List.of(Map.of("extensions", Map.of("code", "NOT_FOUND"))));

        assertThat(OperationMetrics.firstErrorCode(failed)).isEqualTo("NOT_FOUND");
        assertThat(OperationMetrics.firstErrorCode(Map.of("data", Map.of()))).isEqualTo("NONE");
        assertThat(OperationMetrics.firstErrorCode(List.of())).isEqualTo("NONE");
        assertThat(OperationMetrics.firstErrorCode(Map.of("errors", List.of("?"))))
                .isEqualTo("OTHER");
    }
}
