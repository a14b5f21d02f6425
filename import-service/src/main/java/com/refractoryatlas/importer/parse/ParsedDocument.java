package com.refractoryatlas.importer.parse;

import java.util.List;

/**
 * What a document turned out to be: a closed set, so that the import job handles every kind with an exhaustive
 * {@code switch}. Every kind carries the issues met while reading it; {@link Unrecognized} carries at least one
 * {@link ParseIssue.Severity#ERROR}.
 */
public sealed interface ParsedDocument permits JournalArticle, ExplainerPage, ReferenceList, Unrecognized {

    /** The source name given to the parser (a file name, or what the curator typed). */
    String source();

    /** Errors, warnings and notes, in document order where they have a line. */
    List<ParseIssue> issues();
}
