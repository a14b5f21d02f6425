/**
 * Knowledge extraction: finds conditions, therapies, resistance mechanisms, refractoriness criteria and
 * condition-therapy pairings in plain text, using a curated versioned vocabulary plus pattern rules.
 */
@NullMarked
package com.refractoryatlas.importer.extract;

import org.jspecify.annotations.NullMarked;
