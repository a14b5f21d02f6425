package com.refractoryatlas.gateway.federation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The gateway's subgraphs and federation engine settings ({@code atlas.gateway.*}); everything an operator may tune
 * lives here rather than in code.
 *
 * @param subgraphs the subgraphs to compose, in tie-break order for shareable fields
 * @param federation engine settings
 */
@Validated
@ConfigurationProperties("atlas.gateway")
public record FederationProperties(
        @Valid List<Subgraph> subgraphs,
        @Valid @DefaultValue Federation federation) {

    public FederationProperties {
        subgraphs = subgraphs == null ? List.of() : List.copyOf(subgraphs);
    }

    /**
     * One subgraph.
     *
     * @param timeout per-request timeout, the engine default when absent
     */
    public record Subgraph(
            @NotBlank String name,
            @NotNull URI url,
            @Nullable Duration timeout) {}

    /**
     * Engine settings.
     *
     * @param pollInterval how often subgraph SDLs are re-fetched to detect changes (hot reload)
     * @param subgraphTimeout default per-request timeout of subgraph calls
     * @param connectTimeout TCP connect timeout of subgraph calls
     * @param operationCacheSize distinct operations kept parsed, validated and planned
     */
    public record Federation(
            @DefaultValue("10s") Duration pollInterval,
            @DefaultValue("5s") Duration subgraphTimeout,
            @DefaultValue("2s") Duration connectTimeout,
            @DefaultValue("2000") @Positive int operationCacheSize) {}
}
