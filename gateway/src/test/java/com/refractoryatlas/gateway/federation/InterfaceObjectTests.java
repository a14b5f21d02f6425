package com.refractoryatlas.gateway.federation;

import static com.refractoryatlas.gateway.federation.TestSubgraphs.object;
import static org.assertj.core.api.Assertions.assertThat;

import com.apollographql.federation.graphqljava.Federation;
import com.refractoryatlas.gateway.federation.CompositionResult.Composed;
import com.refractoryatlas.gateway.federation.CompositionResult.Failed;
import com.refractoryatlas.gateway.federation.FederationEngine.Request;
import com.refractoryatlas.gateway.federation.SupergraphEngine.Refresh;
import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.schema.DataFetcher;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.TypeRuntimeWiring;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Entity interfaces and {@code @interfaceObject} (Federation 2.3): {@code media} defines {@code interface Media
 * @key(fields: "id")} with {@code Book} and {@code Movie}; {@code reviews} knows only {@code type Media @key(fields:
 * "id") @interfaceObject} and adds {@code rating} and {@code reviews} to every implementation. Both are in-process
 * federation-jvm subgraphs, so the requests the engine sends are checked as well as its answers.
 */
class InterfaceObjectTests {

    private static final JsonMapper JSON = new JsonMapper();
    static final List<String> NAMES = List.of("media", "reviews");

