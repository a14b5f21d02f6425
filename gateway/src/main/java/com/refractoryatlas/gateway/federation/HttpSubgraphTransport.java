package com.refractoryatlas.gateway.federation;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls subgraphs over HTTP/1.1 with pooled keep-alive connections, each with its own timeout, circuit breaker and
 * bulkhead (resilience4j instances named after the subgraph), so that a dead subgraph fails fast instead of holding
 * gateway threads. Apache HttpClient's classic (blocking) API on the caller's virtual thread: a call costs no thread
 * hand-offs, where the JDK client routed every exchange through its selector thread and an executor (measured: 15% of
 * the gateway's CPU on a one-subgraph query).
 *
 * <p>A subgraph's timeout bounds the whole exchange (waiting for a pooled connection, sending, the answer's head and
 * body): one timer thread aborts a call still running at its deadline. Not a socket read timeout: a timed read parks
 * the calling virtual thread with a timeout, and each timed park wakes the JDK's virtual-thread timer twice (to arm
 * and to cancel it; 6% of the gateway's CPU on The Guild's benchmark, profiled), where an untimed read parks for free
 * and the timer's queue is only signalled when a call's deadline is the earliest.
 */
final class HttpSubgraphTransport implements SubgraphTransport, AutoCloseable {

    /** Request headers a subgraph may need: identity, tracing, correlation. */
    static final Set<String> PROPAGATED_HEADERS = Set.of(
            "authorization",
            "traceparent",
            "tracestate",
            "baggage",
            "x-request-id",
            "x-atlas-service-token",
            "x-atlas-user-roles",
            "x-atlas-user-id");

    private static final int HTTP_OK = 200;
    private static final int HTTP_MULTIPLE_CHOICES = 300;
    /** Below Tomcat's 20 s keep-alive: a pooled connection is dropped before the subgraph closes it under us. */
    private static final TimeValue IDLE_CONNECTION_EVICTION = TimeValue.ofSeconds(10);
    /** A connection idle longer than this is checked before reuse (a restarted subgraph leaves dead ones behind). */
    private static final TimeValue VALIDATE_AFTER_INACTIVITY = TimeValue.ofSeconds(1);

    private static final String ACCEPT = "application/graphql-response+json, application/json";
    /**
     * The resilience4j configuration every subgraph's circuit breaker and bulkhead is made from
     * ({@code resilience4j.*.configs.subgraph}), whatever the subgraph's name: a name without an instance of its own
     * would otherwise get resilience4j's built-in defaults (a bulkhead of 25 calls, which turned 73% of the answers
     * at 50 connections into SUBGRAPH_UNAVAILABLE). An instance configured under the subgraph's name still wins.
     */
    static final String RESILIENCE_CONFIG = "subgraph";
    /** Counts subgraph calls refused by the gateway itself, tagged {@code subgraph} and {@code reason}. */
    static final String REJECTED_METER = "atlas.gateway.subgraph.rejected";
    /** Counts subgraph requests that shared the answer of an identical request in flight, tagged {@code subgraph}. */
    static final String DEDUPLICATED_METER = "atlas.gateway.subgraph.deduplicated";
    /** What a subgraph's answer may depend on besides the body; tracing and correlation headers are left out. */
    static final Set<String> IDENTITY_HEADERS =
            Set.of("authorization", "x-atlas-service-token", "x-atlas-user-roles", "x-atlas-user-id");
    /** An overloaded subgraph is logged at most this often (per subgraph and reason), counted always. */
    private static final long OVERLOAD_LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private static final Logger log = LoggerFactory.getLogger(HttpSubgraphTransport.class);

    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    private final CloseableHttpClient client;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final boolean deduplicate;
    private final Map<InFlight, CompletableFuture<Answer>> inFlight = new ConcurrentHashMap<>();
    private final Map<String, Counter> deduplicated = new LinkedHashMap<>();
    private final Map<String, AtomicLong> lastOverloadLog = new ConcurrentHashMap<>();
    /** Aborts calls at their deadline; a finished call removes its own entry. */
    private final ScheduledThreadPoolExecutor deadlines = deadlineTimer();

