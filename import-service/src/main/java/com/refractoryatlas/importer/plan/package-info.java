/** Turns a document's text into the writes an import makes, or into the reasons it cannot be imported. */
@NullMarked
package com.refractoryatlas.importer.plan;

import org.jspecify.annotations.NullMarked;
