package com.refractoryatlas.gateway.federation;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Wires the federation engine over HTTP subgraphs and starts its background composition. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FederationProperties.class)
class FederationConfiguration {

    @Bean
    SubgraphTransport subgraphTransport(
            FederationProperties properties,
            ObjectProvider<CircuitBreakerRegistry> circuitBreakers,
            ObjectProvider<BulkheadRegistry> bulkheads,
            ObjectProvider<JsonMapper> json,
            ObjectProvider<MeterRegistry> meters) {
        return new HttpSubgraphTransport(
                properties,
                circuitBreakers.getIfAvailable(CircuitBreakerRegistry::ofDefaults),
                bulkheads.getIfAvailable(BulkheadRegistry::ofDefaults),
                json.getIfAvailable(JsonMapper::new),
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    SupergraphEngine federationEngine(
            FederationProperties properties,
            SubgraphTransport transport,
            @Value("${atlas.gateway.edge.service-token:local-dev-service-token}") String token,
            ObjectProvider<MeterRegistry> meters,
            ObjectProvider<SubgraphStreams> streams) {
        // the engine's own calls (the SDL fetches) carry no client headers, but subgraphs serve _service only to
        // callers holding the internal credential: add it wherever it is missing
        var registry = meters.getIfAvailable();
        SubgraphTransport timed = registry == null ? transport : new TimedSubgraphTransport(transport, registry);
        SubgraphTransport credentialed = (subgraph, query, variables, headers) ->
                timed.execute(subgraph, query, variables, withServiceToken(headers, token));
        return new SupergraphEngine(
                properties.subgraphs().stream()
                        .map(FederationProperties.Subgraph::name)
                        .toList(),
                credentialed,
                streams.getIfAvailable(),
                new SupergraphEngine.Settings(
                        properties.federation().pollInterval(),
                        properties.federation().operationCacheSize(),
                        properties.federation().deduplication().clientOperations(),
                        properties.federation().projectResponses()));
    }

    @Bean
    SupergraphHealthIndicator supergraphHealthIndicator(SupergraphEngine engine) {
        return new SupergraphHealthIndicator(engine);
    }

    private static Map<String, String> withServiceToken(Map<String, String> headers, String token) {
        if (headers.keySet().stream().anyMatch(SERVICE_TOKEN_HEADER::equalsIgnoreCase)) {
            return headers;
        }
        var all = new LinkedHashMap<>(headers);
        all.put(SERVICE_TOKEN_HEADER, token);
        return all;
    }

    private static final String SERVICE_TOKEN_HEADER = "x-atlas-service-token";
}