    /** A subgraph's address, its timeout (for the whole exchange) and guards. */
    private record Endpoint(URI url, long timeoutNanos, CircuitBreaker circuitBreaker, Bulkhead bulkhead) {}

    /** Read timeouts are off: {@link #deadlines} aborts a call at its subgraph's timeout instead. */
    private static final RequestConfig UNTIMED_READS =
            RequestConfig.custom().setResponseTimeout(Timeout.DISABLED).build();

    /** What came back: the status and the whole body. */
    private record Answer(int status, byte[] body) {}

    HttpSubgraphTransport(
            FederationProperties properties,
            CircuitBreakerRegistry circuitBreakers,
            BulkheadRegistry bulkheads,
            JsonMapper json,
            MeterRegistry meters) {
        this.json = json;
        this.meters = meters;
        this.deduplicate = properties.federation().deduplication().subgraphRequests();
        for (var subgraph : properties.subgraphs()) {
            var timeout = subgraph.timeout() == null ? properties.federation().subgraphTimeout() : subgraph.timeout();
            endpoints.put(
                    subgraph.name(),
                    new Endpoint(
                            subgraph.url(),
                            timeout.toNanos(),
                            circuitBreaker(circuitBreakers, subgraph.name()),
                            bulkhead(bulkheads, subgraph.name())));
            deduplicated.put(
                    subgraph.name(),
                    Counter.builder(DEDUPLICATED_METER)
                            .description("Subgraph requests answered by an identical request already in flight")
                            .tag("subgraph", subgraph.name())
                            .register(meters));
        }
        // as many pooled connections per subgraph as its bulkhead lets calls through at once
        int perSubgraph = endpoints.values().stream()
                .mapToInt(endpoint -> endpoint.bulkhead().getBulkheadConfig().getMaxConcurrentCalls())
                .max()
                .orElse(1);
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnPerRoute(perSubgraph)
                        .setMaxConnTotal(perSubgraph * Math.max(1, endpoints.size()))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(
                                        Timeout.of(properties.federation().connectTimeout()))
                                .setValidateAfterInactivity(VALIDATE_AFTER_INACTIVITY)
                                .build())
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableContentCompression()
                .disableAuthCaching()
                .evictIdleConnections(IDLE_CONNECTION_EVICTION)
                .build();
    }

    private static CircuitBreaker circuitBreaker(CircuitBreakerRegistry registry, String name) {
        return registry.find(name).orElseGet(() -> registry.getConfiguration(RESILIENCE_CONFIG)
                .map(config -> registry.circuitBreaker(name, config))
                .orElseGet(() -> registry.circuitBreaker(name)));
    }

    private static Bulkhead bulkhead(BulkheadRegistry registry, String name) {
        return registry.find(name).orElseGet(() -> registry.getConfiguration(RESILIENCE_CONFIG)
                .map(config -> registry.bulkhead(name, config))
                .orElseGet(() -> registry.bulkhead(name)));
    }

    /** Counts the refused call and logs it, at most once per interval per subgraph and reason. */
    private SubgraphUnavailableException rejected(String subgraph, String reason, String message) {
        Counter.builder(REJECTED_METER)
                .description("Subgraph calls the gateway refused (bulkhead full, circuit breaker open)")
                .tag("subgraph", subgraph)
                .tag("reason", reason)
                .register(meters)
                .increment();
        var now = System.nanoTime();
        var last = lastOverloadLog.computeIfAbsent(
                subgraph + "/" + reason, key -> new AtomicLong(now - OVERLOAD_LOG_INTERVAL_NANOS));
        var previous = last.get();
        if (now - previous >= OVERLOAD_LOG_INTERVAL_NANOS && last.compareAndSet(previous, now)) {
            log.warn(
                    "Subgraph '{}' call refused: {} (counted in {}{{subgraph,reason={}}}; logged at most every 10 s)",
                    subgraph,
                    message,
                    REJECTED_METER,
                    reason);
        }
        return new SubgraphUnavailableException(subgraph, message, null);
    }

    private static ScheduledThreadPoolExecutor deadlineTimer() {
        var timer = new ScheduledThreadPoolExecutor(
                1,
                runnable ->
                        Thread.ofPlatform().name("subgraph-deadlines").daemon().unstarted(runnable));
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    @Override
    public void close() throws IOException {
        deadlines.shutdownNow();
        client.close();
    }

    @Override
    public Map<String, Object> execute(
            String subgraph, String query, Map<String, Object> variables, Map<String, String> headers) {
        var endpoint = endpoints.get(subgraph);
        if (endpoint == null) {
            throw new SubgraphUnavailableException(subgraph, "not configured", null);
        }
        var body = requestBody(query, variables);
        if (!deduplicate || !isQuery(query)) {
            return guardedCall(subgraph, endpoint, body, headers).parsed();
        }
        var key = new InFlight(subgraph, body, identity(headers));
        var leader = new CompletableFuture<Answer>();
        var running = inFlight.putIfAbsent(key, leader);
        if (running != null) {
            deduplicated.get(subgraph).increment();
            return parse(subgraph, shared(subgraph, running));
        }
        try {
            var exchange = guardedCall(subgraph, endpoint, body, headers);
            leader.complete(exchange.answer());
            return exchange.parsed();
        } catch (RuntimeException e) {
            leader.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, leader);
        }
    }

    /** Only queries are shared: a mutation (or anything else) is always sent by the request that asked for it. */
    private static boolean isQuery(String query) {
        var text = query.stripLeading();
        return text.startsWith("{") || text.startsWith("query");
    }

    /** The headers that decide what a subgraph may answer: identical requests share an answer only if these match. */
    private static Map<String, String> identity(Map<String, String> headers) {
        var identity = new java.util.TreeMap<String, String>();
        headers.forEach((name, value) -> {
            var lower = name.toLowerCase(Locale.ROOT);
            if (IDENTITY_HEADERS.contains(lower)) {
                identity.put(lower, value);
            }
        });
        return identity;
    }

    private static Answer shared(String subgraph, CompletableFuture<Answer> running) {
        try {
            return running.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SubgraphUnavailableException(subgraph, "interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof SubgraphUnavailableException unavailable) {
                throw unavailable;
            }
            throw new SubgraphUnavailableException(subgraph, String.valueOf(e.getCause()), e.getCause());
        }
    }

    private byte[] requestBody(String query, Map<String, Object> variables) {
        var body = new LinkedHashMap<String, Object>();
        body.put("query", query);
        if (!variables.isEmpty()) {
            body.put("variables", variables);
        }
        return json.writeValueAsBytes(body);
    }

    private Exchange guardedCall(String subgraph, Endpoint endpoint, byte[] body, Map<String, String> headers) {
        if (!endpoint.bulkhead().tryAcquirePermission()) {
            throw rejected(
                    subgraph,
                    "bulkhead_full",
                    "too many concurrent requests (bulkhead of "
                            + endpoint.bulkhead().getBulkheadConfig().getMaxConcurrentCalls() + ")");
        }
        try {
            endpoint.circuitBreaker().acquirePermission();
            return guarded(subgraph, endpoint, body, headers);
        } catch (CallNotPermittedException e) {
            throw rejected(subgraph, "circuit_open", "circuit breaker is open");
        } finally {
            endpoint.bulkhead().onComplete();
        }
    }

    private Exchange guarded(String subgraph, Endpoint endpoint, byte[] body, Map<String, String> headers) {
        var start = System.nanoTime();
        try {
            var answer = send(subgraph, endpoint, body, headers);
            var exchange = new Exchange(answer, parse(subgraph, answer));
            endpoint.circuitBreaker().onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return exchange;
        } catch (SubgraphUnavailableException e) {
            endpoint.circuitBreaker().onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            throw e;
        }
    }

    private Answer send(String subgraph, Endpoint endpoint, byte[] body, Map<String, String> headers) {
        var request = new HttpPost(endpoint.url());
        request.setConfig(UNTIMED_READS);
        request.setHeader("Accept", ACCEPT);
        request.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        headers.forEach((name, value) -> {
            if (PROPAGATED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                request.setHeader(name, value);
            }
        });
        var timedOut = new AtomicBoolean();
        var deadline = deadlines.schedule(
                () -> {
                    timedOut.set(true);
                    request.cancel();
                },
                endpoint.timeoutNanos(),
                TimeUnit.NANOSECONDS);
        try {
            return client.execute(
                    request,
                    response -> new Answer(
                            response.getCode(),
                            response.getEntity() == null
                                    ? new byte[0]
                                    : EntityUtils.toByteArray(response.getEntity())));
        } catch (IOException e) {
            if (timedOut.get()) {
                throw new SubgraphUnavailableException(
                        subgraph,
                        "timed out after " + TimeUnit.NANOSECONDS.toMillis(endpoint.timeoutNanos()) + " ms",
                        e);
            }
            throw unavailable(subgraph, e);
        } finally {
            deadline.cancel(false);
        }
    }

    private static SubgraphUnavailableException unavailable(String subgraph, IOException e) {
        if (e instanceof InterruptedIOException) {
            // a connect timeout (ConnectTimeoutException) or an interrupted call
            return new SubgraphUnavailableException(subgraph, "timed out: " + e.getMessage(), e);
        }
        return new SubgraphUnavailableException(subgraph, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }

    /** A request in flight: subgraph, exact body bytes and identity headers. */
    private static final class InFlight {
        private final String subgraph;
        private final byte[] body;
        private final Map<String, String> identity;
        private final int hash;

        InFlight(String subgraph, byte[] body, Map<String, String> identity) {
            this.subgraph = subgraph;
            this.body = body;
            this.identity = identity;
            this.hash = (subgraph.hashCode() * 31 + java.util.Arrays.hashCode(body)) * 31 + identity.hashCode();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof InFlight that
                    && hash == that.hash
                    && subgraph.equals(that.subgraph)
                    && java.util.Arrays.equals(body, that.body)
                    && identity.equals(that.identity);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** The answer as received (shared with deduplicated callers) and as parsed for the caller that sent it. */
    private record Exchange(Answer answer, Map<String, Object> parsed) {}

    @SuppressWarnings("unchecked")
    private Map<String, Object> parse(String subgraph, Answer response) {
        Map<String, Object> parsed;
        try {
            // compact maps rather than Jackson's LinkedHashMap tree: see JsonTrees
            var value = JsonTrees.read(json, response.body());
            if (value != null && !(value instanceof Map<?, ?>)) {
                throw new SubgraphUnavailableException(
                        subgraph, "HTTP " + response.status() + " without GraphQL JSON", null);
            }
            parsed = (Map<String, Object>) value;
        } catch (JacksonException e) {
            throw new SubgraphUnavailableException(subgraph, "HTTP " + response.status() + " without GraphQL JSON", e);
        }
        var graphqlResponse = parsed != null && (parsed.containsKey("data") || parsed.get("errors") instanceof List<?>);
        if (!graphqlResponse
                || (response.status() >= HTTP_MULTIPLE_CHOICES || response.status() < HTTP_OK)
                        && !parsed.containsKey("data")
                        && !(parsed.get("errors") instanceof List<?>)) {
            throw new SubgraphUnavailableException(subgraph, "HTTP " + response.status(), null);
        }
        return parsed;
    }
}
