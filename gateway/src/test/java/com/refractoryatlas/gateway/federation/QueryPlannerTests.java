package com.refractoryatlas.gateway.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.refractoryatlas.gateway.federation.CompositionResult.Composed;
import com.refractoryatlas.gateway.federation.QueryPlan.EntityBatch;
import com.refractoryatlas.gateway.federation.QueryPlan.RootFetch;
import com.refractoryatlas.gateway.federation.QueryPlanner.PlanningException;
import graphql.language.AstPrinter;
import graphql.parser.Parser;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class QueryPlannerTests {

    private static final Supergraph SUPERGRAPH = compose(TestSubgraphs.NAMES.stream()
            .map(name -> new SubgraphSdl(name, TestSubgraphs.sdl(name)))
            .toList());

    private static Supergraph compose(List<SubgraphSdl> sdls) {
        return ((Composed) new Composer().compose(sdls)).supergraph();
    }

    private static QueryPlan plan(String query) {
        return plan(SUPERGRAPH, query, null);
    }

    private static QueryPlan plan(Supergraph supergraph, String query, @Nullable String operationName) {
        return new QueryPlanner(supergraph).plan(Parser.parse(query), operationName);
    }

    @Test
    void mergesRootFieldsOwnedByOneSubgraphIntoOneFetch() {
        var plan = plan(TestSubgraphs.operation("rootFieldsOfTwoSubgraphs"));

        assertThat(plan.rootFetches()).extracting(RootFetch::subgraph).containsExactly("catalog", "references");
        assertThat(plan.rootFetches().getFirst().query())
                .isEqualTo("{condition(id:\"depression\"){__typename name}therapy(id:\"ketamine\"){__typename name}}");
        assertThat(plan.rootFetches().getFirst().responseKeys()).containsExactly("condition", "therapy");
        assertThat(plan.entityBatches()).isEmpty();
    }

    @Test
    void batchesEntityFetchesPerSubgraphPerLevel() {
        var plan = plan(TestSubgraphs.operation("fourLevels"));

        assertThat(plan.rootFetches()).extracting(RootFetch::subgraph).containsExactly("catalog");
        assertThat(plan.rootFetches().getFirst().query()).contains("evidence{__typename id}");
        assertThat(plan.depth()).isEqualTo(2);
        assertThat(plan.batchesAt(1)).singleElement().satisfies(batch -> {
            assertThat(batch.subgraph()).isEqualTo("references");
            assertThat(batch.targets()).singleElement().satisfies(t -> {
                assertThat(t.typeName()).isEqualTo("Reference");
                assertThat(t.path()).containsExactly("conditions", "treatments", "evidence");
                assertThat(AstPrinter.printAstCompact(t.representation())).isEqualTo("{id}");
            });
            assertThat(batch.query()).contains("_entities(representations:$representations)", "...on Reference");
        });
        assertThat(plan.batchesAt(2)).extracting(EntityBatch::subgraph).containsExactlyInAnyOrder("import", "catalog");
        assertThat(plan.batchesAt(2))
                .allSatisfy(b -> assertThat(b.targets()).singleElement().satisfies(t -> assertThat(t.path())
                        .containsExactly("conditions", "treatments", "evidence", "citedBy")));
    }

    @Test
    void groupsTargetsOfOneSubgraphAtOneLevelIntoOneBatch() {
        var plan = plan("{ condition(id: \"a\") { references { title } } therapy(id: \"b\") { id }"
                + " conditions { references { year } } }");

        assertThat(plan.batchesAt(1)).singleElement().satisfies(batch -> {
            assertThat(batch.subgraph()).isEqualTo("references");
            assertThat(batch.targets())
                    .extracting(t -> String.join(".", t.path()))
                    .containsExactly("condition", "conditions");
        });
    }

    @Test
    void keepsAliasesArgumentsAndVariablesInSubgraphQueries() {
        var plan = plan("query Q($id: ID!, $yes: Boolean = true) { c: condition(id: $id) { n: name"
                + " references @include(if: $yes) { t: title } } }");

        assertThat(plan.rootFetches().getFirst().query())
                .isEqualTo("query ($id:ID!){c:condition(id:$id){__typename n:name id}}");
        assertThat(plan.rootFetches().getFirst().variables()).containsExactly("id");
        assertThat(plan.batchesAt(1).getFirst().query())
                .contains("$yes:Boolean=true", "references @include(if:$yes){__typename t:title}");
    }

    @Test
    void splitsAbstractSelectionsPerConcreteType() {
        var plan = plan(
                "{ search(text: \"x\") { ... on Condition { name references { title } } ... on Therapy { kind } } }");

        assertThat(plan.rootFetches().getFirst().query())
                .contains("...on Condition{__typename name id}", "...on Therapy{__typename kind}");
        assertThat(plan.batchesAt(1)).singleElement().satisfies(b -> assertThat(b.targets())
                .singleElement()
                .satisfies(t -> assertThat(t.typeName()).isEqualTo("Condition")));
    }

    @Test
    void runsMutationRootFieldsAsConsecutiveFetchesInOrder() {
        var plan = plan("mutation { a: addAlias(conditionId: \"x\", alias: \"1\") { id }"
                + " b: addAlias(conditionId: \"x\", alias: \"2\") { id } }");

        assertThat(plan.mutation()).isTrue();
        assertThat(plan.rootFetches()).singleElement().satisfies(f -> assertThat(f.query())
                .startsWith("mutation")
                .containsSubsequence("a:addAlias", "b:addAlias"));
    }

    @Test
    void sendsNothingForIntrospection() {
        var plan = plan(TestSubgraphs.operation("introspection"));

        assertThat(plan.rootFetches()).isEmpty();
        assertThat(plan.entityBatches()).isEmpty();
    }

    @Test
    void addsRequiredFieldsToTheRepresentationAndUsesProvidedFields() {
        var link = "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.7\", import: [\"@key\","
                + " \"@external\", \"@requires\", \"@provides\"])\n";
        var supergraph = compose(List.of(new SubgraphSdl("owner", link + """
                        type Query { reference(id: ID!): Reference }
                        type Reference @key(fields: "id") { id: ID! year: Int title: String }
                        """), new SubgraphSdl("other", link + """
                        type Query { latest: Reference @provides(fields: "title") }
                        type Reference @key(fields: "id") {
                          id: ID!
                          year: Int @external
                          title: String @external
                          age: Int @requires(fields: "year")
                        }
                        """)));

        var requires = plan(supergraph, "{ reference(id: \"1\") { title age } }", null);
        var provides = plan(supergraph, "{ latest { title } }", null);

        assertThat(requires.rootFetches().getFirst().query())
                .isEqualTo("{reference(id:\"1\"){__typename title id year}}");
        assertThat(requires.batchesAt(1)).singleElement().satisfies(b -> {
            assertThat(b.subgraph()).isEqualTo("other");
            assertThat(AstPrinter.printAstCompact(b.targets().getFirst().representation()))
                    .isEqualTo("{id year}");
        });
        assertThat(provides.rootFetches()).singleElement().satisfies(f -> assertThat(f.subgraph())
                .isEqualTo("other"));
        assertThat(provides.entityBatches()).isEmpty();
    }

    @Test
    void refusesSubscriptionsAndAmbiguousOperations() {
        assertThatThrownBy(() -> plan("subscription { x }")).isInstanceOf(PlanningException.class);
        assertThatThrownBy(() -> plan("query A { conditions { id } } query B { conditions { id } }"))
                .isInstanceOf(PlanningException.class);
        assertThat(plan(SUPERGRAPH, "query A { conditions { id } } query B { reference(id: \"1\") { id } }", "B")
                        .rootFetches())
                .extracting(RootFetch::subgraph)
                .containsExactly("references");
    }
}
