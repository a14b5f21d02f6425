package com.refractoryatlas.importer.parse.bibliography;

import com.refractoryatlas.importer.parse.ParseIssue;
import com.refractoryatlas.importer.parse.ParsedAuthor;
import com.refractoryatlas.importer.parse.ParsedReference;
import com.refractoryatlas.importer.parse.StructuredFields;
import com.refractoryatlas.importer.parse.jats.Issues;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The references of one file as its entries are read: numbered from 1 in file order, each entry without a title left
 * out with a {@link ParseIssue.Code#MALFORMED_ENTRY} warning. A file with more than {@link #MAX_ENTRIES} entries is
 * refused whole ({@link ParseIssue.Code#TOO_MANY_REFERENCES}, an error): importing only its first entries would be a
 * partial write the curator did not ask for (docs/imports.md, the one set of limits).
 */
final class Entries {

    /** The references service's limit on one article's references. */
    static final int MAX_ENTRIES = 2000;

    /** Longest entry read; longer ones are hostile or not one entry. */
    static final int MAX_ENTRY_CHARS = 100_000;

    private static final int RAW_CHARS = 4000;

    private final Issues issues;
    private final List<ParsedReference> references = new ArrayList<>();
    private boolean full;
    private int seen;

    Entries(Issues issues) {
        this.issues = issues;
    }

    /** False once the limit is reached: the reader stops reading entries. */
    boolean accepting() {
        return !full;
    }

    Issues issues() {
        return issues;
    }

    void malformed(String message, int line) {
        seen++;
        issues.warning(ParseIssue.Code.MALFORMED_ENTRY, message, line);
    }

    /** Adds an entry read into fields; one without a title is reported and left out. */
    void add(
            List<ParsedAuthor> authors,
            @Nullable String title,
            @Nullable String journal,
            @Nullable String volume,
            @Nullable String issue,
            @Nullable String pages,
            @Nullable Integer year,
            @Nullable String doi,
            String raw,
            int line) {
        seen++;
        String cleanTitle = title == null ? "" : StructuredFields.title(title);
        if (cleanTitle.isEmpty()) {
            issues.warning(ParseIssue.Code.MALFORMED_ENTRY, "entry " + seen + " has no title; left out", line);
            return;
        }
        if (references.size() == MAX_ENTRIES) {
            full = true;
            issues.error(
                    ParseIssue.Code.TOO_MANY_REFERENCES,
                    "The file has more than " + String.format(java.util.Locale.ROOT, "%,d", MAX_ENTRIES)
                            + " entries; at most "
                            + String.format(java.util.Locale.ROOT, "%,d", MAX_ENTRIES)
                            + " are accepted (limit: references per document): split it into smaller files",
                    line);
            return;
        }
        references.add(new ParsedReference(
                references.size() + 1,
                authors,
                cleanTitle,
                StructuredFields.journal(journal),
                blankToNull(volume),
                blankToNull(issue),
                StructuredFields.pages(pages),
                year,
                StructuredFields.doi(doi),
                abbreviate(StructuredFields.collapse(raw)),
                line));
    }

    List<ParsedReference> references() {
        return references;
    }

    int seen() {
        return seen;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : StructuredFields.collapse(s);
    }

    private static String abbreviate(String s) {
        return s.length() <= RAW_CHARS ? s : s.substring(0, RAW_CHARS) + "…";
    }
}
