/**
 * The parser's accuracy on a labelled corpus of real documents ({@code src/test/resources/corpus}): gold, the
 * exactness rules, the alignment of parsed references to gold, and the benchmark that prints the figures.
 */
@NullMarked
package com.refractoryatlas.importer.evaluation;

import org.jspecify.annotations.NullMarked;
