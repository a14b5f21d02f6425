/**
 * Reads reference-manager files (BibTeX, RIS, EndNote tagged and XML, CSL-JSON) and PubMed/MEDLINE XML into a
 * {@link com.refractoryatlas.importer.parse.ReferenceList}: each entry read on its own, so that one bad entry costs a
 * warning, not the file.
 */
@NullMarked
package com.refractoryatlas.importer.parse.bibliography;

import org.jspecify.annotations.NullMarked;
