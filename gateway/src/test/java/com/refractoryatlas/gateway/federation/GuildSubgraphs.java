package com.refractoryatlas.gateway.federation;

import static com.refractoryatlas.gateway.federation.TestSubgraphs.object;

import com.apollographql.federation.graphqljava.Federation;
import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.schema.DataFetcher;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.TypeRuntimeWiring;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * The four subgraphs of The Guild's gateway benchmark (accounts, inventory, products, reviews) in process, with its
 * data and its subgraphs' resolver semantics (inventory computes {@code shippingEstimate} from the {@code price} and
 * {@code weight} it is sent; reviews provides {@code username} along {@code Review.author}). They serve the SDL in
 * the Federation 1 or the Federation 2 form ({@code src/test/resources/guild/}); execution is the same either way.
 * Records every request.
 */
final class GuildSubgraphs implements SubgraphTransport {

    static final List<String> NAMES = List.of("accounts", "inventory", "products", "reviews");
    private static final JsonMapper JSON = new JsonMapper();

    /** One request a subgraph received. */
    record Received(String subgraph, String query, Map<String, Object> variables) {}

    private final String form;
    private final Map<String, GraphQL> subgraphs = new LinkedHashMap<>();
    final List<Received> received = new CopyOnWriteArrayList<>();

    /** @param form {@code federation1} or {@code federation2} */
    GuildSubgraphs(String form) {
        this.form = form;
        subgraphs.put("accounts", build("accounts", accounts(), this::user));
        subgraphs.put("inventory", build("inventory", RuntimeWiring.newRuntimeWiring(), GuildSubgraphs::inventory));
        subgraphs.put("products", build("products", products(), GuildSubgraphs::product));
        subgraphs.put("reviews", build("reviews", reviews(), GuildSubgraphs::reviewsEntity));
    }

    static String sdl(String form, String name) {
        return resource("/guild/" + form + "/" + name + ".graphql");
    }

    static String testQuery() {
        return resource("/guild/test-query.graphql");
    }

    List<SubgraphSdl> sdls() {
        return NAMES.stream()
                .map(name -> new SubgraphSdl(name, sdl(form, name)))
                .toList();
    }

