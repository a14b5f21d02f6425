/**
 * The PDF reader: PDF bytes in, a {@link com.refractoryatlas.importer.parse.layout.Layout} out (lines in reading
 * order with position and style), with columns rebuilt, page furniture removed and characters normalized, or a
 * typed reason why the file could not be read.
 */
@NullMarked
package com.refractoryatlas.importer.parse.pdf;

import org.jspecify.annotations.NullMarked;
