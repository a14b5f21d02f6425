/** Cited works, stored once however many articles cite them. */
@NullMarked
package com.refractoryatlas.references.reference;

import org.jspecify.annotations.NullMarked;
