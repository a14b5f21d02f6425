package com.refractoryatlas.gateway.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.gateway.federation.QueryPlan.EntityBatch;
import com.refractoryatlas.gateway.federation.QueryPlan.EntityTarget;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Plans of Relay's {@code node}/{@code nodes} over the real subgraph schemas: the catalog answers every global id
 * with the entity or a reference to it, and each field its stub entities do not resolve comes from the type's owner.
 */
class NodePlanningTests {

    private static final Supergraph SUPERGRAPH = RealSubgraphs.composed();

    private static QueryPlan plan(String query) {
        return new QueryPlanner(SUPERGRAPH).plan(Parser.parse(query), null);
    }

    @Test
    void rootFieldsGoToTheCatalog() {
        var plan = plan("{ node(id: \"x\") { __typename } nodes(ids: [\"y\"]) { __typename } }");

        assertThat(plan.rootFetches()).singleElement().satisfies(fetch -> assertThat(fetch.subgraph())
                .isEqualTo("catalog"));
        assertThat(plan.entityBatches()).isEmpty();
    }

    @Test
    void anInterfaceFieldAStubCannotResolveIsSplitPerTypeAndFetchedFromEachOwner() {
        var plan = plan("{ node(id: \"x\") { nodeId } }");

        var root = plan.rootFetches().getFirst().query();
        assertThat(root)
                .contains("...on Condition{__typename nodeId}", "...on Therapy{__typename nodeId}")
                .contains("...on Mechanism{__typename nodeId}")
                .contains("...on Article{__typename id}", "...on Reference{__typename id}")
                .contains("...on ImportJob{__typename id}");
        assertThat(plan.batchesAt(1))
                .extracting(EntityBatch::subgraph)
                .containsExactlyInAnyOrder("references", "import");
        assertThat(plan.batchesAt(1))
                .flatExtracting(EntityBatch::targets)
                .extracting(EntityTarget::typeName)
                .containsExactlyInAnyOrder("Article", "Reference", "ImportJob");
        assertThat(plan.batchesAt(1))
                .allSatisfy(batch -> assertThat(batch.query()).contains("nodeId"));
    }

    @Test
    void aFieldEveryImplementationResolvesStaysOnTheInterface() {
        var plan = plan("{ conditions { edges { node { ... on Node { nodeId } } } } }");

        assertThat(plan.rootFetches().getFirst().query()).contains("nodeId");
        assertThat(plan.entityBatches()).isEmpty();
    }

    @Test
    void typeFragmentsOfOtherSubgraphsGoToTheirOwnerInOneBatchPerLevel() {
        var plan = plan("{ nodes(ids: [\"a\", \"b\"]) { ... on ImportJob { status } ... on Article { title }"
                + " ... on Condition { name } } }");

        assertThat(plan.rootFetches().getFirst().query()).contains("...on Condition{__typename name}");
        assertThat(plan.batchesAt(1)).hasSize(2).allSatisfy(batch -> assertThat(batch.targets())
                .singleElement()
                .satisfies(target -> assertThat(target.path()).containsExactly("nodes")));
        assertThat(plan.depth()).isEqualTo(1);
    }

    @Test
    void nodeIdOfAStubEntityInAListComesFromItsOwner() {
        var plan = plan("{ condition(id: \"depression\") { references { nodeId } } }");

        assertThat(plan.batchesAt(1)).singleElement().satisfies(batch -> {
            assertThat(batch.subgraph()).isEqualTo("references");
            assertThat(batch.query()).contains("...on Reference{__typename nodeId}");
        });
    }
}
