package com.refractoryatlas.importer.parse;

import org.jspecify.annotations.Nullable;

/**
 * Something the parser could not read or had to guess, with a stable code the import job copies into its
 * {@code ImportError}s.
 *
 * @param line 1-based line of the source text it concerns, null when it concerns the whole document
 */
public record ParseIssue(
        Code code, String message, @Nullable Integer line, Severity severity) {

    /** How bad: errors make a document {@link Unrecognized}; warnings and notes accompany a usable result. */
    public enum Severity {
        ERROR,
        WARNING,
        INFO
    }

    /** Stable machine-readable codes. Add, never rename. */
    public enum Code {
        EMPTY_DOCUMENT,
        BINARY_CONTENT,
        INVALID_UTF8,
        HTML_NOT_SUPPORTED,
        TOO_LARGE,
        UNRECOGNIZED_LAYOUT,
        MISSING_TITLE,
        MISSING_AUTHORS,
        MISSING_REFERENCES,
        MALFORMED_REFERENCE,
        DUPLICATE_REFERENCE_NUMBER,
        MISSING_REFERENCE_NUMBER,
        UNKNOWN_CITATION,
        UNCITED_REFERENCE,
        CITATION_RANGE_TOO_LARGE,
        UNPARSED_DATE,
        UNPARSED_METADATA,
        CONDITION_NOT_IN_VOCABULARY,
        TRUNCATED_ISSUES,
        /** An XML document that is not well-formed, or whose root element no reader knows. */
        MALFORMED_XML,
        /** An XML element nesting, JSON nesting or BibTeX brace nesting deeper than the reader's limit. */
        NESTING_TOO_DEEP,
        /** A named XML entity neither predefined nor known to the reader (no DTD is ever read). */
        UNKNOWN_ENTITY,
        /**
         * One entry of a reference-manager file (BibTeX, RIS, EndNote, CSL-JSON, PubMed) that could not be read, or a
         * JATS reference printed as a string the labeller could not split; the other entries stand.
         */
        MALFORMED_ENTRY,
        /** A reference-manager file with more entries than the reader's limit; the rest are ignored. */
        TOO_MANY_ENTRIES,
        /** JSON that is not CSL-JSON (not an array of items or one item with CSL fields). */
        NOT_CSL_JSON
    }

    static ParseIssue error(Code code, String message, @Nullable Integer line) {
        return new ParseIssue(code, message, line, Severity.ERROR);
    }

    static ParseIssue warning(Code code, String message, @Nullable Integer line) {
        return new ParseIssue(code, message, line, Severity.WARNING);
    }

    static ParseIssue info(Code code, String message, @Nullable Integer line) {
        return new ParseIssue(code, message, line, Severity.INFO);
    }
}
