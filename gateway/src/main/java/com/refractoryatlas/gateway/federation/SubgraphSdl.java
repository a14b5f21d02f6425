package com.refractoryatlas.gateway.federation;

/** One subgraph's schema as it printed it through {@code _service { sdl }}: the unit of composition. */
public record SubgraphSdl(String name, String sdl) {}
