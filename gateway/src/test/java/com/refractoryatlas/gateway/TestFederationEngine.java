package com.refractoryatlas.gateway;

import com.refractoryatlas.gateway.federation.EventStream;
import com.refractoryatlas.gateway.federation.FederationEngine;
import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;

/**
 * A stand-in for the federation engine in HTTP-layer tests: executes against the public contract (plus a few
 * test-only mutations) with graphql-java and canned data, and remembers the last request it was given.
 */
public final class TestFederationEngine implements FederationEngine {

    /** A document naming an operation so makes {@link #execute} throw, as an engine bug would. */
    public static final String FAILING_OPERATION = "TriggerEngineFailure";

    /** A document naming an operation so makes {@link #execute} take a minute, as a stuck subgraph would. */
    public static final String SLOW_OPERATION = "TriggerSlowEngine";

    private final GraphQLSchema schema;
    private final GraphQL graphQl;
    private final AtomicReference<@Nullable Request> lastRequest = new AtomicReference<>();

    public TestFederationEngine() {
        var registry = new TypeDefinitionRegistry();
        registry.merge(new SchemaParser().parse(read("supergraph/contract.graphqls")));
        registry.merge(new SchemaParser().parse(read("supergraph/test-only.graphqls")));
        this.schema = new SchemaGenerator().makeExecutableSchema(registry, wiring());
        this.graphQl = GraphQL.newGraphQL(schema).build();
    }

    @Override
    public Optional<GraphQLSchema> supergraph() {
        return Optional.of(schema);
    }

    @Override
    public Map<String, Object> execute(Request request) {
        lastRequest.set(request);
        if (request.query().contains(FAILING_OPERATION)) {
            throw new IllegalStateException("com.refractoryatlas.secret.Internals: connection string mongodb://x:y@z");
        }
        if (request.query().contains(SLOW_OPERATION)) {
            sleepAMinute();
        }
        var input = ExecutionInput.newExecutionInput()
                .query(request.query())
                .operationName(request.operationName())
                .variables(request.variables())
                .build();
        return graphQl.execute(input).toSpecification();
    }

    private static void sleepAMinute() {
        try {
            Thread.sleep(java.time.Duration.ofMinutes(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("cancelled", e);
        }
    }

    /** A subscription naming an operation so stays open after its first event, until the client ends it. */
    public static final String HOLD_OPEN_OPERATION = "HoldOpen";

    /** One event (a QUEUED job); then, for {@link #HOLD_OPEN_OPERATION}, nothing until closed, else the end. */
    @Override
    public EventStream subscribe(Request request) {
        lastRequest.set(request);
        var holdOpen = request.query().contains(HOLD_OPEN_OPERATION);
        var closed = new java.util.concurrent.CountDownLatch(1);
        return new EventStream() {
            private boolean sent;

            @Override
            public @Nullable Map<String, Object> next() {
                if (!sent) {
                    sent = true;
                    return Map.of("data", Map.of("importJobUpdated", Map.of("id", "job-1", "status", "QUEUED")));
                }
                if (holdOpen) {
                    try {
                        closed.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return null;
            }

            @Override
            public void close() {
                closed.countDown();
            }
        };
    }

    /** The last request the gateway sent, or null. */
    public @Nullable Request lastRequest() {
        return lastRequest.get();
    }

    public void forget() {
        lastRequest.set(null);
    }

    private static RuntimeWiring wiring() {
        DataFetcher<Object> condition = env -> condition(env.getArgumentOrDefault("id", "depression"));
        DataFetcher<Object> conditions = env -> Map.of(
                "edges", List.of(Map.of("cursor", "c1", "node", condition("depression"))),
                "pageInfo", Map.of("hasNextPage", false, "hasPreviousPage", false),
                "totalCount", 1);
        DataFetcher<Object> importDocument = env -> Map.of(
                "id", "job-1",
                "source", "test.md",
                "checksum", "abc",
                "status", "QUEUED",
                "progress", 0.0,
                "counts", Map.of("conditions", 0, "therapies", 0, "treatments", 0, "references", 0, "articles", 0),
                "errors", List.of(),
                "createdAt", "2026-01-01T00:00:00Z");
        return RuntimeWiring.newRuntimeWiring()
                .scalar(passThrough("Date"))
                .scalar(passThrough("DateTime"))
                .scalar(passThrough("JSON"))
                .type("Query", type -> type.dataFetcher("condition", condition)
                        .dataFetcher("conditions", conditions)
                        .dataFetcher("mechanisms", env -> List.of()))
                .type("Node", type -> type.typeResolver(env -> env.getSchema().getObjectType("Condition")))
                .type("Mutation", type -> type.dataFetcher("importDocument", importDocument)
                        .dataFetcher("curateCondition", condition)
                        .dataFetcher("upsertCatalog", env -> "written")
                        .dataFetcher("upsertArticle", env -> "written"))
                .build();
    }

    private static Map<String, Object> condition(String id) {
        return Map.of(
                "id", id,
                "nodeId", "Q29uZGl0aW9uOmRlcHJlc3Npb24",
                "name", "Depression",
                "aliases", List.of("TRD"),
                "specialty", "PSYCHIATRY",
                "refractoryCriteria", List.of(),
                "treatments", List.of(),
                "references", List.of(),
                "articles", List.of(),
                "mechanisms", List.of());
    }

    private static GraphQLScalarType passThrough(String name) {
        return GraphQLScalarType.newScalar()
                .name(name)
                .coercing(new Coercing<Object, Object>() {
                    @Override
                    public Object serialize(Object value) {
                        return value;
                    }

                    @Override
                    public Object parseValue(Object input) {
                        return input;
                    }

                    @Override
                    public Object parseLiteral(Object input) {
                        return input instanceof StringValue string ? string.getValue() : (Value<?>) input;
                    }
                })
                .build();
    }

    private static String read(String path) {
        try {
            return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
