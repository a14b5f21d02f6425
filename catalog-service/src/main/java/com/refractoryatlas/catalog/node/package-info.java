/** Relay's global object identification: Query.node and Query.nodes for every entity of every subgraph. */
@NullMarked
package com.refractoryatlas.catalog.node;

import org.jspecify.annotations.NullMarked;
