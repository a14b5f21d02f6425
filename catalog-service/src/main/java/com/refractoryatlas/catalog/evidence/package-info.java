/** What the catalog contributes to the Reference and Article entities that references-service owns. */
@NullMarked
package com.refractoryatlas.catalog.evidence;

import org.jspecify.annotations.NullMarked;
