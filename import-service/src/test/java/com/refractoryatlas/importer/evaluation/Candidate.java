package com.refractoryatlas.importer.evaluation;

import com.refractoryatlas.importer.parse.ParsedReference;
import org.jspecify.annotations.Nullable;

/**
 * A reference as the parser produced it, reduced to the evaluated fields; kept separate from {@link ParsedReference}
 * so that the alignment and exactness rules can be tested without a parser.
 *
 * @param number the parser's number for the entry (its printed number when the list is numbered)
 */
record Candidate(
        int number,
        @Nullable String firstAuthorFamily,
        @Nullable Integer authorCount,
        @Nullable String year,
        @Nullable String volume,
        @Nullable String pages,
        @Nullable String journal,
        @Nullable String title,
        @Nullable String doi) {

    static Candidate of(ParsedReference r) {
        return new Candidate(
                r.number(),
                r.authors().isEmpty() ? null : r.authors().getFirst().family(),
                r.authors().isEmpty() ? null : r.authors().size(),
                r.year() == null ? null : r.year().toString(),
                r.volume(),
                r.pages(),
                r.journal(),
                r.title(),
                r.doi());
    }
}
