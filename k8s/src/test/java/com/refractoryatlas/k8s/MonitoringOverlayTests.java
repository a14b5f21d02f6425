package com.refractoryatlas.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The optional Prometheus Operator overlay: production plus a PodMonitor and alert rules on the histograms. */
class MonitoringOverlayTests {

    private static final List<Manifest> RENDERED = Kustomize.render("overlays/prod-monitoring");

    @Test
    void keepsEveryProductionInvariant() {
        var system = RENDERED.stream()
                .filter(m -> !m.is("PodMonitor") && !m.is("PrometheusRule"))
                .toList();
        assertThat(ManifestValidator.validate(system, Expectations.refractoryAtlas(Environment.PROD)))
                .isEmpty();
    }

    @Test
    void scrapesTheManagementPortOfEveryService() {
        var monitor = only("PodMonitor");
        assertThat(monitor.string("metadata.namespace")).isEqualTo("refractory-atlas");
        Map<String, Object> endpoint = monitor.maps("spec.podMetricsEndpoints").getFirst();
        assertThat(endpoint).containsEntry("port", "management").containsEntry("path", "/actuator/prometheus");
        assertThat(monitor.maps("spec.selector.matchExpressions").getFirst().get("values"))
                .asList()
                .containsExactlyInAnyOrder("gateway", "catalog-service", "references-service", "import-service");
    }

    @Test
    void alertsOnLatencyPercentilesFromTheHistogramsAndOnErrors() {
        var rules = only("PrometheusRule").maps("spec.groups").stream()
                .flatMap(group -> Tree.maps(group, "rules").stream())
                .toList();
        assertThat(rules)
                .filteredOn(rule -> rule.containsKey("alert"))
                .extracting(rule -> rule.get("alert"))
                .contains(
                        "AtlasGraphQlLatencyHigh",
                        "AtlasServerErrors",
                        "AtlasServiceDown",
                        "AtlasOperationLatencyHigh",
                        "AtlasOperationFailures",
                        "AtlasSubgraphUnavailable");
        assertThat(rules)
                .filteredOn(rule -> "atlas:gateway_operation_seconds:p95".equals(rule.get("record")))
                .extracting(rule -> String.valueOf(rule.get("expr")))
                .singleElement()
                .asString()
                .contains("atlas_gateway_operation_seconds_bucket")
                .contains("operation_name");
        assertThat(rules)
                .filteredOn(rule -> "atlas:http_server_requests_seconds:p95".equals(rule.get("record")))
                .extracting(rule -> String.valueOf(rule.get("expr")))
                .singleElement()
                .asString()
                .contains("histogram_quantile(0.95")
                .contains("http_server_requests_seconds_bucket");
    }

    private static Manifest only(String kind) {
        var found = RENDERED.stream().filter(m -> m.is(kind)).toList();
        assertThat(found).hasSize(1);
        return found.getFirst();
    }
}
