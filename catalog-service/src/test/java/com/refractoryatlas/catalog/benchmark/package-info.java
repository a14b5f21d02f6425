/** Load generators and benchmarks of the catalog subgraph; run with {@code -Pbenchmark}. */
@NullMarked
package com.refractoryatlas.catalog.benchmark;

import org.jspecify.annotations.NullMarked;
