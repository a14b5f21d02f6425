package com.refractoryatlas.importer.job;

import org.jspecify.annotations.Nullable;

/** One reason a document was not (fully) imported, with the 1-based line of the document it concerns when known. */
public record ImportError(
        String code, String message, @Nullable Integer line) {

    /** The document is larger than {@code atlas.import.max-document-size}. */
    public static final String TOO_LARGE = "TOO_LARGE";
    /** A downstream service stayed unavailable for more than {@code atlas.import.retry.max-attempts} attempts. */
    public static final String DOWNSTREAM_UNAVAILABLE = "DOWNSTREAM_UNAVAILABLE";
    /** A downstream service refused a write. */
    public static final String WRITE_REJECTED = "WRITE_REJECTED";
    /** Something unexpected went wrong in the import service itself. */
    public static final String INTERNAL = "INTERNAL";

    /** True for errors that say nothing about the document itself: submitting it again may succeed. */
    boolean retryable() {
        return DOWNSTREAM_UNAVAILABLE.equals(code) || INTERNAL.equals(code);
    }
}
