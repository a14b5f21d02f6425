/**
 * The public GraphQL-over-HTTP endpoint at {@code /graphql}, a Spring Cloud Gateway route to the federation engine:
 * request parsing, content negotiation and persisted queries.
 */
@NullMarked
package com.refractoryatlas.gateway.http;

import org.jspecify.annotations.NullMarked;
