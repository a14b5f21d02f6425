/** Writes through the catalog and references subgraphs' internal GraphQL mutations, with retries and breakers. */
@NullMarked
package com.refractoryatlas.importer.write;

import org.jspecify.annotations.NullMarked;
