/** Treatments: one condition paired with one therapy, its role, and the references behind it. */
@NullMarked
package com.refractoryatlas.catalog.treatment;

import org.jspecify.annotations.NullMarked;
