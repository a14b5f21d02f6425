package com.refractoryatlas.gateway.federation;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Opens a subscription's event stream on one subgraph. The engine depends only on this, so tests follow in-process
 * streams and production reads GraphQL over SSE ({@link SseSubgraphStreams}).
 */
@FunctionalInterface
public interface SubgraphStreams {

    /**
     * Starts the subscription on the subgraph.
     *
     * @throws SubgraphUnavailableException when the subgraph is down or refuses the stream
     */
    Stream open(String subgraph, String query, Map<String, Object> variables, Map<String, String> headers);

    /** One subgraph subscription: its events, read one after the other on the caller's (virtual) thread. */
    interface Stream extends AutoCloseable {

        /**
         * Blocks until the next event (a GraphQL response: {@code data}, {@code errors}); null once the subgraph has
         * completed the stream.
         *
         * @throws SubgraphUnavailableException when the stream breaks (connection lost, silent too long, garbage)
         */
        @Nullable
        Map<String, Object> next();

        /** Ends the stream (the subgraph sees the connection close); idempotent, callable from any thread. */
        @Override
        void close();
    }
}
