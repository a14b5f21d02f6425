/** The gateway: one public GraphQL endpoint composed from the subgraphs, with the edge concerns of an API gateway. */
@NullMarked
package com.refractoryatlas.gateway;

import org.jspecify.annotations.NullMarked;
