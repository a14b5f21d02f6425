package com.refractoryatlas.catalog;

/** The storage contract on the embedded MongoDB-wire server. */
@CatalogIntegrationTest
class CatalogStoreIntegrationTests extends CatalogStoreContract {}
