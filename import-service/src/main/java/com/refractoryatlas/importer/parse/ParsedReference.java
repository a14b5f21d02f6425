package com.refractoryatlas.importer.parse;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One numbered entry of a reference list, shaped like the references service's {@code ReferenceInput}.
 *
 * @param number the entry's number, the {@code n} of the {@code [n]} markers citing it
 * @param title the cited work's title without quotes, emphasis or trailing period; for an entry that could not be
 *     split, its cleaned text (a {@link ParseIssue.Code#MALFORMED_REFERENCE} warning says so)
 * @param pages a page range ("154-171") or an article number ("110", "102506", "21r14228")
 * @param raw the entry's text as printed (lines joined), for audit
 * @param line 1-based line where the entry starts
 */
public record ParsedReference(
        int number,
        List<ParsedAuthor> authors,
        String title,
        @Nullable String journal,
        @Nullable String volume,
        @Nullable String issue,
        @Nullable String pages,
        @Nullable Integer year,
        @Nullable String doi,
        String raw,
        int line) {

    public ParsedReference {
        authors = List.copyOf(authors);
    }
}
