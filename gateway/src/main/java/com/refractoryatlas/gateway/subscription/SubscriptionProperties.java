package com.refractoryatlas.gateway.subscription;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The budget of subscriptions at one gateway instance ({@code atlas.gateway.subscriptions.*}).
 *
 * @param maxPerProcess subscriptions this instance serves at once, all transports together
 * @param maxPerUser subscriptions one user (token subject) holds at once in this instance
 * @param maxPerConnection subscriptions one WebSocket connection holds at once
 * @param connectionInitTimeout how long a WebSocket may stay open without {@code connection_init} (then 4408)
 * @param keepAlive how often an idle WebSocket gets a {@code ping} and an SSE response a comment line
 * @param idleTimeout a subscription without an event for this long ends with {@code SUBSCRIPTION_EXPIRED}
 * @param maxLifetime a subscription ends with {@code SUBSCRIPTION_EXPIRED} after this long, whatever happens
 * @param maxMessageSize largest WebSocket message accepted from a client (a larger one closes with 1009)
 * @param subgraphReadTimeout longest silence of a subgraph stream (its keep-alive lines count) before it is dead
 * @param maxEventSize largest event accepted from a subgraph stream
 */
@ConfigurationProperties("atlas.gateway.subscriptions")
@Validated
record SubscriptionProperties(
        @DefaultValue("1000") @Min(1) int maxPerProcess,
        @DefaultValue("20") @Min(1) int maxPerUser,
        @DefaultValue("10") @Min(1) int maxPerConnection,
        @DefaultValue("10s") Duration connectionInitTimeout,
        @DefaultValue("15s") Duration keepAlive,
        @DefaultValue("15m") Duration idleTimeout,
        @DefaultValue("1h") Duration maxLifetime,
        @DefaultValue("64KB") DataSize maxMessageSize,
        @DefaultValue("60s") Duration subgraphReadTimeout,
        @DefaultValue("1MB") DataSize maxEventSize) {}
