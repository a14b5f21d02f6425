/** What every subgraph shares: the Apollo Federation schema, typed errors, scalars and Relay connections. */
@NullMarked
package com.refractoryatlas.subgraph;

import org.jspecify.annotations.NullMarked;
