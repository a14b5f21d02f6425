package com.refractoryatlas.importer.job;

import org.jspecify.annotations.Nullable;

/**
 * One reason a document was not (fully) imported, with the 1-based line of the document it concerns when known. The
 * codes below are the import service's own; the parser adds its codes ({@code EMPTY_DOCUMENT}, ...). Messages never
 * quote the document.
 */
public record ImportError(
        String code, String message, @Nullable Integer line) {

    /** The document has more bytes than {@code atlas.import.limits.document-bytes}. */
    public static final String TOO_LARGE = "TOO_LARGE";
    /** More sections than {@code atlas.import.limits.sections}. */
    public static final String TOO_MANY_SECTIONS = "TOO_MANY_SECTIONS";
    /** A section longer than {@code atlas.import.limits.section-characters}. */
    public static final String SECTION_TOO_LONG = "SECTION_TOO_LONG";
    /** More references than {@code atlas.import.limits.references}. */
    public static final String TOO_MANY_REFERENCES = "TOO_MANY_REFERENCES";
    /** A reference cited by more sentences than {@code atlas.import.limits.citation-contexts}. */
    public static final String TOO_MANY_CITATION_CONTEXTS = "TOO_MANY_CITATION_CONTEXTS";
    /** Parsing took longer, or allocated more, than the job's budget for a document of its size. */
    public static final String BUDGET_EXCEEDED = "BUDGET_EXCEEDED";
    /** The parser ran out of stack or memory on this document. */
    public static final String RESOURCE_EXHAUSTED = "RESOURCE_EXHAUSTED";
    /** The job's worker died (process killed, out of memory) {@code atlas.import.max-runs} times. */
    public static final String INTERRUPTED_TOO_OFTEN = "INTERRUPTED_TOO_OFTEN";
    /** A downstream service stayed unavailable for more than {@code atlas.import.retry.max-attempts} attempts. */
    public static final String DOWNSTREAM_UNAVAILABLE = "DOWNSTREAM_UNAVAILABLE";
    /** A downstream service refused a write. */
    public static final String WRITE_REJECTED = "WRITE_REJECTED";
    /** Something unexpected went wrong in the import service itself. */
    public static final String INTERNAL = "INTERNAL";
}
