package com.refractoryatlas.gateway.federation;

import graphql.schema.GraphQLSchema;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the HTTP edge needs from the federation engine. One implementation, a Spring bean.
 *
 * <p>{@link #execute} never throws for a client or subgraph problem: parse and validation errors, unavailable
 * subgraphs and the like come back in the response's {@code errors} with an {@code extensions.code}.
 */
public interface FederationEngine {

    /** The composed supergraph (API schema, without federation internals), empty until the first composition. */
    Optional<GraphQLSchema> supergraph();

    /** True once a supergraph is composed and being served. */
    default boolean ready() {
        return supergraph().isPresent();
    }

    /** Executes one operation; the result is the GraphQL response map ({@code data}, {@code errors}, {@code extensions}). */
    Map<String, Object> execute(Request request);

    /**
     * Starts a subscription: the root field's stream on its subgraph, each event completed by the plan like a
     * query's answer. Never throws: a refused or failed start is a stream of one error response.
     */
    default EventStream subscribe(Request request) {
        return EventStream.of(List.of(Map.of(
                "errors",
                List.of(Map.of(
                        "message",
                        "This gateway runs no subscriptions",
                        "extensions",
                        Map.of("code", "SUBSCRIPTIONS_NOT_SUPPORTED"))))));
    }

    /**
     * One GraphQL operation to execute.
     *
     * @param headers headers to propagate to subgraphs (Authorization, traceparent, x-request-id, ...)
     */
    record Request(
            String query, @Nullable String operationName, Map<String, Object> variables, Map<String, String> headers) {

        public Request {
            variables = variables == null ? Map.of() : variables;
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }
    }
}
