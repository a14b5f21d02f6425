/**
 * The curated vocabulary: conditions and therapies share one model (names, aliases, search tokens, look-up by id or
 * alias, filtered keyset paging, versioned writes), so a rule about terms is written once.
 */
@NullMarked
package com.refractoryatlas.catalog.term;

import org.jspecify.annotations.NullMarked;
