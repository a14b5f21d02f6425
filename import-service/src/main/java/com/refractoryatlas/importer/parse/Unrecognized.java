package com.refractoryatlas.importer.parse;

import java.util.List;

/**
 * A document that could not be read as any known kind; {@link #issues()} says why (at least one error, such as
 * {@link ParseIssue.Code#EMPTY_DOCUMENT} or {@link ParseIssue.Code#BINARY_CONTENT}). Nothing from it should be
 * stored.
 */
public record Unrecognized(String source, List<ParseIssue> issues) implements ParsedDocument {

    public Unrecognized {
        issues = List.copyOf(issues);
    }
}
