/**
 * The edge of the gateway: request ids, per-client rate limits, CORS, body size limits and the typed error bodies
 * these filters answer with, applied before any GraphQL work is done.
 */
@NullMarked
package com.refractoryatlas.gateway.edge;

import org.jspecify.annotations.NullMarked;
