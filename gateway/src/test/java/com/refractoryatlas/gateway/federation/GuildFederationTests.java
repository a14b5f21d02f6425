package com.refractoryatlas.gateway.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.gateway.federation.CompositionResult.Composed;
import com.refractoryatlas.gateway.federation.CompositionResult.Failed;
import com.refractoryatlas.gateway.federation.SupergraphEngine.Refresh;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Federation directives as The Guild's gateway benchmark uses them ({@code @key} on type extensions,
 * {@code @external}, {@code @requires} across subgraphs, {@code @provides}), with its subgraph SDL in the Federation 1
 * form async-graphql prints and in the Federation 2 form.
 */
class GuildFederationTests {

    private static final JsonMapper JSON = new JsonMapper();

    private static Supergraph composed(String form) {
        var result = new Composer().compose(new GuildSubgraphs(form).sdls());
        assertThat(result).isInstanceOf(Composed.class);
        return ((Composed) result).supergraph();
    }

    @Nested
    class Composition {

        @ParameterizedTest
        @ValueSource(strings = {"federation1", "federation2"})
        void keyFieldsOfATypeExtensionAreResolvableWhereTheyAreExternal(String form) {
            var supergraph = composed(form);

            assertThat(supergraph.resolves("inventory", "Product", "upc")).isTrue();
            assertThat(supergraph.resolves("reviews", "Product", "upc")).isTrue();
            assertThat(supergraph.resolves("reviews", "User", "id")).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"federation1", "federation2"})
        void otherExternalFieldsStayOwnedByTheirBaseSubgraph(String form) {
            var supergraph = composed(form);

            assertThat(supergraph.resolvers("Product", "price")).containsExactly("products");
            assertThat(supergraph.resolvers("User", "username")).containsExactly("accounts");
            assertThat(supergraph.requires("inventory", "Product", "shippingEstimate"))
                    .isNotNull();
            assertThat(supergraph.provides("reviews", "Review", "author")).isNotNull();
        }

        @Test
        void anExternalKeyFieldOfAFederationTwoTypeThatIsNoExtensionStaysExternal() {
            // as @apollo/composition composes it: @join__field(graph: OTHER, external: true) on Item.id
            var owner = new SubgraphSdl("owner", """
                    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
                    type Query { item: Item }
                    type Item @key(fields: "id") { id: ID! name: String }
                    """);
            var other = new SubgraphSdl("other", """
                    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external"])
                    type Item @key(fields: "id") { id: ID! @external extra: String }
                    """);

            var result = new Composer().compose(List.of(owner, other));

            assertThat(result).isInstanceOf(Composed.class);
            assertThat(((Composed) result).supergraph().resolves("other", "Item", "id"))
                    .isFalse();
        }

