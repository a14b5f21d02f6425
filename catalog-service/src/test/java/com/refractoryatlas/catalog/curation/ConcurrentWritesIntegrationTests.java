package com.refractoryatlas.catalog.curation;

import com.refractoryatlas.catalog.CatalogIntegrationTest;

/** The concurrent-writes contract on the embedded MongoDB-wire server. */
@CatalogIntegrationTest
class ConcurrentWritesIntegrationTests extends ConcurrentWritesContract {}
