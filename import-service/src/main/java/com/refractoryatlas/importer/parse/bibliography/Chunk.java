package com.refractoryatlas.importer.parse.bibliography;

/**
 * One entry's text cut out of a file before any library parses it, so that each entry is parsed (and can fail) on
 * its own.
 *
 * @param line 1-based line where the entry starts
 * @param problem why the cutter already knows the entry is broken (unbalanced braces, no end tag), or null
 */
record Chunk(
        String text,
        int line,
        @org.jspecify.annotations.Nullable String problem) {}
