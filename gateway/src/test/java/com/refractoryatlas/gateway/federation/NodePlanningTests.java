package com.refractoryatlas.gateway.federation;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

class NodePlanningTests {

    private static final Supergraph SUPERGRAPH = RealSubgraphs.composed();

    private static QueryPlan plan(String query) {
        return new QueryPlanner(SUPERGRAPH).plan(Parser.parse(query), null);
    }

    @Test
    void probe() {
        var plan =
                plan("{ node(id: \"x\") { nodeId __typename ... on Condition { name } ... on ImportJob { status } } }");
        System.out.println(plan.rootFetches());
        System.out.println(plan.entityBatches());
        assertThat(plan).isNotNull();
    }
}
