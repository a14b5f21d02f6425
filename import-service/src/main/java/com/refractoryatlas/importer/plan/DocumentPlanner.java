package com.refractoryatlas.importer.plan;

/**
 * Parses and validates a whole document before anything is written, so that a bad document writes nothing. The
 * result is deterministic: an interrupted job is planned again from the same text and makes the same writes.
 */
public interface DocumentPlanner {

    DocumentPlan plan(String source, String text);
}
