/** Conditions that resist standard treatment: their names, aliases, specialty and refractoriness criteria. */
@NullMarked
package com.refractoryatlas.catalog.condition;

import org.jspecify.annotations.NullMarked;
