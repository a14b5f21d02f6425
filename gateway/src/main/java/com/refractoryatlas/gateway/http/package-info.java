/** The public GraphQL-over-HTTP endpoint at {@code /graphql}: request parsing, content negotiation and persisted queries. */
@NullMarked
package com.refractoryatlas.gateway.http;

import org.jspecify.annotations.NullMarked;
