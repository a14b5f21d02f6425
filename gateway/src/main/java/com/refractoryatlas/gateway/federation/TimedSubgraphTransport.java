package com.refractoryatlas.gateway.federation;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Times every subgraph fetch into the latency histogram {@code atlas.gateway.subgraph.requests} (Prometheus:
 * {@code atlas_gateway_subgraph_requests_seconds_bucket}), tagged by subgraph, outcome ({@code success},
 * {@code graphql_error}, {@code unavailable}) and the first error's {@code extensions.code}, so that per-subgraph
 * p95/p99 and error rates can be alerted on. Codes are bounded to upper-case identifiers to keep the tag set small.
 */
final class TimedSubgraphTransport implements SubgraphTransport {

    static final String METRIC = "atlas.gateway.subgraph.requests";
    private static final Pattern CODE = Pattern.compile("[A-Z_]{1,40}");

    private final SubgraphTransport delegate;
    private final MeterRegistry registry;

    TimedSubgraphTransport(SubgraphTransport delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.registry = registry;
    }

    @Override
    public Map<String, Object> execute(
            String subgraph, String query, Map<String, Object> variables, Map<String, String> headers) {
        long start = System.nanoTime();
        try {
            var response = delegate.execute(subgraph, query, variables, headers);
            var code = firstErrorCode(response);
            record(subgraph, code == null ? "success" : "graphql_error", code == null ? "NONE" : code, start);
            return response;
        } catch (RuntimeException e) {
            record(subgraph, "unavailable", "SUBGRAPH_UNAVAILABLE", start);
            throw e;
        }
    }

    private void record(String subgraph, String outcome, String code, long start) {
        Timer.builder(METRIC)
                .description("Subgraph fetches made by the gateway")
                .tag("subgraph", subgraph)
                .tag("outcome", outcome)
                .tag("error.code", code)
                .publishPercentileHistogram()
                .register(registry)
                .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    private static @org.jspecify.annotations.Nullable String firstErrorCode(Map<String, Object> response) {
        if (!(response.get("errors") instanceof List<?> errors) || errors.isEmpty()) {
            return null;
        }
        if (errors.getFirst() instanceof Map<?, ?> error
                && error.get("extensions") instanceof Map<?, ?> extensions
                && extensions.get("code") instanceof String code
                && CODE.matcher(code).matches()) {
            return code;
        }
        return "OTHER";
    }
}