    static String sdl(String name) {
        try (var in =
                InterfaceObjectTests.class.getResourceAsStream("/federation/interface-object/" + name + ".graphqls")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The two subgraphs behind the engine's transport; records every request. */
    static final class MediaSubgraphs implements SubgraphTransport {
        record Received(String subgraph, String query, Map<String, Object> variables) {}

        final List<Received> received = new CopyOnWriteArrayList<>();
        private final Map<String, GraphQL> graphs = Map.of("media", media(), "reviews", reviews());

        static final Map<String, Map<String, Object>> MEDIA = new LinkedHashMap<>();

        static {
            MEDIA.put("b1", object("Book", "id", "b1", "title", "Dune", "author", "Herbert"));
            MEDIA.put("m1", object("Movie", "id", "m1", "title", "Alien", "director", "Scott"));
            MEDIA.put("b2", object("Book", "id", "b2", "title", "Emma", "author", "Austen"));
        }

        static final Map<String, Integer> RATINGS = Map.of("b1", 5, "m1", 4, "b2", 3);

        private static GraphQL federated(
                String sdl, RuntimeWiring.Builder wiring, Function<Map<String, Object>, Object> entity) {
            DataFetcher<?> entities = env -> {
                List<Map<String, Object>> representations = env.getArgument("representations");
                var result = new ArrayList<Object>();
                representations.forEach(r -> result.add(entity.apply(r)));
                return result;
            };
            var schema = Federation.transform(sdl, wiring.build())
                    .fetchEntities(entities)
                    .resolveEntityType(TestSubgraphs.BY_TYPENAME)
                    .build();
            return GraphQL.newGraphQL(schema).build();
        }

        /** Resolves {@code Media} representations (the entity interface) to the concrete book or movie. */
        private static GraphQL media() {
            var wiring = RuntimeWiring.newRuntimeWiring()
                    .type(TypeRuntimeWiring.newTypeWiring("Query")
                            .dataFetcher("media", env -> List.copyOf(MEDIA.values()))
                            .dataFetcher("book", env -> MEDIA.get(env.<String>getArgument("id"))))
                    .type(TypeRuntimeWiring.newTypeWiring("Media").typeResolver(TestSubgraphs.BY_TYPENAME));
            return federated(sdl("media"), wiring, r -> MEDIA.get((String) r.get("id")));
        }

        /** Knows every medium only as {@code Media}. */
        private static GraphQL reviews() {
            var wiring = RuntimeWiring.newRuntimeWiring()
                    .type(TypeRuntimeWiring.newTypeWiring("Query")
                            .dataFetcher("topRated", env -> List.of(review("m1"), review("b1")))
                            .dataFetcher("reviewed", env -> review(env.getArgument("id"))));
            return federated(sdl("reviews"), wiring, r -> {
                if (!"Media".equals(r.get("__typename"))) {
                    throw new IllegalArgumentException("reviews knows no type " + r.get("__typename"));
                }
                return review((String) r.get("id"));
            });
        }

        private static Map<String, Object> review(String id) {
            return object(
                    "Media",
                    "id",
                    id,
                    "rating",
                    RATINGS.getOrDefault(id, 0),
                    "reviews",
                    List.of(id + " is good", id + " is long"));
        }

        @Override
        @SuppressWarnings("unchecked")
        public Map<String, Object> execute(
                String subgraph, String query, Map<String, Object> variables, Map<String, String> headers) {
            received.add(new Received(subgraph, query, variables));
            var input = ExecutionInput.newExecutionInput(query)
                    .variables(JSON.readValue(JSON.writeValueAsBytes(variables), Map.class))
                    .build();
            var result = graphs.get(subgraph).execute(input).toSpecification();
            return JSON.readValue(JSON.writeValueAsBytes(result), Map.class);
        }

        List<Received> entityRequestsTo(String subgraph) {
            return received.stream()
                    .filter(r -> r.subgraph().equals(subgraph) && r.query().contains("_entities"))
                    .toList();
        }
    }

    MediaSubgraphs subgraphs;
    SupergraphEngine engine;

    @BeforeEach
    void compose() {
        subgraphs = new MediaSubgraphs();
        engine = new SupergraphEngine(NAMES, subgraphs, new SupergraphEngine.Settings(Duration.ofSeconds(10), 100));
        assertThat(engine.refresh()).isInstanceOf(Refresh.Updated.class);
        subgraphs.received.clear();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    String run(String query) {
        return JSON.writeValueAsString(engine.execute(new Request(query, null, Map.of(), Map.of())));
    }

    @Nested
    class Execution {

        @Test
        void interfaceObjectFieldSelectedOnTheInterfaceComesFromItsSubgraphWithInterfaceRepresentations() {
            var response = run("{ media { id title rating } }");

            assertThat(response)
                    .isEqualTo("{\"data\":{\"media\":[{\"id\":\"b1\",\"title\":\"Dune\",\"rating\":5},"
                            + "{\"id\":\"m1\",\"title\":\"Alien\",\"rating\":4},"
                            + "{\"id\":\"b2\",\"title\":\"Emma\",\"rating\":3}]}}");
            var entities = subgraphs.entityRequestsTo("reviews");
            assertThat(entities).hasSize(1);
            // one target per implementation, so grouped by type (Apollo sends them in response order)
            assertThat(JSON.writeValueAsString(entities.getFirst().variables().get("representations")))
                    .isEqualTo("[{\"__typename\":\"Media\",\"id\":\"b1\"},{\"__typename\":\"Media\",\"id\":\"b2\"},"
                            + "{\"__typename\":\"Media\",\"id\":\"m1\"}]");
            assertThat(entities.getFirst().query()).contains("...on Media").doesNotContain("Book", "Movie");
        }

        @Test
        void fragmentsOnConcreteTypesKeepTheirTypenameAndGetInterfaceObjectFields() {
            var response = run(
                    "{ media { __typename ... on Book { author rating } ... on Movie { director" + " reviews } } }");

            assertThat(response)
                    .isEqualTo("{\"data\":{\"media\":[{\"__typename\":\"Book\",\"author\":\"Herbert\",\"rating\":5},"
                            + "{\"__typename\":\"Movie\",\"director\":\"Scott\","
                            + "\"reviews\":[\"m1 is good\",\"m1 is long\"]},"
                            + "{\"__typename\":\"Book\",\"author\":\"Austen\",\"rating\":3}]}}");
            assertThat(subgraphs.received).hasSize(2);
            assertThat(subgraphs.entityRequestsTo("reviews")).hasSize(1);
        }

        @Test
        void concreteRootFieldGetsInterfaceObjectFields() {
            var response = run("{ book(id: \"b2\") { title rating reviews } }");

            assertThat(response)
                    .isEqualTo("{\"data\":{\"book\":{\"title\":\"Emma\",\"rating\":3,"
                            + "\"reviews\":[\"b2 is good\",\"b2 is long\"]}}}");
            assertThat(JSON.writeValueAsString(subgraphs
                            .entityRequestsTo("reviews")
                            .getFirst()
                            .variables()
                            .get("representations")))
                    .isEqualTo("[{\"__typename\":\"Media\",\"id\":\"b2\"}]");
        }

        @Test
        void objectsFromTheInterfaceObjectSubgraphGetTheirConcreteTypeFromTheInterfaceSubgraph() {
            var response = run("{ topRated { __typename id rating title ... on Movie { director } ... on Book {"
                    + " author reviews } } }");

            assertThat(response)
                    .isEqualTo("{\"data\":{\"topRated\":["
                            + "{\"__typename\":\"Movie\",\"id\":\"m1\",\"rating\":4,\"title\":\"Alien\","
                            + "\"director\":\"Scott\"},"
                            + "{\"__typename\":\"Book\",\"id\":\"b1\",\"rating\":5,\"title\":\"Dune\","
                            + "\"author\":\"Herbert\",\"reviews\":[\"b1 is good\",\"b1 is long\"]}]}}");
            var media = subgraphs.entityRequestsTo("media");
            assertThat(media).hasSize(1);
            assertThat(JSON.writeValueAsString(media.getFirst().variables().get("representations")))
                    .isEqualTo("[{\"__typename\":\"Media\",\"id\":\"m1\"},{\"__typename\":\"Media\",\"id\":\"b1\"}]");
            assertThat(subgraphs.entityRequestsTo("reviews")).hasSize(1);
        }

        @Test
        void typenameAloneOfAnInterfaceObjectIsTheConcreteType() {
            var response = run("{ topRated { __typename } }");

            assertThat(response)
                    .isEqualTo("{\"data\":{\"topRated\":[{\"__typename\":\"Movie\"},{\"__typename\":\"Book\"}]}}");
        }

        @Test
        void onlyInterfaceObjectFieldsOfAnInterfaceObjectStillResolveTheConcreteType() {
            var response = run("{ reviewed(id: \"b1\") { rating } }");

            assertThat(response).isEqualTo("{\"data\":{\"reviewed\":{\"rating\":5}}}");
            // the hop to media is made although nothing of it is asked: responses are shaped by concrete type
            assertThat(subgraphs.entityRequestsTo("media")).hasSize(1);
            assertThat(subgraphs.entityRequestsTo("reviews")).isEmpty();
        }

        @Test
        void interfaceObjectTheInterfaceSubgraphDoesNotKnowIsNullWithoutErrorAsInApollo() {
            var response = run("{ reviewed(id: \"zz\") { __typename rating } }");

            assertThat(response).isEqualTo("{\"data\":{\"reviewed\":null}}");
            assertThat(subgraphs.entityRequestsTo("media")).hasSize(1);
        }

        @Test
        void planAsksEachSubgraphOncePerLevel() {
            var plan = engine.plan("{ topRated { title ... on Book { reviews } } media { rating } }", null)
                    .orElseThrow();

            assertThat(plan.batchesAt(1))
                    .extracting(QueryPlan.EntityBatch::subgraph)
                    .containsExactlyInAnyOrder("media", "reviews");
            assertThat(plan.batchesAt(2))
                    .extracting(QueryPlan.EntityBatch::subgraph)
                    .containsExactly("reviews");
            assertThat(plan.batchesAt(1).stream()
                            .filter(b -> b.subgraph().equals("reviews"))
                            .findFirst()
                            .orElseThrow()
                            .targets())
                    .extracting(QueryPlan.EntityTarget::typeName, QueryPlan.EntityTarget::representationType)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("Book", "Media"),
                            org.assertj.core.groups.Tuple.tuple("Movie", "Media"));
        }
    }

    @Nested
    class Composition {

        static CompositionResult compose(String media, String reviews) {
            return new Composer()
                    .compose(List.of(new SubgraphSdl("media", media), new SubgraphSdl("reviews", reviews)));
        }

        @Test
        void interfaceObjectFieldsBecomeFieldsOfEveryImplementation() {
            var result = compose(sdl("media"), sdl("reviews"));

            var supergraph = ((Composed) result).supergraph();
            var schema = supergraph.apiSchema();
            assertThat(schema.getObjectType("Book").getFieldDefinition("rating"))
                    .isNotNull();
            assertThat(schema.getObjectType("Movie").getFieldDefinition("reviews"))
                    .isNotNull();
            assertThat(((graphql.schema.GraphQLInterfaceType) schema.getType("Media")).getFieldDefinition("rating"))
                    .isNotNull();
            assertThat(supergraph.resolvers("Book", "rating")).containsExactly("reviews");
            assertThat(supergraph.representationType("reviews", "Book")).isEqualTo("Media");
            assertThat(supergraph.representationType("media", "Book")).isEqualTo("Book");
            assertThat(supergraph.defines("reviews", "Book")).isFalse();
            assertThat(supergraph.isInterfaceObject("reviews", "Media")).isTrue();
            assertThat(supergraph.isInterfaceObject("media", "Media")).isFalse();
        }

        @Test
        void interfaceObjectWithoutAnInterfaceAnywhereIsAnError() {
            var media = sdl("media")
                    .replace("interface Media @key(fields: \"id\")", "interface Medium")
                    .replace("implements Media", "implements Medium")
                    .replace("[Media!]!", "[Medium!]!");

            var result = compose(media, sdl("reviews"));

            assertThat(result).isInstanceOf(Failed.class);
            assertThat(((Failed) result).errors()).anySatisfy(e -> {
                assertThat(e.code()).isEqualTo("INTERFACE_OBJECT_USAGE_ERROR");
                assertThat(e.message()).contains("no subgraph defines it as an interface");
            });
        }

        @Test
        void interfaceObjectOfAnInterfaceWithoutKeyIsAnError() {
            var media = sdl("media").replace("interface Media @key(fields: \"id\")", "interface Media");

            var result = compose(media, sdl("reviews"));

            assertThat(result).isInstanceOf(Failed.class);
            assertThat(((Failed) result).errors()).anySatisfy(e -> {
                assertThat(e.code()).isEqualTo("SATISFIABILITY_ERROR");
                assertThat(e.message()).contains("is not an entity interface");
            });
        }

        @Test
        void interfaceObjectWithoutKeyIsAnError() {
            var reviews = sdl("reviews")
                    .replace("type Media @key(fields: \"id\") @interfaceObject", "type Media" + " @interfaceObject");

            var result = compose(sdl("media"), reviews);

            assertThat(result).isInstanceOf(Failed.class);
            assertThat(((Failed) result).errors()).anySatisfy(e -> {
                assertThat(e.code()).isEqualTo("INTERFACE_OBJECT_USAGE_ERROR");
                assertThat(e.message()).contains("has no @key in subgraph 'reviews'");
            });
        }

        @Test
        void implementationWithoutTheInterfaceKeyIsAnError() {
            var media = sdl("media")
                    .replace("type Movie implements Media @key(fields: \"id\")", "type Movie" + " implements Media");

            var result = compose(media, sdl("reviews"));

            assertThat(result).isInstanceOf(Failed.class);
            assertThat(((Failed) result).errors())
                    .extracting(CompositionError::code)
                    .contains("INTERFACE_KEY_NOT_ON_IMPLEMENTATION");
        }
    }
}
