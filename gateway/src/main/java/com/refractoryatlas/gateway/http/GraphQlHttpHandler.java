package com.refractoryatlas.gateway.http;

import com.refractoryatlas.gateway.edge.BodyReadTimeoutException;
import com.refractoryatlas.gateway.edge.EdgeErrors;
import com.refractoryatlas.gateway.edge.EdgeProperties;
import com.refractoryatlas.gateway.edge.LogSafe;
import com.refractoryatlas.gateway.edge.RateLimits;
import com.refractoryatlas.gateway.edge.RequestIds;
import com.refractoryatlas.gateway.edge.StrictUtf8;
import com.refractoryatlas.gateway.federation.FederationEngine;
import com.refractoryatlas.gateway.http.GraphQlRequest.MalformedRequestException;
import com.refractoryatlas.gateway.security.OperationGuard;
import com.refractoryatlas.gateway.security.SubgraphIdentity;
import com.refractoryatlas.gateway.security.UserContext;
import com.refractoryatlas.gateway.security.Verdict;
import graphql.language.OperationDefinition;
import graphql.schema.GraphQLSchema;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public endpoint, GraphQL over HTTP (graphql.github.io/graphql-over-http): POST with a JSON body (one
 * operation, or a bounded batch as a JSON array), GET for queries, automatic persisted queries, the response
 * media type by {@code Accept}. Every operation passes the {@link OperationGuard} before the federation engine
 * runs it, and goes to the subgraphs with the caller's trace headers, request id and the internal credential. It is
 * the handler function of the {@code graphql} Spring Cloud Gateway route ({@link GraphQlRoute}): the federation
 * engine is the route's destination, in process, where a proxied route would have {@code HandlerFunctions.http()}.
 */
@Component
class GraphQlHttpHandler implements HandlerFunction<ServerResponse> {

    static final String TRACEPARENT = "traceparent";
    static final String TRACESTATE = "tracestate";
    static final String PERSISTED_QUERY_NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND";
    /** A subscription sent as a plain GraphQL-over-HTTP request, which answers once. */
    static final String STREAMING_TRANSPORT_REQUIRED = "STREAMING_TRANSPORT_REQUIRED";
    /** Asks the engine for its query plan in the response; only where introspection is allowed (development). */
    static final String DEBUG_PLAN_HEADER = "X-Atlas-Debug-Plan";
    /** Asks for the operation's estimated and actual cost in {@code extensions.cost}. */
    static final String COST_HEADER = "X-Atlas-Cost";

    private static final Logger log = LoggerFactory.getLogger(GraphQlHttpHandler.class);
    private static final int BAD_REQUEST = 400;
    private static final int OK = 200;
    private static final int INTERNAL_ERROR = 500;
    private static final int GATEWAY_TIMEOUT = 504;

    private final FederationEngine engine;
    private final OperationGuard guard;
    private final PersistedQueries persistedQueries;
    private final EdgeProperties properties;
    private final JsonMapper json;
    private final OperationMetrics metrics;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    /**
     * Cancels an execution still running at the request's deadline. The request thread then waits without a timeout:
     * a timed wait on a virtual thread arms and cancels the JDK's virtual-thread timer, waking its thread twice per
     * request (profiled), where this queue is only signalled when a deadline is the earliest one.
     */
    private final ScheduledThreadPoolExecutor deadlines = deadlineTimer();

    GraphQlHttpHandler(
            FederationEngine engine,
            OperationGuard guard,
            PersistedQueries persistedQueries,
            EdgeProperties properties,
            JsonMapper json,
            ObjectProvider<MeterRegistry> meters) {
        this.engine = engine;
        this.metrics = new OperationMetrics(
                meters.getIfAvailable(SimpleMeterRegistry::new),
                properties.metrics().maxOperationNames());
        this.guard = guard;
        this.persistedQueries = persistedQueries;
        this.properties = properties;
        this.json = json;
    }

