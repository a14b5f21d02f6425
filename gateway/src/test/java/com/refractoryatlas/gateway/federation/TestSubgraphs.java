package com.refractoryatlas.gateway.federation;

import com.apollographql.federation.graphqljava.Federation;
import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLScalarType;
import graphql.schema.TypeResolver;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.TypeRuntimeWiring;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;

/**
 * Three small in-process federated subgraphs (catalog, references, import) executed by graphql-java with Apollo's
 * federation-jvm, behind the engine's transport interface; counts and records every request, and can take a
 * subgraph down or swap its schema.
 */
final class TestSubgraphs implements SubgraphTransport {

    static final List<String> NAMES = List.of("catalog", "references", "import");

    private static final JsonMapper JSON = new JsonMapper();

    /** One request a subgraph received. */
    record Received(String subgraph, String query, Map<String, Object> variables, Map<String, String> headers) {}

    private final Map<String, GraphQL> subgraphs = new ConcurrentHashMap<>();
    private final Set<String> down = ConcurrentHashMap.newKeySet();
    final List<Received> received = new CopyOnWriteArrayList<>();
    final Map<String, Map<String, Object>> conditions = new LinkedHashMap<>();

    TestSubgraphs() {
        seedConditions();
        subgraphs.put("catalog", catalog(sdl("catalog")));
        subgraphs.put("references", references(sdl("references")));
        subgraphs.put("import", importer(sdl("import")));
    }

