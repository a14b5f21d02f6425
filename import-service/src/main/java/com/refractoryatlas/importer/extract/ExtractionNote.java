package com.refractoryatlas.importer.extract;

/**
 * Something the extractor found but could not place in the vocabulary, for the parser to report.
 *
 * @param line 1-based source line
 */
public record ExtractionNote(String message, int line) {}
