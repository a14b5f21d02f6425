package com.refractoryatlas.gateway.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Times every GraphQL operation the gateway answers into the latency histogram {@code atlas.gateway.operation}
 * (Prometheus: {@code atlas_gateway_operation_seconds_bucket}), tagged by operation name and type, outcome and the
 * first error's code, so that an SRE can alert on p95/p99 and error rates per operation rather than per URL (all of
 * GraphQL is one URL). The name is client input: only a GraphQL name is used as it is, anonymous operations are
 * {@code anonymous}, anything else {@code invalid}, and past {@code maxNames} distinct names new ones are
 * {@code other}, so that no client can grow the tag set (and Prometheus' memory) without bound.
 */
final class OperationMetrics {

    static final String METRIC = "atlas.gateway.operation";
    static final String ANONYMOUS = "anonymous";
    static final String INVALID = "invalid";
    static final String OTHER = "other";
    static final String NO_CODE = "NONE";

    private static final Pattern NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]{0,63}");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    private final MeterRegistry registry;
    private final int maxNames;
    private final Set<String> names = ConcurrentHashMap.newKeySet();

    OperationMetrics(MeterRegistry registry, int maxNames) {
        this.registry = registry;
        this.maxNames = maxNames;
    }

    /** How an operation ended, as the {@code outcome} tag says it. */
    enum Outcome {
        /** Answered without errors. */
        SUCCESS,
        /** Executed, with errors in the answer (partial data or none). */
        GRAPHQL_ERROR,
        /** Turned away before execution: invalid, unauthenticated, forbidden, over a limit, not in the safelist. */
        REJECTED,
        /** The operation's cost exceeded the caller's rate limit. */
        RATE_LIMITED,
        /** Ran past the request timeout. */
        TIMEOUT,
        /** The gateway failed (an engine bug, shutting down). */
        ERROR;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Records one operation.
     *
     * @param type {@code query}, {@code mutation}, {@code subscription}, or {@code unknown} when it never parsed
     */
    void record(@Nullable String name, String type, Outcome outcome, String code, long startNanos) {
        Timer.builder(METRIC)
                .description("GraphQL operations answered by the gateway, by operation")
                .tag("operation.name", boundedName(name))
                .tag("operation.type", type)
                .tag("outcome", outcome.tag())
                .tag("error.code", CODE.matcher(code).matches() ? code : "OTHER")
                .publishPercentileHistogram()
                .register(registry)
                .record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    String boundedName(@Nullable String name) {
        if (name == null || name.isEmpty()) {
            return ANONYMOUS;
        }
        if (!NAME.matcher(name).matches()) {
            return INVALID;
        }
        if (names.contains(name)) {
            return name;
        }
        if (names.size() >= maxNames) {
            return OTHER;
        }
        names.add(name);
        return name;
    }

    /** The first error's {@code extensions.code} in a GraphQL response body, or {@link #NO_CODE}. */
    static String firstErrorCode(@Nullable Object body) {
        if (!(body instanceof Map<?, ?> response)
                || !(response.get("errors") instanceof List<?> errors)
                || errors.isEmpty()) {
            return NO_CODE;
        }
        if (errors.getFirst() instanceof Map<?, ?> error
                && error.get("extensions") instanceof Map<?, ?> extensions
                && extensions.get("code") instanceof String code) {
            return code;
        }
        return "OTHER";
    }
}
