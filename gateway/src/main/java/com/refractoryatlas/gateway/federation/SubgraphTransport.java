package com.refractoryatlas.gateway.federation;

import java.util.Map;

/**
 * Sends one GraphQL request to one subgraph. The engine depends only on this, so tests run it against in-process
 * subgraphs and production runs it over HTTP with timeouts, circuit breakers and bulkheads.
 */
@FunctionalInterface
public interface SubgraphTransport {

    /**
     * Returns the subgraph's GraphQL response ({@code data}, {@code errors}).
     *
     * @throws SubgraphUnavailableException when the subgraph is down, slow, refusing or answers garbage
     */
    Map<String, Object> execute(
            String subgraph, String query, Map<String, Object> variables, Map<String, String> headers);
}
