package com.refractoryatlas.gateway.federation;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A subscription as the engine runs it: each event of the subgraph's stream, with the fields other subgraphs own
 * fetched by the normal plan (entity batches), shaped as a GraphQL response. Pulled by the transport that serves the
 * client, one event at a time on its own virtual thread.
 */
public interface EventStream extends AutoCloseable {

    /** The next response; null once the stream has ended. Never throws: a broken stream ends with an error response. */
    @Nullable
    Map<String, Object> next();

    /** Ends the subscription and the subgraph stream behind it; idempotent, callable from any thread. */
    @Override
    void close();

    /** A stream of the given responses only (a refusal, a request error). */
    static EventStream of(List<Map<String, Object>> responses) {
        Iterator<Map<String, Object>> remaining = List.copyOf(responses).iterator();
        return new EventStream() {
            @Override
            public synchronized @Nullable Map<String, Object> next() {
                return remaining.hasNext() ? remaining.next() : null;
            }

            @Override
            public void close() {}
        };
    }
}
