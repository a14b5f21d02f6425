package com.refractoryatlas.gateway.federation;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls subgraphs over HTTP/1.1 with keep-alive, each with its own timeout, circuit breaker and bulkhead (resilience4j
 * instances named after the subgraph), so that a dead subgraph fails fast instead of holding gateway threads.
 */
final class HttpSubgraphTransport implements SubgraphTransport {

    /** Request headers a subgraph may need: identity, tracing, correlation. */
    static final Set<String> PROPAGATED_HEADERS = Set.of(
            "authorization",
            "traceparent",
            "tracestate",
            "baggage",
            "x-request-id",
            "x-atlas-service-token",
            "x-atlas-user-roles");

    private static final int HTTP_OK = 200;
    private static final int HTTP_MULTIPLE_CHOICES = 300;

    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    private final HttpClient client;
    private final JsonMapper json;

    private record Endpoint(URI url, Duration timeout, CircuitBreaker circuitBreaker, Bulkhead bulkhead) {}

    HttpSubgraphTransport(
            FederationProperties properties,
            CircuitBreakerRegistry circuitBreakers,
            BulkheadRegistry bulkheads,
            JsonMapper json) {
        this.json = json;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.federation().connectTimeout())
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        for (var subgraph : properties.subgraphs()) {
            var timeout = subgraph.timeout() == null ? properties.federation().subgraphTimeout() : subgraph.timeout();
            endpoints.put(
                    subgraph.name(),
                    new Endpoint(
                            subgraph.url(),
                            timeout,
                            circuitBreakers.circuitBreaker(subgraph.name()),
                            bulkheads.bulkhead(subgraph.name())));
        }
    }

    @Override
    public Map<String, Object> execute(
            String subgraph, String query, Map<String, Object> variables, Map<String, String> headers) {
        var endpoint = endpoints.get(subgraph);
        if (endpoint == null) {
            throw new SubgraphUnavailableException(subgraph, "not configured", null);
        }
        if (!endpoint.bulkhead().tryAcquirePermission()) {
            throw new SubgraphUnavailableException(subgraph, "too many concurrent requests", null);
        }
        try {
            endpoint.circuitBreaker().acquirePermission();
            return guarded(subgraph, endpoint, query, variables, headers);
        } catch (CallNotPermittedException e) {
            throw new SubgraphUnavailableException(subgraph, "circuit breaker is open", null);
        } finally {
            endpoint.bulkhead().onComplete();
        }
    }

    private Map<String, Object> guarded(
            String subgraph,
            Endpoint endpoint,
            String query,
            Map<String, Object> variables,
            Map<String, String> headers) {
        var start = System.nanoTime();
        try {
            var response = send(subgraph, endpoint, query, variables, headers);
            endpoint.circuitBreaker().onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return response;
        } catch (SubgraphUnavailableException e) {
            endpoint.circuitBreaker().onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            throw e;
        }
    }

    private Map<String, Object> send(
            String subgraph,
            Endpoint endpoint,
            String query,
            Map<String, Object> variables,
            Map<String, String> headers) {
        var body = new LinkedHashMap<String, Object>();
        body.put("query", query);
        if (!variables.isEmpty()) {
            body.put("variables", variables);
        }
        var request = HttpRequest.newBuilder(endpoint.url())
                .timeout(endpoint.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json, application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        headers.forEach((name, value) -> {
            if (PROPAGATED_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                request.header(name, value);
            }
        });
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new SubgraphUnavailableException(subgraph, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SubgraphUnavailableException(subgraph, "interrupted", e);
        }
        return parse(subgraph, response);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> parse(String subgraph, HttpResponse<byte[]> response) {
        Map<String, Object> parsed;
        try {
            parsed = json.readValue(response.body(), Map.class);
        } catch (JacksonException e) {
            throw new SubgraphUnavailableException(
                    subgraph, "HTTP " + response.statusCode() + " without GraphQL JSON", e);
        }
        var graphqlResponse = parsed != null && (parsed.containsKey("data") || parsed.get("errors") instanceof List<?>);
        if (!graphqlResponse
                || (response.statusCode() >= HTTP_MULTIPLE_CHOICES || response.statusCode() < HTTP_OK)
                        && !parsed.containsKey("data")
                        && !(parsed.get("errors") instanceof List<?>)) {
            throw new SubgraphUnavailableException(subgraph, "HTTP " + response.statusCode(), null);
        }
        return parsed;
    }
}
