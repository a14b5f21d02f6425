package com.refractoryatlas.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One client request is one trace across the gateway and the subgraphs: the gateway answers its trace id, sends it
 * to the subgraphs in the W3C {@code traceparent} header, and the gateway's and the subgraph's spans, exported over
 * OTLP to an in-test receiver, share it.
 */
@ExtendWith(AtlasSystemExtension.class)
class TracingTests {

    @Test
    void gatewayAndSubgraphSpansShareOneTraceId(AtlasSystem system) {
        Capabilities.requireGatewayGraphQl(system);
        var otlp = system.otlp();
        Assumptions.assumeTrue(otlp.isPresent(), "Skipped: tracing is off for this run (atlas.system.tracing=false)");
        var proxy = system.proxy(AtlasSystem.CATALOG);
        proxy.reset();

        var response = new GraphQl(system.gatewayUrl()).query("{ conditions(first: 1) { totalCount } }");

        var traceId = response.headers().firstValue("X-Trace-Id");
        assertThat(traceId).as("the gateway answers its trace id").isPresent();
        assertThat(traceId.orElseThrow()).matches("[0-9a-f]{32}");
        assertThat(proxy.operations())
                .as("the subgraph call carries the gateway's trace context")
                .anySatisfy(exchange -> assertThat(traceparent(exchange)).contains("-" + traceId.orElseThrow() + "-"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    assertThat(otlp.orElseThrow().exported("gateway", traceId.orElseThrow()))
                            .as("gateway span exported")
                            .isTrue();
                    assertThat(otlp.orElseThrow().exported("catalog-service", traceId.orElseThrow()))
                            .as("catalog-service span in the same trace")
                            .isTrue();
                });
    }

    private static String traceparent(SubgraphProxy.Exchange exchange) {
        return exchange.headers().entrySet().stream()
                .filter(header -> header.getKey().toLowerCase(Locale.ROOT).equals("traceparent"))
                .flatMap(header -> header.getValue().stream())
                .findFirst()
                .orElse("");
    }
}
