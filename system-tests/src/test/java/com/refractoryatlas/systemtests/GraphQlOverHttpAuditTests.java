package com.refractoryatlas.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The graphql-http server audit (the GraphQL over HTTP spec's conformance checks) against our gateway's /graphql:
 * every MUST passes. SHOULD/MAY findings are printed, not asserted.
 */
@ExtendWith(AtlasSystemExtension.class)
class GraphQlOverHttpAuditTests {

    @Test
    void gatewayPassesEveryMustOfTheGraphQlOverHttpAudit(AtlasSystem system) {
        Capabilities.requireGatewayGraphQl(system);
        var node = Node.require();

        var result =
                node.run(Duration.ofMinutes(2), "audit.mjs", system.gatewayUrl().toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        var audits = GraphQl.JSON.readTree(result.output()
                .lines()
                .filter(line -> line.startsWith("["))
                .reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError("no audit output:\n" + result.output())));
        assertThat(audits.size()).isGreaterThan(20);
        for (JsonNode audit : audits) {
            if (!"ok".equals(audit.path("status").asString())) {
                System.out.println("[audit] " + audit.path("status").asString() + " "
                        + audit.path("name").asString() + ": "
                        + audit.path("reason").asString(""));
            }
        }
        assertThat(audits.valueStream()
                        .filter(audit -> audit.path("name").asString().startsWith("MUST"))
                        .filter(audit -> !"ok".equals(audit.path("status").asString()))
                        .map(audit -> audit.path("name").asString() + ": "
                                + audit.path("reason").asString(""))
                        .toList())
                .isEmpty();
    }
}
