/** Carries the gateway's own trace context to the subgraphs and tells clients which trace answered them. */
@NullMarked
package com.refractoryatlas.gateway.tracing;

import org.jspecify.annotations.NullMarked;
