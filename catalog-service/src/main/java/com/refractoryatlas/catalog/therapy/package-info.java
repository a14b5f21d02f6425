/** Therapies used when standard treatment fails: names, abbreviations, kind and drug class. */
@NullMarked
package com.refractoryatlas.catalog.therapy;

import org.jspecify.annotations.NullMarked;
