/**
 * The federation engine: composes subgraph SDLs into a supergraph, plans operations, executes plans. A plain Java
 * API, testable without HTTP; the HTTP edge calls {@link com.refractoryatlas.gateway.federation.FederationEngine}.
 */
@NullMarked
package com.refractoryatlas.gateway.federation;

import org.jspecify.annotations.NullMarked;
