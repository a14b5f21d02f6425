package com.refractoryatlas.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.refractoryatlas.gateway.TestFederationEngine;
import com.refractoryatlas.gateway.TestProperties;
import com.refractoryatlas.gateway.edge.EdgeProperties;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The cost estimate with the subgraphs' own {@code @cost}/{@code @listSize} declarations (read from their SDLs). */
class OperationCostTests {

    static final GraphQLSchema SCHEMA = new TestFederationEngine().supergraph().orElseThrow();
    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    static final CostDirectives SUBGRAPHS = CostDirectives.parse(subgraphSdls());
    static final EdgeProperties PROPERTIES = TestProperties.edge(Map.of());
    static final String README_EXAMPLE = firstGraphqlBlock(REPO.resolve("README.md"));

    final OperationGuard guard = new OperationGuard(PROPERTIES, schema -> SUBGRAPHS);

    static List<String> subgraphSdls() {
        try (Stream<Path> files = Stream.of("catalog-service", "references-service", "import-service")
                .map(service -> REPO.resolve(service).resolve("src/main/resources/graphql"))
                .flatMap(OperationCostTests::list)) {
            var sdls = new ArrayList<String>();
            for (Path file : files.toList()) {
                sdls.add(Files.readString(file));
            }
            return sdls;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Stream<Path> list(Path dir) {
        try {
            return Files.list(dir).filter(file -> file.toString().endsWith(".graphqls"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static long cost(String query, @Nullable String operationName, CostDirectives directives) {
        return OperationCost.of(SCHEMA, directives, Parser.parse(query), operationName, Map.of(), PROPERTIES.limits())
                .cost();
    }

    static long cost(String query) {
        return cost(query, null, SUBGRAPHS);
    }

    @Test
    void readsTheSubgraphsDeclarations() {
        assertThat(SUBGRAPHS.fieldWeight("Reference", "formatted")).hasValue(20);
        assertThat(SUBGRAPHS.listSize("Query", "conditions").sizedFields()).containsExactly("edges");
        // a backward page (last/before) is as large as its last: every connection slices by both counts
        for (var connection : List.of("conditions", "therapies", "references", "articles", "importJobs")) {
            assertThat(SUBGRAPHS.listSize("Query", connection).slicingArguments())
                    .as(connection)
                    .containsExactly("first", "last");
        }
        assertThat(SUBGRAPHS.listSize("Treatment", "evidence").assumedSize()).isEqualTo(5);
    }

    @Test
    void pricesTheReadmeExampleBySpecificationWithinTheDefaultLimit() {
        // conditions 1 + pageInfo 1 + 5 edges × (edge 1 + node 1 + 10 treatments × (1 + therapy 1 + 5 evidence ×
        // (1 + authors 0 + formatted 20 + 3 citedBy × (1 + importJob 1))))
        assertThat(cost(README_EXAMPLE)).isEqualTo(2 + 5 * (2 + 10 * (2 + 5 * (21 + 3 * 2))));
        assertThat(cost(README_EXAMPLE)).isLessThanOrEqualTo(PROPERTIES.limits().maxCost());
        assertThat(guard.inspect(SCHEMA, README_EXAMPLE, null, Map.of(), UserContext.anonymous(), false))
                .isInstanceOf(Verdict.Allowed.class);
    }

    @Test
    void allowsTheDeepEvidenceQueryOfTheIssue() {
        String query = "{ conditions(first: 20) { edges { node { treatments { therapy { name } evidence { title"
                + " citedBy { title importJob { status } } } } } } } }";
        assertThat(guard.inspect(SCHEMA, query, null, Map.of(), UserContext.anonymous(), false))
                .isInstanceOf(Verdict.Allowed.class);
    }

    @Test
    void everyQueryOfTheReadmeAndDocsIsWithinTheDefaultCost() throws IOException {
        var documents = new ArrayList<String>();
        for (Path file : List.of(
                REPO.resolve("README.md"),
                REPO.resolve("docs/internal-api.md"),
                REPO.resolve("references-service/README.md"))) {
            documents.addAll(graphqlBlocks(Files.readString(file)));
        }
        assertThat(documents).hasSizeGreaterThan(2);
        for (String document : documents) {
            var parsed = Parser.parse(document);
            for (var operation : parsed.getDefinitionsOfType(OperationDefinition.class)) {
                long cost = OperationCost.of(
                                SCHEMA, SUBGRAPHS, parsed, operation.getName(), Map.of(), PROPERTIES.limits())
                        .cost();
                assertThat(cost)
                        .as(document)
                        .isLessThanOrEqualTo(PROPERTIES.limits().maxCost());
            }
        }
    }

    @Test
    void costlyLeavesCarryTheirWeight() {
        assertThat(cost("{ references(first: 30) { edges { node { formatted } } } }"))
                .isEqualTo(1 + 30 * (1 + 1 + 20));
        assertThat(cost("{ references(first: 30) { edges { node { title } } } }"))
                .isEqualTo(1 + 30 * 2);
    }

    @Test
    void countsFragmentsAsExpandedButComputesEachOnce() {
        var bomb = new StringBuilder("{ mechanisms { ...F30 } } fragment F0 on Mechanism { conditions { id } }");
        for (int i = 1; i <= 30; i++) {
            bomb.append(" fragment F")
                    .append(i)
                    .append(" on Mechanism { ...F")
                    .append(i - 1)
                    .append(" ...F")
                    .append(i - 1)
                    .append(" }");
        }
        // 20 mechanisms × (1 + 2^30 spreads × 10 conditions): saturates rather than expanding 2^30 selections
        assertThat(cost(bomb.toString())).isGreaterThan(1L << 30);
    }

    @Test
    void refusesTheIssuesFragmentBombBeforeValidation() {
        var bomb = new StringBuilder("{ mechanisms { ...F18 } } fragment F0 on Mechanism { id }");
        for (int i = 1; i <= 18; i++) {
            bomb.append(" fragment F")
                    .append(i)
                    .append(" on Mechanism { ...F")
                    .append(i - 1)
                    .append(" ...F")
                    .append(i - 1)
                    .append(" }");
        }
        assertThat(bomb.length()).isLessThan(900);
        var verdict = guard.inspect(SCHEMA, bomb.toString(), null, Map.of(), UserContext.anonymous(), false);
        assertThat(((Verdict.Rejected) verdict).problems().getFirst().code()).isEqualTo("TOO_MANY_FIELDS");
    }

    @Test
    void sizesAConnectionsEdgesThroughAFragment() {
        String direct = "{ conditions(first: 7) { edges { node { name } } } }";
        String viaFragment = "{ conditions(first: 7) { ...C } } fragment C on ConditionConnection { edges { ...E } }"
                + " fragment E on ConditionEdge { node { name } }";
        assertThat(cost(viaFragment)).isEqualTo(cost(direct)).isEqualTo(1 + 7 * 2);
    }

    @Test
    void pricesNodesAtItsBoundOfOneHundredIds() {
        var selection = "{ nodeId ... on Condition { treatments { role } } ... on Article { title } }";
        var one = cost("{ node(id: \"a\") " + selection + " }");

        assertThat(one).isEqualTo(1 + 10);
        assertThat(cost("{ nodes(ids: [\"a\", \"b\"]) " + selection + " }")).isEqualTo(100 * one);
    }

    @Test
    void readsVariablesAndTheSchemaDefaultForSlicingArguments() {
        var parsed = Parser.parse("query($n: Int) { conditions(first: $n) { edges { node { id } } } }");
        var withVariable = OperationCost.of(SCHEMA, SUBGRAPHS, parsed, null, Map.of("n", 50), PROPERTIES.limits());
        assertThat(withVariable.cost()).isEqualTo(1 + 50 * 2);
        assertThat(withVariable.largestFirst()).isEqualTo(50);
        assertThat(cost("{ conditions { edges { node { id } } } }")).isEqualTo(1 + 20 * 2);
    }

    @Nested
    class Directives {

        @Test
        void followRenamedImportsAndTheCostSpecLink() {
            String sdl = "extend schema @link(url: \"https://specs.apollo.dev/cost/v0.1\", import: [{ name: \"@cost\","
                    + " as: \"@weight\" }, \"@listSize\"]) type Reference { formatted: String! @weight(weight: 7) }"
                    + " type Query { mechanisms: [Mechanism!]! @listSize(assumedSize: 3) }";
            var directives = CostDirectives.parse(List.of(sdl));
            assertThat(directives.fieldWeight("Reference", "formatted")).hasValue(7);
            assertThat(directives.listSize("Query", "mechanisms").assumedSize()).isEqualTo(3);
        }

        @Test
        void ignoreLookalikesWithoutALink() {
            var directives = CostDirectives.parse(List.of("type Reference { formatted: String! @cost(weight: 7) }"));
            assertThat(directives.isEmpty()).isTrue();
        }

        @Test
        void refuseAListWithoutItsRequiredSlicingArgument() {
            String sdl =
                    "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.9\", import: [\"@listSize\"])"
                            + " type Condition { treatments(role: TreatmentRole): [Treatment!]!"
                            + " @listSize(assumedSize: 4, slicingArguments: [\"role\"]) }";
            var strict = CostDirectives.parse(List.of(sdl));
            assertThatThrownBy(() -> cost("{ condition(id: \"x\") { treatments { role } } }", null, strict))
                    .isInstanceOf(OperationCost.InvalidSlicingException.class);
            assertThat(cost("{ condition(id: \"x\") { treatments(role: RESCUE) { role } } }", null, strict))
                    .isEqualTo(1 + 4);
        }
    }

    static String firstGraphqlBlock(Path markdown) {
        try {
            return graphqlBlocks(Files.readString(markdown)).getFirst();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<String> graphqlBlocks(String markdown) {
        var matcher = Pattern.compile("```graphql\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        var blocks = new ArrayList<String>();
        while (matcher.find()) {
            blocks.add(matcher.group(1));
        }
        return blocks;
    }
}
