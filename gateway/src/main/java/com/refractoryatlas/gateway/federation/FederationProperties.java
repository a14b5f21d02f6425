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
import org.springframework.boot.context.properties.bind.ConstructorBinding;
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
     * @param deduplication which identical in-flight requests are executed once
     * @param projectResponses whether responses are shaped by each operation's projection straight from the merged
     *     subgraph results (graphql-java still shapes those with errors); off: graphql-java shapes every response,
     *     which is the switch the Guild benchmark compares both ways with
     */
    public record Federation(
            @DefaultValue("10s") Duration pollInterval,
            @DefaultValue("5s") Duration subgraphTimeout,
            @DefaultValue("2s") Duration connectTimeout,
            @DefaultValue("2000") @Positive int operationCacheSize,
            @Valid @DefaultValue Deduplication deduplication,
            @DefaultValue("true") boolean projectResponses) {

        /** The constructor properties bind through (a record with two constructors must name it). */
        @ConstructorBinding
        public Federation {}

        public Federation(
                Duration pollInterval, Duration subgraphTimeout, Duration connectTimeout, int operationCacheSize) {
            this(pollInterval, subgraphTimeout, connectTimeout, operationCacheSize, new Deduplication(true, false));
        }

        public Federation(
                Duration pollInterval,
                Duration subgraphTimeout,
                Duration connectTimeout,
                int operationCacheSize,
                Deduplication deduplication) {
            this(pollInterval, subgraphTimeout, connectTimeout, operationCacheSize, deduplication, true);
        }
    }

    /**
     * Deduplication of identical requests in flight at the same moment (what Apollo Router and Hive call dedupe).
     *
     * @param subgraphRequests a subgraph query whose body and identity headers ({@code Authorization}, service token,
     *     user roles) equal those of one already in flight waits for that one's answer instead of being sent again;
     *     mutations are never shared. Safe, so on by default.
     * @param clientOperations a client query (same text, operation name, variables and identity headers) equal to one
     *     being executed gets that execution's response. Off by default: a client then shares a response computed
     *     for another request (the same identity), which a deployment should choose knowingly.
     */
    public record Deduplication(
            @DefaultValue("true") boolean subgraphRequests,
            @DefaultValue("false") boolean clientOperations) {}
}
