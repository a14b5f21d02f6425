/**
 * Document parsing: turns the text of a journal article or explainer page into records (metadata, sections,
 * structured references, citations, extracted knowledge) without Spring or I/O, reporting what it could not read.
 */
@NullMarked
package com.refractoryatlas.importer.parse;

import org.jspecify.annotations.NullMarked;
