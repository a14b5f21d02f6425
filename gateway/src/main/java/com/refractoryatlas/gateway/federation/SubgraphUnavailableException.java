package com.refractoryatlas.gateway.federation;

import org.jspecify.annotations.Nullable;

/** A subgraph did not answer with a GraphQL response; its fields become null with a SUBGRAPH_UNAVAILABLE error. */
public class SubgraphUnavailableException extends RuntimeException {

    private final String subgraph;

    public SubgraphUnavailableException(String subgraph, String reason, @Nullable Throwable cause) {
        super("Subgraph '" + subgraph + "' is unavailable: " + reason, cause);
        this.subgraph = subgraph;
    }

    public String subgraph() {
        return subgraph;
    }
}
