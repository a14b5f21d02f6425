package com.refractoryatlas.importer.evaluation;

import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** The evaluated fields of a reference, each with its own exactness rule ({@link Exactness}). */
enum Field {
    FIRST_AUTHOR("1st author", "firstAuthorFamily", Candidate::firstAuthorFamily),
    AUTHOR_COUNT(
            "#authors",
            "authorCount",
            c -> c.authorCount() == null ? null : c.authorCount().toString()),
    YEAR("year", "year", Candidate::year),
    VOLUME("volume", "volume", Candidate::volume),
    PAGES("pages", "pages", Candidate::pages),
    JOURNAL("journal", "journal", Candidate::journal),
    TITLE("title", "title", Candidate::title),
    DOI("DOI", "doi", Candidate::doi);

    private final String label;
    private final String goldName;
    private final Function<Candidate, @Nullable String> value;

    Field(String label, String goldName, Function<Candidate, @Nullable String> value) {
        this.label = label;
        this.goldName = goldName;
        this.value = value;
    }

    /** Column heading in the report. */
    String label() {
        return label;
    }

    /** The field's name in the gold JSON (as used in a document's {@code unprinted} lists). */
    String goldName() {
        return goldName;
    }

    @Nullable
    String of(Candidate c) {
        return value.apply(c);
    }

    /** True when the parsed value is exact for the gold value under this field's rule. */
    boolean exact(String gold, @Nullable String parsed) {
        if (parsed == null) {
            return false;
        }
        return switch (this) {
            case AUTHOR_COUNT, YEAR -> Objects.equals(gold.strip(), parsed.strip());
            case PAGES -> Exactness.samePages(gold, parsed);
            case DOI -> Exactness.sameDoi(gold, parsed);
            case FIRST_AUTHOR, VOLUME, JOURNAL, TITLE -> Exactness.sameText(gold, parsed);
        };
    }
}
