package com.refractoryatlas.importer.plan;

import org.jspecify.annotations.Nullable;

/**
 * Parses and validates a whole document before anything is written, so that a bad document writes nothing. The
 * result is deterministic: an interrupted job is planned again from the same text and makes the same writes.
 */
public interface DocumentPlanner {

    DocumentPlan plan(String source, String text);

    /**
     * Plans a document given as the bytes of its file, in any format the parser reads; {@code mediaType} is what the
     * client declared, a hint only. The article's checksum is the SHA-256 of these bytes.
     */
    DocumentPlan plan(String source, byte[] bytes, @Nullable String mediaType);
}