    private static ScheduledThreadPoolExecutor deadlineTimer() {
        var timer = new ScheduledThreadPoolExecutor(
                1,
                runnable ->
                        Thread.ofPlatform().name("request-deadlines").daemon().unstarted(runnable));
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    @PreDestroy
    void close() {
        deadlines.shutdownNow();
        executor.shutdownNow();
    }

    /** Answers one request the route matched; it sees the request as the route's filters left it. */
    @Override
    public ServerResponse handle(ServerRequest request) {
        return toServerResponse(answer(request));
    }

    private ResponseEntity<byte[]> answer(ServerRequest request) {
        String requestId = RequestIds.of(request.servletRequest());
        Optional<ResponseFormat> format =
                ResponseFormat.negotiate(request.headers().firstHeader(HttpHeaders.ACCEPT));
        if (format.isEmpty()) {
            return respond(
                    new Outcome(
                            406,
                            errors(
                                    requestId,
                                    "NOT_ACCEPTABLE",
                                    "Accept application/graphql-response+json or application/json")),
                    ResponseFormat.JSON);
        }
        try {
            var exchange = new Exchange(request, format.get(), requestId, UserContext.current());
            if ("GET".equals(request.servletRequest().getMethod())) {
                return HttpCaching.respond(
                        request, respond(get(exchange), format.get()), properties.httpCache(), exchange.user());
            }
            return respond(post(exchange), format.get());
        } catch (MalformedRequestException e) {
            return respond(new Outcome(BAD_REQUEST, errors(requestId, e.code(), e.getMessage())), format.get());
        } catch (RuntimeException e) {
            log.error("Request {} failed", requestId, e);
            return respond(internalError(requestId), format.get());
        }
    }

    private Outcome get(Exchange exchange) {
        var request = exchange.servlet();
        var parameters = new GraphQlRequest(
                request.getParameter("query"),
                request.getParameter("operationName"),
                jsonParameter(request.getParameter("variables"), "variables"),
                jsonParameter(request.getParameter("extensions"), "extensions"));
        return single(exchange, parameters, true);
    }

    private Outcome post(Exchange exchange) {
        var unsupported = checkContentType(exchange.servlet().getContentType());
        if (unsupported != null) {
            return new Outcome(415, errors(exchange.requestId(), "UNSUPPORTED_MEDIA_TYPE", unsupported));
        }
        long maxBytes = properties.limits().maxBodySize().toBytes();
        byte[] body;
        try {
            body = readAtMost(exchange.servlet(), maxBytes);
        } catch (BodyReadTimeoutException e) {
            log.info("Request {} refused: {}", exchange.requestId(), e.getMessage());
            return new Outcome(
                    408,
                    errors(exchange.requestId(), BodyReadTimeoutException.CODE, e.getMessage()),
                    false,
                    Map.of(HttpHeaders.CONNECTION, "close"));
        }
        if (body.length > maxBytes) {
            return new Outcome(
                    413, errors(exchange.requestId(), "PAYLOAD_TOO_LARGE", EdgeErrors.bodyTooLarge(maxBytes)));
        }
        String encodingProblem = encodingProblem(body);
        if (encodingProblem != null) {
            return new Outcome(BAD_REQUEST, errors(exchange.requestId(), StrictUtf8.INVALID_UTF8, encodingProblem));
        }
        Object decoded;
        try {
            decoded = json.readValue(body, Object.class);
        } catch (JacksonException e) {
            throw new MalformedRequestException("The request body is not valid JSON");
        }
        if (decoded instanceof List<?> batch) {
            return batch(exchange, batch);
        }
        return single(exchange, GraphQlRequest.fromJson(decoded), false);
    }

    private Outcome batch(Exchange exchange, List<?> batch) {
        if (batch.isEmpty()) {
            throw new MalformedRequestException("A batch must hold at least one operation");
        }
        if (batch.size() > properties.limits().maxBatchSize()) {
            return new Outcome(
                    BAD_REQUEST,
                    errors(
                            exchange.requestId(),
                            "BATCH_TOO_LARGE",
                            "A batch may hold at most " + properties.limits().maxBatchSize() + " operations, got "
                                    + batch.size()));
        }
        var requests = batch.stream().map(GraphQlRequest::fromJson).toList();
        long start = System.nanoTime();
        long deadline = start + properties.requestTimeout().toNanos();
        var pending = new ArrayList<Pending>();
        for (GraphQlRequest each : requests) {
            pending.add(prepare(exchange, each, false));
        }
        var results = new ArrayList<Object>();
        for (int i = 0; i < pending.size(); i++) {
            var outcome = await(pending.get(i), exchange, deadline);
            recordOperation(requests.get(i), pending.get(i), outcome, start);
            results.add(outcome.body());
        }
        return new Outcome(OK, results);
    }

    private Outcome single(Exchange exchange, GraphQlRequest parameters, boolean viaGet) {
        long start = System.nanoTime();
        long deadline = start + properties.requestTimeout().toNanos();
        var pending = prepare(exchange, parameters, viaGet);
        var outcome = await(pending, exchange, deadline);
        recordOperation(parameters, pending, outcome, start);
        return outcome;
    }

    /** One sample of {@link OperationMetrics} for an operation that was answered (malformed requests are not). */
    private void recordOperation(GraphQlRequest parameters, Pending pending, Outcome outcome, long start) {
        String code = OperationMetrics.firstErrorCode(outcome.body());
        switch (pending) {
            case Pending.Done done ->
                metrics.record(
                        parameters.operationName(), "unknown", refusedOutcome(outcome.status(), code), code, start);
            case Pending.Running running ->
                metrics.record(
                        operationName(running.cost()),
                        running.cost().allowed().kind().name().toLowerCase(Locale.ROOT),
                        executedOutcome(outcome.status(), code),
                        code,
                        start);
        }
    }

    /** The name the client chose, else the name of the document's only operation. */
    private static @Nullable String operationName(CostReport cost) {
        if (cost.operationName() != null) {
            return cost.operationName();
        }
        return cost.allowed().document().getDefinitionsOfType(OperationDefinition.class).stream()
                .findFirst()
                .map(OperationDefinition::getName)
                .orElse(null);
    }

    private static OperationMetrics.Outcome refusedOutcome(int status, String code) {
        if (status >= INTERNAL_ERROR) {
            return OperationMetrics.Outcome.ERROR;
        }
        return "RATE_LIMITED".equals(code) ? OperationMetrics.Outcome.RATE_LIMITED : OperationMetrics.Outcome.REJECTED;
    }

    private static OperationMetrics.Outcome executedOutcome(int status, String code) {
        if (status == GATEWAY_TIMEOUT) {
            return OperationMetrics.Outcome.TIMEOUT;
        }
        if (status >= INTERNAL_ERROR) {
            return OperationMetrics.Outcome.ERROR;
        }
        return OperationMetrics.NO_CODE.equals(code)
                ? OperationMetrics.Outcome.SUCCESS
                : OperationMetrics.Outcome.GRAPHQL_ERROR;
    }

    /** Resolves, inspects and starts one operation; the result is an outcome already, or a running execution. */
    private Pending prepare(Exchange exchange, GraphQlRequest parameters, boolean viaGet) {
        String requestId = exchange.requestId();
        var persisted = persistedQuery(parameters.extensions());
        String query = parameters.query();
        if (persisted != null) {
            var problem = resolvePersisted(persisted, query);
            if (problem != null) {
                return new Pending.Done(requestError(exchange, errors(requestId, problem.code(), problem.message())));
            }
            query = query != null
                    ? query
                    : persistedQueries.find(persisted.hash()).orElseThrow();
        }
        if (query == null) {
            throw new MalformedRequestException("'query' is required");
        }
        if (properties.persistedQueries().safelistOnly() && !persistedQueries.inManifest(query)) {
            return new Pending.Done(requestError(
                    exchange,
                    errors(
                            requestId,
                            "QUERY_NOT_IN_SAFELIST",
                            "Only the operations of the persisted query manifest may run here")));
        }
        var schema = engine.supergraph();
        if (schema.isEmpty()) {
            return new Pending.Done(new Outcome(
                    503,
                    errors(requestId, "SUPERGRAPH_UNAVAILABLE", "The supergraph is not composed yet; retry shortly")));
        }
        Verdict verdict = guard.inspect(
                schema.get(), query, parameters.operationName(), parameters.variables(), exchange.user(), viaGet);
        if (verdict instanceof Verdict.Rejected rejected) {
            log.info(
                    "Request {} rejected: {} (operation {})",
                    requestId,
                    rejected.problems().getFirst().code(),
                    LogSafe.of(parameters.operationName()));
            return new Pending.Done(rejection(exchange, rejected));
        }
        var allowed = (Verdict.Allowed) verdict;
        if (allowed.kind() == OperationDefinition.Operation.SUBSCRIPTION) {
            return new Pending.Done(requestError(
                    exchange,
                    errors(
                            requestId,
                            STREAMING_TRANSPORT_REQUIRED,
                            "Subscriptions run over WebSocket (graphql-transport-ws) on /graphql, or over SSE: POST"
                                    + " /graphql with Accept: text/event-stream")));
        }
        var charge = RateLimits.charge(
                exchange.servlet(),
                allowed.estimatedCost(),
                properties.rateLimit().tokenCost());
        if (!charge.paid()) {
            return new Pending.Done(rateLimited(exchange, charge));
        }
        if (persisted != null
                && parameters.query() != null
                && !properties.persistedQueries().safelistOnly()) {
            persistedQueries.register(persisted.hash(), query);
        }
        var engineRequest = new FederationEngine.Request(
                query, parameters.operationName(), parameters.variables(), subgraphHeaders(exchange));
        var cost = new CostReport(
                schema.get(),
                allowed,
                parameters.operationName(),
                "true".equalsIgnoreCase(exchange.header(COST_HEADER)));
        return new Pending.Running(executor.submit(() -> engine.execute(engineRequest)), cost);
    }

    private record Persisted(String hash, Object version) {}

    /** What {@code extensions.cost} needs once the answer is there. */
    private record CostReport(
            GraphQLSchema schema,
            Verdict.Allowed allowed,
            @Nullable String operationName,
            boolean wanted) {}

    private static Outcome rateLimited(Exchange exchange, RateLimits.Charge charge) {
        var body = errors(
                exchange.requestId(),
                "RATE_LIMITED",
                "Too many requests for the operations' cost; retry after the given seconds");
        return new Outcome(429, body, false, Map.of("Retry-After", Long.toString(charge.retryAfterSeconds())));
    }

    private record Problem(String code, String message) {}

    private static @Nullable Persisted persistedQuery(Map<String, Object> extensions) {
        Object value = extensions.get("persistedQuery");
        if (value == null) {
            return null;
        }
        var persisted = GraphQlRequest.map(value, "extensions.persistedQuery");
        String hash = GraphQlRequest.string(persisted.get("sha256Hash"), "extensions.persistedQuery.sha256Hash");
        if (hash == null) {
            throw new MalformedRequestException("'extensions.persistedQuery.sha256Hash' is required");
        }
        Object version = persisted.get("version");
        return new Persisted(hash, version == null ? 1 : version);
    }

    private @Nullable Problem resolvePersisted(Persisted persisted, @Nullable String query) {
        if (!properties.persistedQueries().enabled()) {
            return new Problem("PERSISTED_QUERY_NOT_SUPPORTED", "PersistedQueryNotSupported");
        }
        if (!(persisted.version() instanceof Number number) || number.intValue() != 1) {
            return new Problem("PERSISTED_QUERY_NOT_SUPPORTED", "Only persisted query version 1 is supported");
        }
        if (query == null) {
            return persistedQueries.find(persisted.hash()).isPresent()
                    ? null
                    : new Problem(PERSISTED_QUERY_NOT_FOUND, "PersistedQueryNotFound");
        }
        return PersistedQueries.matches(persisted.hash(), query)
                ? null
                : new Problem("PERSISTED_QUERY_HASH_MISMATCH", "provided sha does not match query");
    }

    private Map<String, String> subgraphHeaders(Exchange exchange) {
        var headers = new LinkedHashMap<String, String>();
        String authorization = exchange.header(HttpHeaders.AUTHORIZATION);
        if (exchange.user().authenticated() && authorization != null) {
            headers.put(HttpHeaders.AUTHORIZATION, authorization);
        }
        copyHeader(exchange, headers, TRACEPARENT);
        copyHeader(exchange, headers, TRACESTATE);
        // the route removes it from the request where introspection is off (GraphQlRoute)
        copyHeader(exchange, headers, DEBUG_PLAN_HEADER);
        SubgraphIdentity.add(headers, exchange.user(), exchange.requestId(), properties.serviceToken());
        return headers;
    }

    private static void copyHeader(Exchange exchange, Map<String, String> headers, String name) {
        String value = exchange.header(name);
        if (value != null && !value.isBlank()) {
            headers.put(name, value);
        }
    }

    private Outcome rejection(Exchange exchange, Verdict.Rejected rejected) {
        var response = EdgeErrors.response(rejected.errors(exchange.requestId()));
        boolean strict = exchange.format() == ResponseFormat.GRAPHQL_RESPONSE_JSON;
        return switch (rejected.reason()) {
            case METHOD_NOT_ALLOWED -> new Outcome(405, response, true);
            case INVALID_REQUEST -> new Outcome(strict ? BAD_REQUEST : OK, response);
            case UNAUTHENTICATED -> new Outcome(strict ? 401 : OK, response);
            case FORBIDDEN -> new Outcome(strict ? 403 : OK, response);
        };
    }

    private static Outcome requestError(Exchange exchange, Map<String, Object> body) {
        return new Outcome(exchange.format() == ResponseFormat.GRAPHQL_RESPONSE_JSON ? BAD_REQUEST : OK, body);
    }

    /** The engine's response with every error tagged with the request id; 4xx without data when strict. */
    @SuppressWarnings("unchecked")
    private Outcome engineResponse(Exchange exchange, Map<String, Object> result, @Nullable CostReport cost) {
        var body = new LinkedHashMap<String, Object>(result);
        if (cost != null && cost.wanted()) {
            addCost(body, cost);
        }
        if (cost != null) {
            UnsupportedDirectives.hideFromIntrospection(cost.allowed().document(), cost.operationName(), body);
        }
        if (body.get("errors") instanceof List<?> errors) {
            var tagged = new ArrayList<Object>();
            for (Object error : errors) {
                tagged.add(
                        error instanceof Map<?, ?> map ? tag((Map<String, Object>) map, exchange.requestId()) : error);
            }
            body.put("errors", tagged);
        }
        return body.containsKey("data") ? new Outcome(OK, body) : requestError(exchange, body);
    }

    @SuppressWarnings("unchecked")
    private void addCost(Map<String, Object> body, CostReport cost) {
        var extensions = body.get("extensions") instanceof Map<?, ?> map
                ? new LinkedHashMap<String, Object>((Map<String, Object>) map)
                : new LinkedHashMap<String, Object>();
        var report = new LinkedHashMap<String, Object>();
        report.put("estimated", cost.allowed().estimatedCost());
        report.put("actual", guard.actualCost(cost.schema(), cost.allowed(), cost.operationName(), body.get("data")));
        report.put("limit", properties.limits().maxCost());
        extensions.put("cost", report);
        body.put("extensions", extensions);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> tag(Map<String, Object> error, String requestId) {
        var copy = new LinkedHashMap<String, Object>(error);
        if (copy.get("message") instanceof String message) {
            copy.put("message", guard.maskSuggestions(message));
        }
        var extensions = copy.get("extensions") instanceof Map<?, ?> map
                ? new LinkedHashMap<String, Object>((Map<String, Object>) map)
                : new LinkedHashMap<String, Object>();
        extensions.putIfAbsent("requestId", requestId);
        extensions.putIfAbsent("code", codeOf(extensions.get("classification")));
        copy.put("extensions", extensions);
        return copy;
    }

    /** A code for an error that came without one (a subgraph's or graphql-java's), from its classification. */
    static String codeOf(@Nullable Object classification) {
        return switch (classification instanceof String name ? name : "") {
            case "InvalidSyntax" -> "GRAPHQL_PARSE_FAILED";
            case "ValidationError" -> "GRAPHQL_VALIDATION_FAILED";
            case "BAD_REQUEST" -> "BAD_USER_INPUT";
            case "UNAUTHORIZED" -> "UNAUTHENTICATED";
            case "FORBIDDEN" -> "FORBIDDEN";
            case "NOT_FOUND" -> "NOT_FOUND";
            default -> "INTERNAL_SERVER_ERROR";
        };
    }

    private static Outcome internalError(String requestId) {
        return new Outcome(
                500,
                errors(
                        requestId,
                        "INTERNAL_SERVER_ERROR",
                        "The gateway failed to answer; quote request id " + requestId + " when reporting it"));
    }

    private static Map<String, Object> errors(String requestId, String code, String message) {
        return EdgeErrors.response(List.of(EdgeErrors.error(message, code, requestId)));
    }

    private static @Nullable String checkContentType(@Nullable String contentType) {
        if (contentType == null) {
            return "POST requests need Content-Type: application/json";
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            return "The Content-Type is not valid";
        }
        if (!MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)) {
            return "POST requests need Content-Type: application/json";
        }
        String charset = type.getParameter("charset");
        return charset == null || charset.equalsIgnoreCase("utf-8") ? null : "Only UTF-8 request bodies are accepted";
    }

    /** Checked before Jackson sees the body: Jackson's own decoder accepts overlong forms and guesses UTF-16/32. */
    private static @Nullable String encodingProblem(byte[] body) {
        String problem = StrictUtf8.problem(body, body.length, "The request body");
        return problem != null ? problem : StrictUtf8.jsonProblem(body, body.length);
    }

    private static byte[] readAtMost(HttpServletRequest request, long maxBytes) throws BodyReadTimeoutException {
        try (InputStream in = request.getInputStream()) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 1, maxBytes + 1));
        } catch (BodyReadTimeoutException e) {
            throw e;
        } catch (IOException e) {
            throw new MalformedRequestException("The request body could not be read");
        }
    }

    private @Nullable Map<String, Object> jsonParameter(@Nullable String value, String name) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        String problem = StrictUtf8.jsonProblem(bytes, bytes.length);
        if (problem != null) {
            throw new MalformedRequestException(StrictUtf8.INVALID_UTF8, "'" + name + "': " + problem);
        }
        try {
            return GraphQlRequest.map(json.readValue(bytes, Object.class), name);
        } catch (JacksonException e) {
            throw new MalformedRequestException("'" + name + "' must be a JSON object");
        }
    }

    private ResponseEntity<byte[]> respond(Outcome outcome, ResponseFormat format) {
        // x-request-id is on the response already (edge.RequestIdFilter, in front of every path)
        var response = ResponseEntity.status(outcome.status()).contentType(format.mediaType());
        if (outcome.allowPostOnly()) {
            response.header(HttpHeaders.ALLOW, "POST");
        }
        outcome.headers().forEach(response::header);
        return response.body(json.writeValueAsBytes(outcome.body()));
    }

    /**
     * The answer as the route's response: the same status, headers and bytes (written by the byte-array converter,
     * no copy); a 304 has no body.
     */
    private static ServerResponse toServerResponse(ResponseEntity<byte[]> answer) {
        var response =
                ServerResponse.status(answer.getStatusCode()).headers(headers -> headers.addAll(answer.getHeaders()));
        byte[] body = answer.getBody();
        return body == null ? response.build() : response.body(body);
    }

    /** One request being answered: headers are read from the route's request, the body from the servlet's. */
    private record Exchange(ServerRequest request, ResponseFormat format, String requestId, UserContext user) {

        HttpServletRequest servlet() {
            return request.servletRequest();
        }

        @Nullable
        String header(String name) {
            return request.headers().firstHeader(name);
        }
    }

    /** A status and body; {@code allowPostOnly} adds {@code Allow: POST}; {@code headers} are added as they are. */
    private record Outcome(int status, Object body, boolean allowPostOnly, Map<String, String> headers) {
        Outcome(int status, Object body) {
            this(status, body, false);
        }

        Outcome(int status, Object body, boolean allowPostOnly) {
            this(status, body, allowPostOnly, Map.of());
        }
    }

    /** Either a finished outcome or the engine's running execution. */
    private sealed interface Pending {
        record Done(Outcome outcome) implements Pending {}

        record Running(Future<Map<String, Object>> execution, CostReport cost) implements Pending {}
    }

    private Outcome await(Pending pending, Exchange exchange, long deadlineNanos) {
        return switch (pending) {
            case Pending.Done done -> done.outcome();
            case Pending.Running running -> awaitEngine(running, exchange, deadlineNanos);
        };
    }

    private Outcome awaitEngine(Pending.Running running, Exchange exchange, long deadlineNanos) {
        var execution = running.execution();
        var timedOut = new AtomicBoolean();
        var deadline = execution.isDone()
                ? null
                : deadlines.schedule(
                        () -> {
                            // before the cancellation wakes the waiting request
                            timedOut.set(true);
                            execution.cancel(true);
                        },
                        Math.max(0, deadlineNanos - System.nanoTime()),
                        TimeUnit.NANOSECONDS);
        try {
            return engineResponse(exchange, execution.get(), running.cost());
        } catch (CancellationException e) {
            if (!timedOut.get()) {
                throw e;
            }
            log.warn("Request {} timed out after {}", exchange.requestId(), properties.requestTimeout());
            return new Outcome(
                    504,
                    errors(
                            exchange.requestId(),
                            "GATEWAY_TIMEOUT",
                            "The request took longer than "
                                    + properties.requestTimeout().toSeconds() + " s"));
        } catch (ExecutionException e) {
            log.error("Request {} failed in the federation engine", exchange.requestId(), e.getCause());
            return internalError(exchange.requestId());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(503, errors(exchange.requestId(), "UNAVAILABLE", "The gateway is shutting down"));
        } finally {
            if (deadline != null) {
                deadline.cancel(false);
            }
        }
    }
}
