package com.refractoryatlas.importer.parse;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The front matter and editorial footer of a journal article, shaped like the references service's
 * {@code ArticleInput} so that the import job copies it field by field.
 *
 * @param volume as printed ("09"), a string because journals print leading zeros and letters
 * @param articleNumber the article's own number or page range in its journal issue ("387")
 * @param manuscriptNumber the first "Manuscript No." of the editorial footer
 */
public record ArticleMetadata(
        String title,
        List<ParsedAuthor> authors,
        @Nullable String affiliation,
        @Nullable String correspondenceEmail,
        @Nullable String journal,
        @Nullable String volume,
        @Nullable String articleNumber,
        @Nullable Integer year,
        @Nullable String doi,
        @Nullable String manuscriptNumber,
        @Nullable LocalDate received,
        @Nullable LocalDate editorAssigned,
        @Nullable LocalDate reviewed,
        @Nullable LocalDate revised,
        @Nullable LocalDate published) {

    public ArticleMetadata {
        authors = List.copyOf(authors);
    }
}
