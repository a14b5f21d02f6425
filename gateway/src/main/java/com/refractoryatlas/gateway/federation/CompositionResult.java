package com.refractoryatlas.gateway.federation;

import java.util.List;

/** The outcome of composing subgraph SDLs: a servable supergraph, or the reasons there is none. */
public sealed interface CompositionResult {

    /** Subgraphs composed into a supergraph. */
    record Composed(Supergraph supergraph) implements CompositionResult {}

    /** Subgraphs do not compose; nothing may be served from them. */
    record Failed(List<CompositionError> errors) implements CompositionResult {

        public Failed {
            errors = List.copyOf(errors);
        }
    }
}
