/** Resistance mechanisms: the reasons the sources give for a condition resisting treatment. */
@NullMarked
package com.refractoryatlas.catalog.mechanism;

import org.jspecify.annotations.NullMarked;
