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
        /**
         * An error: bytes not valid in the encoding the file states (a byte-order mark, BibTeX's {@code % Encoding:}
         * line) other than UTF-8, which is {@link #INVALID_UTF8}.
         */
        INVALID_ENCODING,
        HTML_NOT_SUPPORTED,
        TOO_LARGE,
        UNRECOGNIZED_LAYOUT,
        MISSING_TITLE,
        MISSING_AUTHORS,
        MISSING_REFERENCES,
        MALFORMED_REFERENCE,
        /** Most entries of a journal article's reference list have neither authors nor a year: refused whole. */
        REFERENCE_LIST_UNREADABLE,
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
        /**
         * An error: a reference-manager file or JATS reference list with more entries than one article may hold
         * (2,000, the references service's limit); the document is refused whole rather than cut.
         */
        TOO_MANY_REFERENCES,
        /** JSON that is not CSL-JSON (not an array of items or one item with CSL fields). */
        NOT_CSL_JSON,
        /** The PDF needs a password to open (user password); nothing could be read. */
        PDF_ENCRYPTED,
        /** The bytes are not a PDF PDFBox could open (corrupt, truncated, broken cross-references). */
        PDF_UNREADABLE,
        /** The PDF has no usable text layer: scanned pages, or fonts without a Unicode mapping. */
        PDF_NO_TEXT,
        /** Reading the PDF went past its budget (glyphs, content operators or decoded-stream memory). */
        PDF_TOO_COMPLEX,
        /** Only the first pages were read: the PDF has more than the configured page limit. */
        PDF_PAGES_TRUNCATED,
        /** One page could not be read (a broken content stream or font); the other pages were. */
        PDF_PAGE_UNREADABLE,
        /** Note: what the document was read as, and the evidence for it (DOI, byline, references, dates). */
        DOCUMENT_KIND,
        /** Warning: a References heading with no entry read under it. */
        REFERENCES_NOT_READ,
        /** Warning: markers cite numbers past the end of the parsed reference list. */
        CITATION_BEYOND_REFERENCE_LIST,
        /** Note: an unnumbered (author-year) reference list, numbered in list order. */
        REFERENCES_NUMBERED_BY_POSITION,
        /** Warning: control characters (a PDF font without a text encoding) were removed from the text. */
        CONTROL_CHARACTERS_REMOVED,
        /** Warning: text inside a numbered reference list that no numbered entry could claim was left out. */
        REFERENCE_FRAGMENT_DROPPED
    }

    /** An error: the document is {@link Unrecognized}. Public for the readers of other formats. */
    public static ParseIssue error(Code code, String message, @Nullable Integer line) {
        return new ParseIssue(code, message, line, Severity.ERROR);
    }

    /** A warning: the result is usable but something was guessed or left out. */
    public static ParseIssue warning(Code code, String message, @Nullable Integer line) {
        return new ParseIssue(code, message, line, Severity.WARNING);
    }

    /** A note. */
    public static ParseIssue info(Code code, String message, @Nullable Integer line) {
        return new ParseIssue(code, message, line, Severity.INFO);
    }
}
