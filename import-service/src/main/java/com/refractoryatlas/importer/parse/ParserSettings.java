package com.refractoryatlas.importer.parse;

/**
 * Limits that keep parsing bounded whatever the input. The import service builds it from its configuration
 * properties; {@link #defaults()} suits tests and tools.
 *
 * @param maxBytes largest accepted document, in UTF-8 bytes
 * @param maxIssuesPerCode issues of one code kept before a single {@link ParseIssue.Code#TRUNCATED_ISSUES} note
 * @param maxCitationRange widest {@code [a-b]} range expanded; wider ranges are reported and ignored
 */
public record ParserSettings(long maxBytes, int maxIssuesPerCode, int maxCitationRange) {

    /** 5 MB. */
    public static final long DEFAULT_MAX_BYTES = 5L * 1024 * 1024;

    private static final int DEFAULT_MAX_ISSUES_PER_CODE = 50;
    private static final int DEFAULT_MAX_CITATION_RANGE = 100;

    public ParserSettings {
        if (maxBytes <= 0 || maxIssuesPerCode <= 0 || maxCitationRange <= 0) {
            throw new IllegalArgumentException("parser limits must be positive");
        }
    }

    public static ParserSettings defaults() {
        return new ParserSettings(DEFAULT_MAX_BYTES, DEFAULT_MAX_ISSUES_PER_CODE, DEFAULT_MAX_CITATION_RANGE);
    }

    public ParserSettings withMaxBytes(long bytes) {
        return new ParserSettings(bytes, maxIssuesPerCode, maxCitationRange);
    }
}
