/** The catalog subgraph: conditions, therapies, treatments and resistance mechanisms. */
@NullMarked
package com.refractoryatlas.catalog;

import org.jspecify.annotations.NullMarked;
