/** How names become slugs, alias keys and search tokens, so that every feature normalizes text the same way. */
@NullMarked
package com.refractoryatlas.catalog.naming;

import org.jspecify.annotations.NullMarked;
