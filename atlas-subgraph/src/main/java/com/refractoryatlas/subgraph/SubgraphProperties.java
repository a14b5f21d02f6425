package com.refractoryatlas.subgraph;

import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The limits a subgraph enforces itself, whoever calls it: the gateway has its own, but a subgraph reached directly
 * (a compromised pod, a misrouted request) must not read an unbounded body or execute an unbounded query.
 *
 * @param maxDepth the deepest field nesting an operation may have; above the gateway's own limit (12) plus the two
 *     levels its {@code _entities(...) { ... on T }} sub-queries add
 * @param maxBodySize the largest request body read; larger ones get 413 before being read
 * @param maxBodyReadTime the longest a request body may take to arrive, however it trickles (slowloris: a byte every
 *     few seconds never trips Tomcat's per-read timeout); the request fails once it is exceeded
 * @param documentCacheSize how many distinct operations are kept parsed and validated ({@link DocumentCache}); 0 turns
 *     the cache off
 */
@ConfigurationProperties("atlas.subgraph")
@Validated
public record SubgraphProperties(
        @DefaultValue("14") @Positive int maxDepth,
        @DefaultValue("8MB") DataSize maxBodySize,
        @DefaultValue("10s") Duration maxBodyReadTime,

        @DefaultValue("1000") @jakarta.validation.constraints.PositiveOrZero
        int documentCacheSize) {}
