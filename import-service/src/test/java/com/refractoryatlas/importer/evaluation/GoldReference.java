package com.refractoryatlas.importer.evaluation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a document's reference list as its markup gives it (see {@code corpus/README.md} for how the gold is
 * derived). A null field is one the source does not give; it is not evaluated.
 *
 * @param number 1-based position in the reference list, which is also its printed number when the list is numbered
 * @param labelled false for an entry the markup gives only as unstructured text: it counts for recall, not for fields
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record GoldReference(
        int number,
        @Nullable String firstAuthorFamily,
        @Nullable Integer authorCount,
        @Nullable String year,
        @Nullable String volume,
        @Nullable String pages,
        @Nullable String journal,
        @Nullable String title,
        @Nullable String doi,
        boolean labelled) {

    /** The same entry as a candidate, to compare with the parser's output using the same rules. */
    Candidate asCandidate() {
        return new Candidate(number, firstAuthorFamily, authorCount, year, volume, pages, journal, title, doi);
    }
}
