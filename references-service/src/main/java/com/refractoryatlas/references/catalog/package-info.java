/** What the references service asks the catalog subgraph, over GraphQL: it never reads the catalog's data. */
@NullMarked
package com.refractoryatlas.references.catalog;

import org.jspecify.annotations.NullMarked;
