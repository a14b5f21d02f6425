/** The import subgraph: parses documents and writes them through the catalog and references APIs. */
@NullMarked
package com.refractoryatlas.importer;

import org.jspecify.annotations.NullMarked;
