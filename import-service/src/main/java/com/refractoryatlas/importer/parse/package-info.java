/**
 * Document parsing: turns the text of a journal article or explainer page into records (metadata, sections,
 * structured references, citations) in stages — read, segment into zones, label references, normalise, assemble —
 * without Spring or I/O, reporting what it could not read. Knowledge extraction runs after parsing, on the result.
 */
@NullMarked
package com.refractoryatlas.importer.parse;

import org.jspecify.annotations.NullMarked;
