/** Writes: the importer's idempotent batch upsert and the editors' curation mutations, validated before any write. */
@NullMarked
package com.refractoryatlas.catalog.curation;

import org.jspecify.annotations.NullMarked;
