/**
 * The common document model every format reader yields before segmentation: lines in reading order, with their
 * position and typographic style where the source format knows them (PDF) and without where it does not (text).
 */
@NullMarked
package com.refractoryatlas.importer.parse.layout;

import org.jspecify.annotations.NullMarked;
