/** Imports the sample documents once, at the first start of a fresh system. */
@NullMarked
package com.refractoryatlas.importer.seed;

import org.jspecify.annotations.NullMarked;
