package com.refractoryatlas.gateway.federation;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Stands in the merged result where a subgraph could not deliver a field, so that the error surfaces at the client's
 * own path (with GraphQL's null propagation) when the response is shaped.
 *
 * @param extensions the error's extensions, {@code code} included (the subgraph's own, or SUBGRAPH_UNAVAILABLE)
 * @param path the client path the subgraph reported, when it is deeper than where this marker sits
 */
record FieldFailure(
        String message,
        Map<String, Object> extensions,
        @Nullable List<Object> path) {

    SubgraphFieldException exception() {
        return new SubgraphFieldException(this);
    }

    /** Thrown by the shaping data fetcher; carries no stack trace, it is expected control flow. */
    static final class SubgraphFieldException extends RuntimeException {
        private final transient FieldFailure failure;

        SubgraphFieldException(FieldFailure failure) {
            super(failure.message(), null, false, false);
            this.failure = failure;
        }

        FieldFailure failure() {
            return failure;
        }
    }
}
