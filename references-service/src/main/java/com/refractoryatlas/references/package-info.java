/** The references subgraph: ingested articles, the works they cite, and citation exports. */
@NullMarked
package com.refractoryatlas.references;

import org.jspecify.annotations.NullMarked;
