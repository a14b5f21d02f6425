package com.refractoryatlas.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Counts the requests each subgraph receives per client operation, at the proxies in front of the subgraphs (not by
 * trusting the gateway's own figures): a nested operation costs one request per subgraph per level, whatever the
 * list sizes, and never more than Apollo's reference gateway spends on it.
 */
@ExtendWith(AtlasSystemExtension.class)
class SubgraphRequestCountTests {

    private AtlasSystem system;

    @BeforeEach
    void setUp(AtlasSystem system) {
        this.system = system;
        Capabilities.requireGatewayGraphQl(system);
        SeedData.ensure(system);
    }

    @Test
    void nestedOperationCostsTheSameRequestsWhateverTheListSizes() {
        var gateway = new GraphQl(system.gatewayUrl());
        var operation = Operation.named("14-five-levels-with-fragments");
        var small = countRequests(() -> gateway.query(operation.query(), Map.of("first", 1), null));
        var large = countRequests(() -> gateway.query(operation.query(), Map.of("first", 12), null));

        assertThat(large).isEqualTo(small);
        // conditions (catalog) -> evidence, citedBy (references) -> importJob (import): at most one each per level
        assertThat(large.get(AtlasSystem.CATALOG)).isEqualTo(1);
        assertThat(large.get(AtlasSystem.REFERENCES)).isBetween(1, 2);
        assertThat(large.get(AtlasSystem.IMPORT)).isBetween(0, 1);
    }

    @Test
    void nestedOperationCostsNoMoreRequestsThanApollosGateway() {
        var node = Node.require();
        var ours = new GraphQl(system.gatewayUrl());
        var apollo = new GraphQl(system.apolloGateway(node));
        var operation = Operation.named("13-five-levels-import-job");
        var ourCounts = countRequests(() -> operation.sendTo(ours));
        var apolloCounts = countRequests(() -> operation.sendTo(apollo));

        ourCounts.forEach(
                (subgraph, count) -> assertThat(count).as(subgraph).isLessThanOrEqualTo(apolloCounts.get(subgraph)));
        assertThat(ourCounts.get(AtlasSystem.CATALOG)).isEqualTo(1);
    }

    private Map<String, Integer> countRequests(Runnable operation) {
        system.proxies().forEach(SubgraphProxy::reset);
        operation.run();
        var counts = new LinkedHashMap<String, Integer>();
        system.proxies()
                .forEach(proxy -> counts.put(proxy.name(), proxy.operations().size()));
        return counts;
    }
}