    static String sdl(String name) {
        try (var in = TestSubgraphs.class.getResourceAsStream("/federation/" + name + ".graphqls")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String operation(String name) {
        try (var in = TestSubgraphs.class.getResourceAsStream("/graphql-test/" + name + ".graphql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SDLs as the subgraphs print them through {@code _service { sdl }}. */
    List<SubgraphSdl> printedSdls() {
        return NAMES.stream()
                .map(name -> new SubgraphSdl(name, printedSdl(name)))
                .toList();
    }

    @SuppressWarnings("unchecked")
    String printedSdl(String name) {
        var data = (Map<String, Object>)
                execute(name, SupergraphEngine.SDL_QUERY, Map.of(), Map.of()).get("data");
        return (String) ((Map<String, Object>) data.get("_service")).get("sdl");
    }

    void takeDown(String subgraph) {
        down.add(subgraph);
    }

    void bringUp(String subgraph) {
        down.remove(subgraph);
    }

    void replace(String subgraph, GraphQL graphql) {
        subgraphs.put(subgraph, graphql);
    }

    List<Received> requestsTo(String subgraph) {
        return received.stream().filter(r -> r.subgraph().equals(subgraph)).toList();
    }

    List<Received> entityRequests() {
        return received.stream().filter(r -> r.query().contains("_entities")).toList();
    }

    void reset() {
        received.clear();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> execute(
            String subgraph, String query, Map<String, Object> variables, Map<String, String> headers) {
        received.add(new Received(subgraph, query, variables, headers));
        if (down.contains(subgraph)) {
            throw new SubgraphUnavailableException(subgraph, "connection refused", null);
        }
        var input = ExecutionInput.newExecutionInput(query)
                .variables(JSON.readValue(JSON.writeValueAsBytes(variables), Map.class))
                .build();
        var result = subgraphs.get(subgraph).execute(input).toSpecification();
        return JSON.readValue(JSON.writeValueAsBytes(result), Map.class);
    }

    // ------------------------------------------------------------------ data

    private static Map<String, Object> ref(String type, String id) {
        var map = new LinkedHashMap<String, Object>();
        map.put("__typename", type);
        map.put("id", id);
        return map;
    }

    /** An entity as a subgraph answers it: {@code __typename}, then the given field names and values in order. */
    static Map<String, Object> object(String type, Object... keyValues) {
        var map = new LinkedHashMap<String, Object>();
        map.put("__typename", type);
        for (var i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private static final Map<String, Map<String, Object>> THERAPIES = Map.of(
            "ketamine", object("Therapy", "id", "ketamine", "name", "Ketamine", "kind", "DRUG"),
            "ect", object("Therapy", "id", "ect", "name", "Electroconvulsive therapy", "kind", "PROCEDURE"),
            "surgery", object("Therapy", "id", "surgery", "name", "Epilepsy surgery", "kind", "PROCEDURE"));

    private void seedConditions() {
        conditions.put(
                "depression",
                object(
                        "Condition",
                        "id",
                        "depression",
                        "name",
                        "Depression",
                        "aliases",
                        new ArrayList<>(List.of("TRD")),
                        "specialty",
                        "PSYCHIATRY",
                        "matrix",
                        Arrays2.nested(),
                        "treatments",
                        List.of(
                                Map.of(
                                        "therapy",
                                        THERAPIES.get("ketamine"),
                                        "role",
                                        "AUGMENTATION",
                                        "evidence",
                                        List.of(ref("Reference", "r1"), ref("Reference", "r2"))),
                                Map.of(
                                        "therapy",
                                        THERAPIES.get("ect"),
                                        "role",
                                        "GOLD_STANDARD",
                                        "evidence",
                                        List.of(ref("Reference", "r2"), ref("Reference", "r3"))))));
        conditions.put(
                "epilepsy",
                object(
                        "Condition",
                        "id",
                        "epilepsy",
                        "name",
                        "Epilepsy",
                        "aliases",
                        new ArrayList<>(List.of()),
                        "specialty",
                        "NEUROLOGY",
                        "matrix",
                        null,
                        "treatments",
                        List.of(Map.of(
                                "therapy",
                                THERAPIES.get("surgery"),
                                "role",
                                "SURGICAL",
                                "evidence",
                                List.of(ref("Reference", "r3"))))));
    }

    /** Nested-list fixture with a null inside. */
    private static final class Arrays2 {
        static List<List<String>> nested() {
            var second = new ArrayList<String>();
            second.add("c");
            second.add(null);
            return List.of(List.of("a", "b"), second);
        }
    }

    private static final Map<String, Map<String, Object>> ARTICLES = Map.of(
            "a1", object("Article", "id", "a1", "title", "Refractory depression review"),
            "a2", object("Article", "id", "a2", "title", "Refractory epilepsy review"));

    private static final Map<String, Map<String, Object>> REFERENCES = Map.of(
            "r1",
            object(
                    "Reference",
                    "id",
                    "r1",
                    "title",
                    "Ketamine for TRD",
                    "year",
                    2019,
                    "authors",
                    List.of(Map.of("family", "Smith", "given", "Ann")),
                    "citedBy",
                    List.of(ARTICLES.get("a1"))),
            "r2",
            object(
                    "Reference",
                    "id",
                    "r2",
                    "title",
                    "ECT outcomes",
                    "year",
                    2020,
                    "authors",
                    List.of(Map.of("family", "Jones")),
                    "citedBy",
                    List.of(ARTICLES.get("a1"), ARTICLES.get("a2"))),
            "r3",
            object(
                    "Reference",
                    "id",
                    "r3",
                    "title",
                    "Surgery in epilepsy",
                    "year",
                    2021,
                    "authors",
                    List.of(),
                    "citedBy",
                    List.of(ARTICLES.get("a2"))));

    private static final Map<String, List<String>> CONDITION_REFERENCES =
            Map.of("depression", List.of("r1", "r2"), "epilepsy", List.of("r3"));

    private static final Map<String, List<String>> ARTICLE_CONDITIONS =
            Map.of("a1", List.of("depression"), "a2", List.of("epilepsy", "depression"));

    // ------------------------------------------------------------------ subgraphs

    static final TypeResolver BY_TYPENAME =
            env -> env.getSchema().getObjectType((String) ((Map<?, ?>) env.getObject()).get("__typename"));

    private static GraphQL federated(
            String sdl, RuntimeWiring.Builder wiring, Map<String, Function<Map<String, Object>, Object>> entities) {
        DataFetcher<?> entityFetcher = env -> {
            List<Map<String, Object>> representations = env.getArgument("representations");
            var result = new ArrayList<Object>();
            for (var representation : representations) {
                var resolver = entities.get((String) representation.get("__typename"));
                result.add(resolver == null ? null : resolver.apply(representation));
            }
            return result;
        };
        var schema = Federation.transform(sdl, wiring.build())
                .fetchEntities(entityFetcher)
                .resolveEntityType(BY_TYPENAME)
                .build();
        return GraphQL.newGraphQL(schema).build();
    }

    GraphQL catalog(String sdl) {
        var wiring = RuntimeWiring.newRuntimeWiring()
                .type(TypeRuntimeWiring.newTypeWiring("Query")
                        .dataFetcher("condition", env -> conditions.get(env.<String>getArgument("id")))
                        .dataFetcher("conditions", env -> List.copyOf(conditions.values()))
                        .dataFetcher("therapy", env -> THERAPIES.get(env.<String>getArgument("id")))
                        .dataFetcher("search", env -> search(env.getArgument("text")))
                        .dataFetcher("named", env -> List.of(conditions.get("epilepsy"), THERAPIES.get("ketamine"))))
                .type(TypeRuntimeWiring.newTypeWiring("Mutation").dataFetcher("addAlias", env -> {
                    var condition = conditions.get(env.<String>getArgument("conditionId"));
                    @SuppressWarnings("unchecked")
                    var aliases = (List<String>) condition.get("aliases");
                    aliases.add(env.getArgument("alias"));
                    return condition;
                }))
                .type(TypeRuntimeWiring.newTypeWiring("SearchResult").typeResolver(BY_TYPENAME))
                .type(TypeRuntimeWiring.newTypeWiring("Named").typeResolver(BY_TYPENAME));
        return federated(
                sdl,
                wiring,
                Map.of(
                        "Condition", r -> conditions.get((String) r.get("id")),
                        "Therapy", r -> THERAPIES.get((String) r.get("id")),
                        "Article",
                                r -> object(
                                        "Article",
                                        "id",
                                        r.get("id"),
                                        "conditions",
                                        ARTICLE_CONDITIONS.getOrDefault((String) r.get("id"), List.of()).stream()
                                                .map(conditions::get)
                                                .toList())));
    }

    private List<Object> search(String text) {
        var result = new ArrayList<Object>();
        conditions.values().stream()
                .filter(c -> ((String) c.get("name")).toLowerCase().contains(text))
                .forEach(result::add);
        THERAPIES.values().stream()
                .filter(t -> ((String) t.get("name")).toLowerCase().contains(text))
                .sorted((a, b) -> ((String) a.get("id")).compareTo((String) b.get("id")))
                .forEach(result::add);
        return result;
    }

    GraphQL references(String sdl) {
        var wiring = RuntimeWiring.newRuntimeWiring()
                .type(TypeRuntimeWiring.newTypeWiring("Query")
                        .dataFetcher("reference", env -> {
                            var id = env.<String>getArgument("id");
                            if (!REFERENCES.containsKey(id)) {
                                return DataFetcherResult.newResult()
                                        .error(GraphqlErrorBuilder.newError(env)
                                                .message("No reference '" + id + "'")
                                                .extensions(Map.of("code", "NOT_FOUND"))
                                                .build())
                                        .build();
                            }
                            return REFERENCES.get(id);
                        })
                        .dataFetcher("references", env -> List.copyOf(REFERENCES.values())))
                .type(TypeRuntimeWiring.newTypeWiring("Reference").dataFetcher("year", env -> {
                    Map<String, Object> source = env.getSource();
                    if ("r2".equals(source.get("id"))) {
                        return DataFetcherResult.newResult()
                                .error(GraphqlErrorBuilder.newError(env)
                                        .message("year withheld")
                                        .extensions(Map.of("code", "FORBIDDEN"))
                                        .build())
                                .build();
                    }
                    return source.get("year");
                }));
        return federated(
                sdl,
                wiring,
                Map.of(
                        "Reference", r -> REFERENCES.get((String) r.get("id")),
                        "Article", r -> ARTICLES.get((String) r.get("id")),
                        "Condition",
                                r -> object(
                                        "Condition",
                                        "id",
                                        r.get("id"),
                                        "references",
                                        CONDITION_REFERENCES.getOrDefault((String) r.get("id"), List.of()).stream()
                                                .map(REFERENCES::get)
                                                .toList())));
    }

    static final Map<String, Object> JOB = object(
            "ImportJob",
            "id",
            "j1",
            "status",
            "SUCCEEDED",
            "createdAt",
            "2026-11-23T10:00:00Z",
            "article",
            ref("Article", "a1"));

    GraphQL importer(String sdl) {
        var wiring = RuntimeWiring.newRuntimeWiring()
                .scalar(GraphQLScalarType.newScalar()
                        .name("DateTime")
                        .coercing(new graphql.schema.Coercing<Object, Object>() {
                            @Override
                            public Object serialize(
                                    Object value, graphql.GraphQLContext context, java.util.Locale locale) {
                                return value;
                            }
                        })
                        .build())
                .type(TypeRuntimeWiring.newTypeWiring("Query")
                        .dataFetcher("importJob", env -> "j1".equals(env.getArgument("id")) ? JOB : null));
        return federated(
                sdl,
                wiring,
                Map.of(
                        "ImportJob",
                        r -> "j1".equals(r.get("id")) ? JOB : null,
                        "Article",
                        r -> object("Article", "id", r.get("id"), "importJob", "a1".equals(r.get("id")) ? JOB : null)));
    }

    static Map<String, String> noHeaders() {
        return Collections.emptyMap();
    }
}
