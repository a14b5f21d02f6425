package com.refractoryatlas.gateway.federation;

import com.refractoryatlas.gateway.federation.CompositionResult.Composed;
import com.refractoryatlas.gateway.federation.CompositionResult.Failed;
import com.refractoryatlas.gateway.federation.QueryPlanner.PlanningException;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.ParseAndValidate;
import graphql.execution.ExecutionId;
import graphql.execution.RawVariables;
import graphql.execution.ValuesResolver;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.AstPrinter;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The federation engine: keeps the last good supergraph in service (recomposing when a subgraph's SDL changes),
 * caches parsed, validated and planned operations, and executes them against the subgraphs. Plain Java, so it runs
 * in unit tests with in-process subgraphs exactly as in the gateway.
 */
public final class SupergraphEngine implements FederationEngine, AutoCloseable {

    static final String SDL_QUERY = "{ _service { sdl } }";
    private static final String DEBUG_PLAN_HEADER = "x-atlas-debug-plan";
    private static final Duration NOT_READY_RETRY = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(SupergraphEngine.class);

    private final List<String> subgraphs;
    private final SubgraphTransport transport;
    private final @Nullable SubgraphStreams streams;
    private final Settings settings;
    private final Composer composer = new Composer();
    private final ExecutorService parallel = Executors.newVirtualThreadPerTaskExecutor();
    private final PlanExecutor executor;
    private final AtomicReference<@Nullable Serving> serving = new AtomicReference<>();
    private volatile List<CompositionError> lastErrors = List.of();
    private volatile @Nullable String lastRejectedFingerprint;
    private @Nullable ScheduledExecutorService scheduler;

    /**
     * Engine settings.
     *
     * @param pollInterval how often subgraph SDLs are fetched to detect changes (and, until ready, retried)
     * @param operationCacheSize how many distinct operations keep their parsed, validated, planned form
     * @param deduplicateOperations whether a query identical to one being executed (text, operation name, variables,
     *     identity headers) shares that execution's response
     * @param projectResponses whether an operation's responses are shaped by its {@link ResponseProjection} (with
     *     graphql-java only for those it cannot shape) rather than by graphql-java always
     */
    public record Settings(
            Duration pollInterval, int operationCacheSize, boolean deduplicateOperations, boolean projectResponses) {

        public Settings(Duration pollInterval, int operationCacheSize) {
            this(pollInterval, operationCacheSize, false);
        }

        public Settings(Duration pollInterval, int operationCacheSize, boolean deduplicateOperations) {
            this(pollInterval, operationCacheSize, deduplicateOperations, true);
        }
    }

    public SupergraphEngine(List<String> subgraphs, SubgraphTransport transport, Settings settings) {
        this(subgraphs, transport, null, settings);
    }

    /** An engine that also runs subscriptions, following each subgraph stream through {@code streams}. */
    public SupergraphEngine(
            List<String> subgraphs, SubgraphTransport transport, @Nullable SubgraphStreams streams, Settings settings) {
        this.subgraphs = List.copyOf(subgraphs);
        this.transport = transport;
        this.streams = streams;
        this.settings = settings;
        this.executor = new PlanExecutor(transport, parallel);
    }

    /** What one refresh did. */
    public sealed interface Refresh {
        /** A new supergraph is in service. */
        record Updated(Supergraph supergraph) implements Refresh {}

        /** No SDL changed. */
        record Unchanged() implements Refresh {}

        /** A subgraph did not give its SDL; the last good supergraph (if any) stays in service. */
        record Unreachable(String subgraph, String reason) implements Refresh {}

        /** The SDLs do not compose; the last good supergraph (if any) stays in service. */
        record Rejected(List<CompositionError> errors) implements Refresh {}
    }

    /** Starts composing in the background now and re-checking the subgraphs' SDLs every poll interval. */
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofVirtual().name("supergraph-refresh").factory());
        scheduler.execute(this::tick);
    }

    /** Refreshes, then schedules the next refresh: soon while nothing is served yet, every poll interval after. */
    private void tick() {
        refreshQuietly();
        synchronized (this) {
            if (scheduler == null || scheduler.isShutdown()) {
                return;
            }
            var delay = ready() ? settings.pollInterval() : min(settings.pollInterval(), NOT_READY_RETRY);
            scheduler.schedule(this::tick, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
        parallel.shutdownNow();
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("Supergraph refresh failed", e);
        }
    }

    /** Fetches every subgraph's SDL and recomposes if any changed; never replaces a good supergraph by a bad one. */
    public synchronized Refresh refresh() {
        var sdls = new ArrayList<SubgraphSdl>();
        for (var subgraph : subgraphs) {
            try {
                sdls.add(new SubgraphSdl(subgraph, fetchSdl(subgraph)));
            } catch (RuntimeException e) {
                log.debug("Subgraph '{}' gave no SDL: {}", subgraph, e.getMessage());
                return new Refresh.Unreachable(subgraph, String.valueOf(e.getMessage()));
            }
        }
        return install(sdls);
    }

    /** Composes the given SDLs and, if they compose and differ from the served ones, serves the result. */
    public synchronized Refresh install(List<SubgraphSdl> sdls) {
        var result = composer.compose(sdls);
        return switch (result) {
            case Composed composed -> serve(composed.supergraph());
            case Failed failed -> reject(sdls, failed.errors());
        };
    }

    private Refresh serve(Supergraph supergraph) {
        var current = serving.get();
        if (current != null && current.supergraph.fingerprint().equals(supergraph.fingerprint())) {
            return new Refresh.Unchanged();
        }
        serving.set(new Serving(supergraph, executor, settings));
        lastErrors = List.of();
        lastRejectedFingerprint = null;
        log.info("Serving a supergraph composed from {}", supergraph.subgraphs());
        return new Refresh.Updated(supergraph);
    }

    private Refresh reject(List<SubgraphSdl> sdls, List<CompositionError> errors) {
        var fingerprint = sdls.toString();
        if (!fingerprint.equals(lastRejectedFingerprint)) {
            log.error("Subgraphs do not compose, keeping the last good supergraph: {}", errors);
            lastRejectedFingerprint = fingerprint;
        }
        lastErrors = List.copyOf(errors);
        return new Refresh.Rejected(errors);
    }

    private String fetchSdl(String subgraph) {
        var response = transport.execute(subgraph, SDL_QUERY, Map.of(), Map.of());
        if (response.get("data") instanceof Map<?, ?> data
                && data.get("_service") instanceof Map<?, ?> service
                && service.get("sdl") instanceof String sdl) {
            return sdl;
        }
        throw new SubgraphUnavailableException(subgraph, "no _service.sdl in its response", null);
    }

    /** The supergraph in service, if any. */
    public Optional<Supergraph> current() {
        var current = serving.get();
        return current == null ? Optional.empty() : Optional.of(current.supergraph);
    }

    /** The errors of the last composition attempt that failed after the last success (empty if none). */
    public List<CompositionError> lastCompositionErrors() {
        return lastErrors;
    }

    @Override
    public Optional<GraphQLSchema> supergraph() {
        return current().map(Supergraph::apiSchema);
    }

    /** The plan the engine would run for the operation, for developers inspecting which subgraph is asked what. */
    public Optional<QueryPlan> plan(String query, @Nullable String operationName) {
        var current = serving.get();
        if (current == null) {
            return Optional.empty();
        }
        var prepared = current.prepare(query, operationName);
        return Optional.ofNullable(prepared.plan());
    }

    @Override
    public Map<String, Object> execute(Request request) {
        try {
            var current = serving.get();
            if (current == null) {
                return errorResponse("The supergraph is not composed yet", "SUPERGRAPH_UNAVAILABLE");
            }
            return current.execute(request, wantsPlan(request));
        } catch (RuntimeException e) {
            log.error("Unexpected failure executing an operation", e);
            return errorResponse("Internal gateway error", "INTERNAL_SERVER_ERROR");
        }
    }

    @Override
    public EventStream subscribe(Request request) {
        var current = serving.get();
        if (current == null) {
            return EventStream.of(
                    List.of(errorResponse("The supergraph is not composed yet", "SUPERGRAPH_UNAVAILABLE")));
        }
        if (streams == null) {
            return EventStream.of(
                    List.of(errorResponse("This gateway runs no subscriptions", "SUBSCRIPTIONS_NOT_SUPPORTED")));
        }
        try {
            return current.subscribe(request, streams);
        } catch (RuntimeException e) {
            log.error("Unexpected failure starting a subscription", e);
            return EventStream.of(List.of(errorResponse("Internal gateway error", "INTERNAL_SERVER_ERROR")));
        }
    }

    private static boolean wantsPlan(Request request) {
        for (var header : request.headers().entrySet()) {
            if (header.getKey().equalsIgnoreCase(DEBUG_PLAN_HEADER) && "true".equalsIgnoreCase(header.getValue())) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Object> errorResponse(String message, String code) {
        var error = new LinkedHashMap<String, Object>();
        error.put("message", message);
        error.put("extensions", Map.of("code", code));
        return Map.of("errors", List.of(error));
    }

    /**
     * A parsed and validated operation with its plan (or why it has none) and, when it has one, the projection that
     * shapes its response without graphql-java (null: graphql-java shapes every response of it).
     */
    private record Prepared(
            PreparsedDocumentEntry entry,
            @Nullable QueryPlan plan,
            @Nullable GraphQLError planningError,
            boolean usesAliases,
            @Nullable ResponseProjection projection) {

        Prepared(PreparsedDocumentEntry entry) {
            this(entry, null, null, true, null);
        }
    }

    /** A client query being executed, as far as deduplication tells identical ones apart. */
    private record InFlightOperation(
            String query,
            @Nullable String operationName,
            Map<String, Object> variables,
            Map<String, String> identity) {}

    /** One supergraph in service with its executable schema and operation caches. */
    private static final class Serving {
        final Supergraph supergraph;
        final QueryPlanner planner;
        final GraphQL graphql;
        /** Executes operations without aliases, reading fields by name without a per-field environment. */
        final GraphQL unaliasedGraphql;

        final PlanExecutor executor;
        final int cacheSize;
        final boolean deduplicate;
        final boolean projectResponses;
        final Map<InFlightOperation, CompletableFuture<Map<String, Object>>> inFlight = new ConcurrentHashMap<>();
        final Map<String, Prepared> byText = new ConcurrentHashMap<>();
        final Map<String, QueryPlan> byNormalizedDocument = new ConcurrentHashMap<>();

        Serving(Supergraph supergraph, PlanExecutor executor, Settings settings) {
            this.supergraph = supergraph;
            this.executor = executor;
            this.deduplicate = settings.deduplicateOperations();
            this.projectResponses = settings.projectResponses();
            this.planner = new QueryPlanner(supergraph);
            this.cacheSize = settings.operationCacheSize();
            var strategy = new ShapingExecutionStrategy(executor);
            this.graphql = executable(supergraph.apiSchema(), strategy);
            this.unaliasedGraphql = executable(SupergraphWiring.unaliased(supergraph.apiSchema()), strategy);
        }

        private static GraphQL executable(GraphQLSchema schema, ShapingExecutionStrategy strategy) {
            var executions = new AtomicLong();
            return GraphQL.newGraphQL(schema)
                    .queryExecutionStrategy(strategy)
                    .mutationExecutionStrategy(strategy)
                    // a subscription event is shaped like a query's answer: the stream is the engine's, not
                    // graphql-java's
                    .subscriptionExecutionStrategy(strategy)
                    .preparsedDocumentProvider((input, parse) -> CompletableFuture.completedFuture(
                            input.getGraphQLContext().get(PreparsedDocumentEntry.class)))
                    // a counter instead of a random UUID per request: nothing outside this process sees the id
                    .executionIdProvider((query, operationName, context) ->
                            ExecutionId.from(Long.toString(executions.incrementAndGet())))
                    .build();
        }

        Map<String, Object> execute(Request request, boolean includePlan) {
            var prepared = prepare(request.query(), request.operationName());
            if (!deduplicate
                    || includePlan
                    || prepared.plan() == null
                    || prepared.plan().mutation()) {
                return execute(prepared, request, includePlan);
            }
            var key = new InFlightOperation(
                    request.query(), request.operationName(), request.variables(), identity(request.headers()));
            var leader = new CompletableFuture<Map<String, Object>>();
            var running = inFlight.putIfAbsent(key, leader);
            if (running != null) {
                return new LinkedHashMap<>(running.join());
            }
            try {
                var response = execute(prepared, request, false);
                leader.complete(response);
                return response;
            } catch (RuntimeException e) {
                leader.completeExceptionally(e);
                throw e;
            } finally {
                inFlight.remove(key, leader);
            }
        }

        /**
         * Opens the subgraph stream of the subscription's one root fetch; each event then runs the rest of the plan
         * (entity batches for the fields other subgraphs own) and is shaped by graphql-java as a query's answer is.
         */
        EventStream subscribe(Request request, SubgraphStreams streams) {
            var prepared = prepare(request.query(), request.operationName());
            if (prepared.entry().hasErrors() || prepared.plan() == null) {
                return EventStream.of(List.of(execute(prepared, request, false)));
            }
            var plan = prepared.plan();
            var document = prepared.entry().getDocument();
            var coerced = coerce(document, request);
            if (coerced == null) {
                return EventStream.of(List.of(shaped(prepared, request, null)));
            }
            var fetch = plan.rootFetches().getFirst();
            SubgraphStreams.Stream stream;
            try {
                stream = streams.open(
                        fetch.subgraph(),
                        fetch.query(),
                        PlanExecutor.subset(request.variables(), fetch.variables()),
                        request.headers());
            } catch (SubgraphUnavailableException e) {
                var outcome = executor.runFromEvent(plan, null, e, request.variables(), coerced, request.headers());
                return EventStream.of(List.of(shaped(prepared, request, outcome)));
            }
            return new FollowedStream(this, prepared, request, coerced, stream);
        }

        private @Nullable Map<String, Object> coerce(Document document, Request request) {
            var operation = document.getDefinitionsOfType(OperationDefinition.class).stream()
                    .filter(o -> request.operationName() == null
                            || request.operationName().isEmpty()
                            || request.operationName().equals(o.getName()))
                    .findFirst()
                    .orElse(null);
            if (operation == null) {
                return null;
            }
            try {
                return ValuesResolver.coerceVariableValues(
                                supergraph.apiSchema(),
                                operation.getVariableDefinitions(),
                                RawVariables.of(request.variables()),
                                GraphQLContext.getDefault(),
                                java.util.Locale.getDefault())
                        .toMap();
            } catch (RuntimeException e) {
                return null;
            }
        }

        private static Map<String, String> identity(Map<String, String> headers) {
            var identity = new java.util.TreeMap<String, String>();
            headers.forEach((name, value) -> {
                var lower = name.toLowerCase(java.util.Locale.ROOT);
                if (HttpSubgraphTransport.IDENTITY_HEADERS.contains(lower)) {
                    identity.put(lower, value);
                }
            });
            return identity;
        }

        private Map<String, Object> execute(Prepared prepared, Request request, boolean includePlan) {
            if (prepared.entry().hasErrors()) {
                return ExecutionResult.newExecutionResult()
                        .errors(List.<GraphQLError>copyOf(prepared.entry().getErrors()))
                        .build()
                        .toSpecification();
            }
            if (prepared.plan() == null) {
                return ExecutionResult.newExecutionResult()
                        .addError(prepared.planningError())
                        .build()
                        .toSpecification();
            }
            var response = projected(prepared, request);
            if (response == null) {
                response = shaped(prepared, request, null);
            }
            if (includePlan) {
                @SuppressWarnings("unchecked")
                var extensions = response.get("extensions") instanceof Map<?, ?> map
                        ? new LinkedHashMap<>((Map<String, Object>) map)
                        : new LinkedHashMap<String, Object>();
                extensions.put("queryPlan", prepared.plan().describe());
                response.put("extensions", extensions);
            }
            return response;
        }

        /**
         * The response shaped by the operation's projection straight from the merged subgraph results; when it cannot
         * (errors, nulls in non-null positions: see {@link ResponseProjection}), graphql-java shapes the results
         * already fetched. Null when the operation has no projection or its variables do not coerce.
         */
        private @Nullable Map<String, Object> projected(Prepared prepared, Request request) {
            var projection = prepared.projection();
            var plan = prepared.plan();
            if (projection == null || plan == null) {
                return null;
            }
            var variables = projection.coerceVariables(request.variables());
            if (variables == null) {
                return null;
            }
            var outcome = executor.run(plan, request.variables(), variables, request.headers());
            var data = outcome.errors().isEmpty() ? projection.project(outcome.data(), variables) : null;
            if (data == null) {
                return shaped(prepared, request, outcome);
            }
            var response = new LinkedHashMap<String, Object>();
            response.put("data", data);
            return response;
        }

        private LinkedHashMap<String, Object> shaped(
                Prepared prepared, Request request, PlanExecutor.@Nullable Outcome fetched) {
            var input = ExecutionInput.newExecutionInput(request.query())
                    .operationName(request.operationName())
                    .variables(request.variables())
                    .graphQLContext(Map.of(
                            PreparsedDocumentEntry.class,
                            prepared.entry(),
                            ShapingExecutionStrategy.PLANNED_REQUEST,
                            new ShapingExecutionStrategy.PlannedRequest(prepared.plan(), request, fetched)))
                    .build();
            var executable = prepared.usesAliases() ? graphql : unaliasedGraphql;
            return new LinkedHashMap<>(
                    NonNullErrors.reworded(executable.execute(input)).toSpecification());
        }

        Prepared prepare(String query, @Nullable String operationName) {
            var key = operationName + "\n" + query;
            var prepared = byText.get(key);
            if (prepared == null) {
                prepared = parseValidatePlan(query, operationName);
                if (byText.size() >= cacheSize) {
                    byText.clear();
                    byNormalizedDocument.clear();
                }
                byText.put(key, prepared);
            }
            return prepared;
        }

        private Prepared parseValidatePlan(String query, @Nullable String operationName) {
            Document document;
            try {
                document = Parser.parse(query);
            } catch (InvalidSyntaxException e) {
                return new Prepared(new PreparsedDocumentEntry(e.toInvalidSyntaxError()));
            }
            var validationErrors = ParseAndValidate.validate(supergraph.apiSchema(), document);
            if (!validationErrors.isEmpty()) {
                return new Prepared(new PreparsedDocumentEntry(List.<GraphQLError>copyOf(validationErrors)));
            }
            var entry = new PreparsedDocumentEntry(document);
            boolean aliases = SupergraphWiring.usesAliases(document);
            var normalized = operationName + "\n" + AstPrinter.printAstCompact(document);
            var plan = byNormalizedDocument.get(normalized);
            if (plan != null) {
                return new Prepared(entry, plan, null, aliases, projection(document, operationName));
            }
            try {
                plan = planner.plan(document, operationName);
                byNormalizedDocument.put(normalized, plan);
                return new Prepared(entry, plan, null, aliases, projection(document, operationName));
            } catch (PlanningException e) {
                return new Prepared(
                        entry,
                        null,
                        GraphqlErrorBuilder.newError()
                                .message(e.getMessage())
                                .extensions(Map.of("code", "QUERY_PLANNING_FAILED"))
                                .build(),
                        aliases,
                        null);
            }
        }

        private @Nullable ResponseProjection projection(Document document, @Nullable String operationName) {
            return projectResponses ? ResponseProjection.of(supergraph.apiSchema(), document, operationName) : null;
        }
    }

    /** A subgraph stream followed through the plan: each event completed with the other subgraphs' fields. */
    private static final class FollowedStream implements EventStream {
        private final Serving serving;
        private final Prepared prepared;
        private final Request request;
        private final Map<String, Object> coerced;
        private final SubgraphStreams.Stream stream;
        private volatile boolean ended;

        FollowedStream(
                Serving serving,
                Prepared prepared,
                Request request,
                Map<String, Object> coerced,
                SubgraphStreams.Stream stream) {
            this.serving = serving;
            this.prepared = prepared;
            this.request = request;
            this.coerced = coerced;
            this.stream = stream;
        }

        @Override
        public @Nullable Map<String, Object> next() {
            if (ended) {
                return null;
            }
            var plan = prepared.plan();
            Map<String, Object> event;
            try {
                event = stream.next();
            } catch (SubgraphUnavailableException e) {
                ended = true;
                stream.close();
                var outcome =
                        serving.executor.runFromEvent(plan, null, e, request.variables(), coerced, request.headers());
                return serving.shaped(prepared, request, outcome);
            }
            if (event == null) {
                ended = true;
                return null;
            }
            var outcome =
                    serving.executor.runFromEvent(plan, event, null, request.variables(), coerced, request.headers());
            return serving.shaped(prepared, request, outcome);
        }

        @Override
        public void close() {
            ended = true;
            stream.close();
        }
    }
}