        @Test
        void aCompositionThePlannerCannotServeIsAnError() {
            var link =
                    "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\", import: [\"@shareable\"])\n";
            var a = new SubgraphSdl(
                    "a", link + "type Query { a: Author } type Author @shareable { name: String kind: Int }");
            var b = new SubgraphSdl("b", link + "type Query { b: Author } type Author @shareable { name: String }");

            var result = new Composer().compose(List.of(a, b));

            assertThat(result).isInstanceOfSatisfying(Failed.class, failed -> assertThat(failed.errors())
                    .singleElement()
                    .satisfies(error -> {
                        assertThat(error.code()).isEqualTo("SATISFIABILITY_ERROR");
                        assertThat(error.message()).contains("Author.kind", "'b'");
                    }));
        }
    }

    @Nested
    class Execution {

        private GuildSubgraphs subgraphs;
        private SupergraphEngine engine;

        private void start(String form) {
            subgraphs = new GuildSubgraphs(form);
            engine = new SupergraphEngine(
                    GuildSubgraphs.NAMES, subgraphs, new SupergraphEngine.Settings(Duration.ofSeconds(10), 100));
            assertThat(engine.refresh()).isInstanceOf(Refresh.Updated.class);
            subgraphs.received.clear();
        }

        @AfterEach
        void stop() {
            if (engine != null) {
                engine.close();
            }
        }

        private String data(String query) {
            var result = engine.execute(new FederationEngine.Request(query, null, Map.of(), Map.of()));
            assertThat(result.get("errors")).as(result.toString()).isNull();
            return JSON.writeValueAsString(result.get("data"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"federation1", "federation2"})
        void requiredFieldsOfAnEntityReachedThroughAThirdSubgraphComeFromTheirOwnerFirst(String form) {
            start(form);

            var data = data("{ users { id reviews { id product { upc shippingEstimate } } } }");

            assertThat(data)
                    .startsWith(
                            "{\"users\":[{\"id\":\"1\",\"reviews\":[{\"id\":\"1\",\"product\":{\"upc\":\"1\","
                                    + "\"shippingEstimate\":50}},{\"id\":\"2\",\"product\":{\"upc\":\"1\",\"shippingEstimate\":50}}]}");
            assertThat(subgraphs.requestsTo("inventory")).singleElement().satisfies(request -> assertThat(
                            JSON.writeValueAsString(request.variables().get("representations")))
                    .isEqualTo("[{\"__typename\":\"Product\",\"upc\":\"1\",\"price\":899,\"weight\":100}]"));
            assertThat(subgraphs.requestsTo("products"))
                    .singleElement()
                    .satisfies(request -> assertThat(request.query()).contains("price", "weight"));
        }

        @Test
        void requiredFieldsTheRootSubgraphResolvesAreFetchedWithTheRootFields() {
            start("federation1");

            var data = data("{ topProducts(first: 3) { name shippingEstimate } }");

            assertThat(data)
                    .isEqualTo(
                            "{\"topProducts\":[{\"name\":\"Table\",\"shippingEstimate\":50},"
                                    + "{\"name\":\"Couch\",\"shippingEstimate\":0},{\"name\":\"Glass\",\"shippingEstimate\":10}]}");
            assertThat(subgraphs.requestsTo("products")).hasSize(1);
            assertThat(subgraphs.requestsTo("inventory")).hasSize(1);
        }

        @Test
        void providedFieldsAreTakenFromTheProvidingSubgraph() {
            start("federation1");

            var data = data("{ topProducts(first: 1) { reviews { author { username } } } }");

            assertThat(data)
                    .isEqualTo("{\"topProducts\":[{\"reviews\":[{\"author\":{\"username\":\"urigo\"}},"
                            + "{\"author\":{\"username\":\"urigo\"}}]}]}");
            assertThat(subgraphs.requestsTo("accounts")).isEmpty();
        }

        @Test
        void fieldsBeyondWhatIsProvidedComeFromTheOwner() {
            start("federation1");

            var data = data("{ topProducts(first: 1) { reviews { author { username name } } } }");

            assertThat(data).contains("\"username\":\"urigo\",\"name\":\"Uri Goldshtein\"");
            assertThat(subgraphs.requestsTo("accounts")).hasSize(1);
        }

        @ParameterizedTest
        @ValueSource(strings = {"federation1", "federation2"})
        void answersTheBenchmarkQueryWithoutErrors(String form) {
            start(form);

            var data = data(GuildSubgraphs.testQuery());

            assertThat(data).contains("\"shippingEstimate\":50", "\"name\":\"Uri Goldshtein\"");
            assertThat(data).doesNotContain("\"shippingEstimate\":null,\"upc\":\"1\"");
        }
    }

    @Nested
    class ClientOperationDeduplication {

        private final GuildSubgraphs subgraphs = new GuildSubgraphs("federation1");
        private final java.util.concurrent.atomic.AtomicInteger productRequests =
                new java.util.concurrent.atomic.AtomicInteger();

        /** The guild subgraphs, each query slowed down so that concurrent client requests overlap. */
        private SupergraphEngine engine(boolean deduplicate) {
            SubgraphTransport slow = (subgraph, query, variables, headers) -> {
                if (!query.equals(SupergraphEngine.SDL_QUERY)) {
                    if (subgraph.equals("products")) {
                        productRequests.incrementAndGet();
                    }
                    sleep();
                }
                return subgraphs.execute(subgraph, query, variables, headers);
            };
            var engine = new SupergraphEngine(
                    GuildSubgraphs.NAMES,
                    slow,
                    new SupergraphEngine.Settings(Duration.ofSeconds(10), 100, deduplicate));
            assertThat(engine.refresh()).isInstanceOf(Refresh.Updated.class);
            productRequests.set(0);
            return engine;
        }

        private static void sleep() {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private int productRequestsForTwoConcurrent(SupergraphEngine engine, String firstToken, String secondToken)
                throws Exception {
            var query = "{ topProducts(first: 2) { name } }";
            var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> engine.execute(
                    new FederationEngine.Request(query, null, Map.of(), Map.of("Authorization", firstToken))));
            for (var tries = 0; productRequests.get() == 0 && tries < 200; tries++) {
                Thread.sleep(10);
            }
            var second = engine.execute(
                    new FederationEngine.Request(query, null, Map.of(), Map.of("Authorization", secondToken)));
            assertThat(first.get()).isEqualTo(second);
            assertThat(second.get("data")).hasToString("{topProducts=[{name=Table}, {name=Couch}]}");
            return productRequests.get();
        }

        @Test
        void identicalQueriesOfTheSameIdentityInFlightAreExecutedOnceWhenEnabled() throws Exception {
            try (var engine = engine(true)) {
                assertThat(productRequestsForTwoConcurrent(engine, "Bearer a", "Bearer a"))
                        .isEqualTo(1);
            }
        }

        @Test
        void queriesOfAnotherIdentityAreExecutedAgain() throws Exception {
            try (var engine = engine(true)) {
                assertThat(productRequestsForTwoConcurrent(engine, "Bearer a", "Bearer b"))
                        .isEqualTo(2);
            }
        }

        @Test
        void everyQueryIsExecutedWhenDisabled() throws Exception {
            try (var engine = engine(false)) {
                assertThat(productRequestsForTwoConcurrent(engine, "Bearer a", "Bearer a"))
                        .isEqualTo(2);
            }
        }
    }
}
