package com.refractoryatlas.gateway.federation;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
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
    SupergraphEngine federationEngine(FederationProperties properties, SubgraphTransport transport) {
        return new SupergraphEngine(
                properties.subgraphs().stream()
                        .map(FederationProperties.Subgraph::name)
                        .toList(),
                transport,
                new SupergraphEngine.Settings(
                        properties.federation().pollInterval(),
                        properties.federation().operationCacheSize(),
                        properties.federation().deduplication().clientOperations()));
    }

    @Bean
    SupergraphHealthIndicator supergraphHealthIndicator(SupergraphEngine engine) {
        return new SupergraphHealthIndicator(engine);
    }
}
