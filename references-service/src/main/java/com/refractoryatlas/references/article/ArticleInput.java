package com.refractoryatlas.references.article;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code upsertArticle} input exactly as docs/internal-api.md pins it. GraphQL guarantees the non-null fields;
 * {@link ArticleInputValidator} checks everything else before anything is written.
 */
record ArticleInput(
        ArticleKind kind,
        String checksum,
        String title,
        List<AuthorInput> authors,
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
        @Nullable LocalDate published,
        List<SectionInput> sections,
        List<ReferenceInput> references,
        List<CitationInput> citations,
        @Nullable String importJobId) {

    record AuthorInput(
            String family, @Nullable String given, @Nullable String suffix) {}

    record SectionInput(String heading, String text) {}

    record ReferenceInput(
            int number,
            String title,
            List<AuthorInput> authors,
            @Nullable String journal,
            @Nullable String volume,
            @Nullable String issue,
            @Nullable String pages,
            @Nullable Integer year,
            @Nullable String doi) {}

    record CitationInput(int number, List<String> contexts) {}
}
