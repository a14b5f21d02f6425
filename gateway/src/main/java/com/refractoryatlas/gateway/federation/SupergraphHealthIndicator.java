package com.refractoryatlas.gateway.federation;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Readiness: the gateway takes traffic only once a supergraph is composed. */
final class SupergraphHealthIndicator implements HealthIndicator {

    private final SupergraphEngine engine;

    SupergraphHealthIndicator(SupergraphEngine engine) {
        this.engine = engine;
    }

    @Override
    public Health health() {
        var current = engine.current();
        var errors = engine.lastCompositionErrors();
        if (current.isEmpty()) {
            var builder = Health.down().withDetail("reason", "no supergraph composed yet");
            if (!errors.isEmpty()) {
                builder.withDetail(
                        "compositionErrors",
                        errors.stream().map(Object::toString).toList());
            }
            return builder.build();
        }
        var builder = Health.up().withDetail("subgraphs", current.get().subgraphs());
        if (!errors.isEmpty()) {
            builder.withDetail(
                    "rejectedComposition", errors.stream().map(Object::toString).toList());
        }
        return builder.build();
    }
}