    List<Received> requestsTo(String subgraph) {
        return received.stream().filter(r -> r.subgraph().equals(subgraph)).toList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> execute(
            String subgraph, String query, Map<String, Object> variables, Map<String, String> headers) {
        received.add(new Received(subgraph, query, variables));
        if (query.equals(SupergraphEngine.SDL_QUERY)) {
            return Map.of("data", Map.of("_service", Map.of("sdl", sdl(form, subgraph))));
        }
        var input = ExecutionInput.newExecutionInput(query)
                .variables(JSON.readValue(JSON.writeValueAsBytes(variables), Map.class))
                .build();
        var result = subgraphs.get(subgraph).execute(input).toSpecification();
        return JSON.readValue(JSON.writeValueAsBytes(result), Map.class);
    }

    // ------------------------------------------------------------------ data

    private static final List<String> USER_NAMES = List.of("Uri Goldshtein", "Dotan Simha", "Kamil Kisiela");
    private static final List<String> USERNAMES = List.of("urigo", "dotansimha", "kamilkisiela");
    private static final List<Object[]> PRODUCTS =
            List.of(new Object[] {"1", "Table", 899, 100}, new Object[] {"2", "Couch", 1299, 1000}, new Object[] {
                "3", "Glass", 15, 20
            });
    /** Review id → product upc. */
    private static final List<String> REVIEW_PRODUCTS = List.of("1", "1", "2", "3");

    private Object user(Map<String, Object> representation) {
        var index = Integer.parseInt((String) representation.get("id")) - 1;
        return index < 0 || index >= USER_NAMES.size() ? null : userAt(index);
    }

    private static Map<String, Object> userAt(int index) {
        return object(
                "User",
                "id",
                String.valueOf(index + 1),
                "name",
                USER_NAMES.get(index),
                "username",
                USERNAMES.get(index),
                "birthday",
                1234567890);
    }

    private static Object inventory(Map<String, Object> representation) {
        var upc = (String) representation.get("upc");
        return object(
                "Product",
                "upc",
                upc,
                "inStock",
                !upc.equals("2"),
                "price",
                representation.get("price"),
                "weight",
                representation.get("weight"));
    }

    private static Object product(Map<String, Object> representation) {
        return PRODUCTS.stream()
                .filter(p -> p[0].equals(representation.get("upc")))
                .findFirst()
                .map(GuildSubgraphs::productOf)
                .orElse(null);
    }

    private static Map<String, Object> productOf(Object[] p) {
        return object("Product", "upc", p[0], "name", p[1], "price", p[2], "weight", p[3]);
    }

    private static Map<String, Object> review(int index) {
        return object(
                "Review",
                "id",
                String.valueOf(index + 1),
                "body",
                "review " + (index + 1),
                "product",
                object("Product", "upc", REVIEW_PRODUCTS.get(index)));
    }

    private static Object reviewsEntity(Map<String, Object> representation) {
        return switch ((String) representation.get("__typename")) {
            case "Review" -> review(Integer.parseInt((String) representation.get("id")) - 1);
            case "User" -> object("User", "id", representation.get("id"), "username", "user");
            default -> object("Product", "upc", representation.get("upc"));
        };
    }

    // ------------------------------------------------------------------ wiring

    private static RuntimeWiring.Builder accounts() {
        return RuntimeWiring.newRuntimeWiring()
                .type(TypeRuntimeWiring.newTypeWiring("Query")
                        .dataFetcher("me", env -> userAt(0))
                        .dataFetcher("users", env -> IntStream.range(0, USER_NAMES.size())
                                .mapToObj(GuildSubgraphs::userAt)
                                .toList()));
    }

    private static RuntimeWiring.Builder products() {
        return RuntimeWiring.newRuntimeWiring()
                .type(TypeRuntimeWiring.newTypeWiring("Query").dataFetcher("topProducts", env -> PRODUCTS.stream()
                        .limit(env.<Integer>getArgument("first"))
                        .map(GuildSubgraphs::productOf)
                        .toList()));
    }

    private static RuntimeWiring.Builder reviews() {
        DataFetcher<Object> productReviews = env -> {
            Map<String, Object> product = env.getSource();
            var result = new ArrayList<Object>();
            for (var i = 0; i < REVIEW_PRODUCTS.size(); i++) {
                if (REVIEW_PRODUCTS.get(i).equals(product.get("upc"))) {
                    result.add(review(i));
                }
            }
            return result;
        };
        return RuntimeWiring.newRuntimeWiring()
                .type(TypeRuntimeWiring.newTypeWiring("Review")
                        .dataFetcher("author", env -> object("User", "id", "1", "username", "urigo")))
                .type(TypeRuntimeWiring.newTypeWiring("User")
                        .dataFetcher("reviews", env -> List.of(review(0), review(1))))
                .type(TypeRuntimeWiring.newTypeWiring("Product").dataFetcher("reviews", productReviews));
    }

    private static TypeRuntimeWiring inventoryProduct() {
        return TypeRuntimeWiring.newTypeWiring("Product")
                .dataFetcher("shippingEstimate", env -> {
                    Map<String, Object> product = env.getSource();
                    if (!(product.get("price") instanceof Integer price)) {
                        return null;
                    }
                    if (price > 1000) {
                        return 0;
                    }
                    return product.get("weight") instanceof Integer weight ? weight / 2 : null;
                })
                .build();
    }

    @SuppressWarnings("unchecked")
    private static GraphQL build(
            String name,
            RuntimeWiring.Builder wiring,
            java.util.function.Function<Map<String, Object>, Object> entity) {
        if (name.equals("inventory")) {
            wiring.type(inventoryProduct());
        }
        // graphql-java wants a base type under every extension: execution reads the types as plain definitions
        var executable = sdl("federation2", name).replace("extend type", "type");
        var schema = Federation.transform(executable, wiring.build())
                .fetchEntities(env -> env.<List<Map<String, Object>>>getArgument("representations").stream()
                        .map(entity)
                        .toList())
                .resolveEntityType(env -> env.getSchema()
                        .getObjectType((String) ((Map<String, Object>) env.getObject()).get("__typename")))
                .build();
        return GraphQL.newGraphQL(schema).build();
    }

    private static String resource(String path) {
        try (var in = GuildSubgraphs.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
