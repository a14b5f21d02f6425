package com.refractoryatlas.gateway.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class HttpSubgraphTransportTests {

    private static final JsonMapper JSON = new JsonMapper();

    HttpServer server;
    final AtomicInteger calls = new AtomicInteger();
    final AtomicReference<Map<String, List<String>>> lastHeaders = new AtomicReference<>();
    final AtomicReference<String> lastBody = new AtomicReference<>();
    final Map<String, Object> behaviour = new ConcurrentHashMap<>();
    HttpSubgraphTransport transport;

    @BeforeEach
    void startSubgraph() throws IOException {
        behaviour.put("status", 200);
        behaviour.put("body", "{\"data\":{\"ok\":true}}");
        behaviour.put("delayMillis", 0);
        behaviour.put("bodyDelayMillis", 0);
        server = serve(0);
        var url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/graphql");
        var properties = new FederationProperties(
                List.of(
                        new FederationProperties.Subgraph("catalog", url, Duration.ofMillis(300)),
                        new FederationProperties.Subgraph("dead", URI.create("http://127.0.0.1:1/graphql"), null)),
                new FederationProperties.Federation(
                        Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofMillis(500), 100));
        var circuitBreakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowSize(4)
                .minimumNumberOfCalls(4)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofMinutes(1))
                .build());
        transport = new HttpSubgraphTransport(
                properties, circuitBreakers, BulkheadRegistry.ofDefaults(), JSON, new SimpleMeterRegistry());
        this.properties = properties;
    }

    private FederationProperties properties;

    @Test
    void everySubgraphGetsTheSubgraphResilienceConfigurationWhateverItsName() throws IOException {
        var bulkheads = BulkheadRegistry.of(java.util.Map.of(
                HttpSubgraphTransport.RESILIENCE_CONFIG,
                BulkheadConfig.custom().maxConcurrentCalls(256).build()));
        var circuitBreakers = CircuitBreakerRegistry.of(java.util.Map.of(
                HttpSubgraphTransport.RESILIENCE_CONFIG,
                CircuitBreakerConfig.custom().slidingWindowSize(7).build()));

        try (var named =
                new HttpSubgraphTransport(properties, circuitBreakers, bulkheads, JSON, new SimpleMeterRegistry())) {
            assertThat(bulkheads.bulkhead("dead").getBulkheadConfig().getMaxConcurrentCalls())
                    .isEqualTo(256);
            assertThat(circuitBreakers
                            .circuitBreaker("dead")
                            .getCircuitBreakerConfig()
                            .getSlidingWindowSize())
                    .isEqualTo(7);
        }
    }

    @Test
    void sendsIdenticalQueriesInFlightOnceAndGivesEveryCallerItsOwnAnswer() throws Exception {
        behaviour.put("delayMillis", 500);
        var meters = new SimpleMeterRegistry();
        try (var deduplicating = new HttpSubgraphTransport(
                patient(true), CircuitBreakerRegistry.ofDefaults(), BulkheadRegistry.ofDefaults(), JSON, meters)) {
            var first = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                    deduplicating.execute("catalog", "{ x }", Map.of("v", 1), Map.of("Authorization", "Bearer a")));
            awaitCalls(1);
            var second = deduplicating.execute("catalog", "{ x }", Map.of("v", 1), Map.of("Authorization", "Bearer a"));

            assertThat(first.get()).isEqualTo(second).isNotSameAs(second);
            assertThat(calls.get()).isEqualTo(1);
            assertThat(meters.get(HttpSubgraphTransport.DEDUPLICATED_METER)
                            .tags("subgraph", "catalog")
                            .counter()
                            .count())
                    .isEqualTo(1.0);
        }
    }

    @Test
    void neverSharesMutationsNorAnswersForAnotherIdentity() throws Exception {
        behaviour.put("delayMillis", 500);
        try (var deduplicating = new HttpSubgraphTransport(
                patient(true),
                CircuitBreakerRegistry.ofDefaults(),
                BulkheadRegistry.ofDefaults(),
                JSON,
                new SimpleMeterRegistry())) {
            var mutation = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> deduplicating.execute("catalog", "mutation { x }", Map.of(), Map.of()));
            awaitCalls(1);
            deduplicating.execute("catalog", "mutation { x }", Map.of(), Map.of());
            mutation.get();
            assertThat(calls.get()).isEqualTo(2);

            var alice = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> deduplicating.execute("catalog", "{ x }", Map.of(), Map.of("Authorization", "Bearer alice")));
            awaitCalls(3);
            deduplicating.execute("catalog", "{ x }", Map.of(), Map.of("Authorization", "Bearer bob"));
            alice.get();
            assertThat(calls.get()).isEqualTo(4);
        }
    }

    @Test
    void sendsEveryRequestWhenSubgraphDeduplicationIsOff() throws Exception {
        behaviour.put("delayMillis", 500);
        var off = patient(false);
        try (var plain = new HttpSubgraphTransport(
                off,
                CircuitBreakerRegistry.ofDefaults(),
                BulkheadRegistry.ofDefaults(),
                JSON,
                new SimpleMeterRegistry())) {
            var first = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> plain.execute("catalog", "{ x }", Map.of(), Map.of()));
            awaitCalls(1);
            plain.execute("catalog", "{ x }", Map.of(), Map.of());
            first.get();
            assertThat(calls.get()).isEqualTo(2);
        }
    }

    /** Catalog with a 5 s timeout, so that a slow first call is still in flight when the second one comes. */
    private FederationProperties patient(boolean deduplicate) {
        var catalog = properties.subgraphs().getFirst();
        return new FederationProperties(
                List.of(new FederationProperties.Subgraph("catalog", catalog.url(), Duration.ofSeconds(5))),
                new FederationProperties.Federation(
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(5),
                        Duration.ofMillis(500),
                        100,
                        new FederationProperties.Deduplication(deduplicate, false)));
    }

    private void awaitCalls(int count) throws InterruptedException {
        for (var tries = 0; calls.get() < count && tries < 200; tries++) {
            Thread.sleep(10);
        }
    }

    @Test
    void refusesCallsBeyondTheBulkheadAndCountsThem() throws Exception {
        // below catalog's 300 ms timeout: the first call is slow but answers
        behaviour.put("delayMillis", 200);
        var bulkheads = BulkheadRegistry.of(java.util.Map.of(
                HttpSubgraphTransport.RESILIENCE_CONFIG,
                BulkheadConfig.custom()
                        .maxConcurrentCalls(1)
                        .maxWaitDuration(Duration.ZERO)
                        .build()));
        var meters = new SimpleMeterRegistry();
        try (var small =
                new HttpSubgraphTransport(properties, CircuitBreakerRegistry.ofDefaults(), bulkheads, JSON, meters)) {
            var first = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> small.execute("catalog", "{ x }", Map.of(), Map.of()));
            for (var tries = 0; calls.get() == 0 && tries < 200; tries++) {
                Thread.sleep(10);
            }

            // another query: an identical one would share the first one's answer
            assertThatThrownBy(() -> small.execute("catalog", "{ y }", Map.of(), Map.of()))
                    .isInstanceOf(SubgraphUnavailableException.class)
                    .hasMessageContaining("too many concurrent requests");
            assertThat(first.get()).containsKey("data");
            assertThat(meters.get(HttpSubgraphTransport.REJECTED_METER)
                            .tags("subgraph", "catalog", "reason", "bulkhead_full")
                            .counter()
                            .count())
                    .isEqualTo(1.0);
        }
    }

    private HttpServer serve(int port) throws IOException {
        var subgraph = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        subgraph.createContext("/graphql", exchange -> {
            calls.incrementAndGet();
            lastHeaders.set(Map.copyOf(exchange.getRequestHeaders()));
            lastBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            sleep((Integer) behaviour.get("delayMillis"));
            var body = ((String) behaviour.get("body")).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders((Integer) behaviour.get("status"), body.length);
            // the head goes out at once, half the body, then the rest after bodyDelayMillis
            exchange.getResponseBody().write(body, 0, body.length / 2);
            exchange.getResponseBody().flush();
            sleep((Integer) behaviour.get("bodyDelayMillis"));
            exchange.getResponseBody().write(body, body.length / 2, body.length - body.length / 2);
            exchange.close();
        });
        subgraph.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        subgraph.start();
        return subgraph;
    }

    @AfterEach
    void stopSubgraph() {
        server.stop(0);
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void postsQueryAndVariablesAndPropagatesOnlyIdentityAndTracingHeaders() {
        var response = transport.execute(
                "catalog",
                "query ($id:ID!){condition(id:$id){name}}",
                Map.of("id", "depression"),
                Map.of(
                        "Authorization",
                        "Bearer t",
                        "traceparent",
                        "00-1-2-01",
                        "Cookie",
                        "secret",
                        "X-Atlas-Service-Token",
                        "s",
                        "X-Atlas-User-Roles",
                        "importer",
                        "X-Atlas-User-Id",
                        "alice"));

        assertThat(response).isEqualTo(Map.of("data", Map.of("ok", true)));
        assertThat(JSON.readValue(lastBody.get(), Map.class))
                .isEqualTo(Map.of(
                        "query", "query ($id:ID!){condition(id:$id){name}}", "variables", Map.of("id", "depression")));
        assertThat(lastHeaders.get())
                .containsEntry("Authorization", List.of("Bearer t"))
                .containsEntry("Traceparent", List.of("00-1-2-01"))
                .containsEntry("X-atlas-service-token", List.of("s"))
                // the import service shows an importer their own jobs only: it needs the user's roles and id
                .containsEntry("X-atlas-user-roles", List.of("importer"))
                .containsEntry("X-atlas-user-id", List.of("alice"))
                .doesNotContainKey("Cookie");
    }

    @Test
    void reusesNoDeadPooledConnectionAfterTheSubgraphRestarts() throws IOException {
        assertThat(transport.execute("catalog", "{ x }", Map.of(), Map.of())).containsKey("data");
        int port = server.getAddress().getPort();
        server.stop(0);
        server = serve(port);
        sleep(1_500); // a restart takes longer than the pool's validate-after-inactivity

        assertThat(transport.execute("catalog", "{ x }", Map.of(), Map.of())).containsKey("data");
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void returnsGraphQLErrorResponsesWhateverTheStatus() {
        behaviour.put("status", 400);
        behaviour.put("body", "{\"errors\":[{\"message\":\"bad\"}]}");

        assertThat(transport.execute("catalog", "{ x }", Map.of(), Map.of())).containsKey("errors");
    }

    @Test
    void reportsNonGraphQLAnswersTimeoutsAndRefusedConnectionsAsUnavailable() {
        behaviour.put("status", 502);
        behaviour.put("body", "<html>bad gateway</html>");
        assertThatThrownBy(() -> transport.execute("catalog", "{ x }", Map.of(), Map.of()))
                .isInstanceOf(SubgraphUnavailableException.class)
                .hasMessageContaining("catalog");

        behaviour.put("status", 200);
        behaviour.put("body", "{\"data\":{}}");
        behaviour.put("delayMillis", 1500);
        var start = System.nanoTime();
        assertThatThrownBy(() -> transport.execute("catalog", "{ x }", Map.of(), Map.of()))
                .isInstanceOf(SubgraphUnavailableException.class)
                .hasMessageContaining("timed out after 300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1400));

        assertThatThrownBy(() -> transport.execute("dead", "{ x }", Map.of(), Map.of()))
                .isInstanceOf(SubgraphUnavailableException.class)
                .hasMessageContaining("dead");
        assertThatThrownBy(() -> transport.execute("unknown", "{ x }", Map.of(), Map.of()))
                .isInstanceOf(SubgraphUnavailableException.class);
    }

    @Test
    void theTimeoutBoundsTheWholeAnswerNotOnlyItsHead() {
        behaviour.put("body", "{\"data\":{\"ok\":true}}");
        // the head and half the body come at once; the rest only after the subgraph's 300 ms
        behaviour.put("bodyDelayMillis", 1500);
        var start = System.nanoTime();
        assertThatThrownBy(() -> transport.execute("catalog", "{ x }", Map.of(), Map.of()))
                .isInstanceOf(SubgraphUnavailableException.class)
                .hasMessageContaining("timed out after 300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1400));

        // the aborted connection is not reused: the next call gets its answer
        behaviour.put("bodyDelayMillis", 0);
        assertThat(transport.execute("catalog", "{ x }", Map.of(), Map.of())).containsEntry("data", Map.of("ok", true));
    }

    @Test
    void aSlowAnswerWithinTheTimeoutIsNotCut() {
        behaviour.put("delayMillis", 100);
        behaviour.put("bodyDelayMillis", 100);
        assertThat(transport.execute("catalog", "{ x }", Map.of(), Map.of())).containsEntry("data", Map.of("ok", true));
    }

    @Test
    void opensTheCircuitSoADeadSubgraphFailsFastWithoutBeingCalled() {
        behaviour.put("status", 503);
        behaviour.put("body", "down");
        for (var i = 0; i < 4; i++) {
            assertThatThrownBy(() -> transport.execute("catalog", "{ x }", Map.of(), Map.of()))
                    .isInstanceOf(SubgraphUnavailableException.class);
        }
        var callsBefore = calls.get();

        assertThatThrownBy(() -> transport.execute("catalog", "{ x }", Map.of(), Map.of()))
                .isInstanceOf(SubgraphUnavailableException.class)
                .hasMessageContaining("circuit breaker is open");
        assertThat(calls.get()).isEqualTo(callsBefore);
    }
}
