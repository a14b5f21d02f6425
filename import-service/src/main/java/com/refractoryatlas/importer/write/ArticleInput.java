package com.refractoryatlas.importer.write;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The references service's {@code ArticleInput} (docs/internal-api.md): one article with all its references and
 * citations, written in one idempotent call. Dates are ISO-8601 calendar dates.
 */
public record ArticleInput(
        String kind,
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
        @Nullable String received,
        @Nullable String editorAssigned,
        @Nullable String reviewed,
        @Nullable String revised,
        @Nullable String published,
        List<SectionInput> sections,
        List<ReferenceInput> references,
        List<CitationInput> citations,
        @Nullable String importJobId) {

    public static final String JOURNAL_ARTICLE = "JOURNAL_ARTICLE";
    public static final String EXPLAINER = "EXPLAINER";
    /** A reference-manager file or PubMed export: references only (see {@code ParsedDocument.ReferenceList}). */
    public static final String REFERENCE_LIST = "REFERENCE_LIST";

    public ArticleInput {
        authors = List.copyOf(authors);
        sections = List.copyOf(sections);
        references = List.copyOf(references);
        citations = List.copyOf(citations);
    }

    /** The same article, marked as produced by {@code jobId}. */
    public ArticleInput withImportJobId(String jobId) {
        return new ArticleInput(
                kind,
                checksum,
                title,
                authors,
                affiliation,
                correspondenceEmail,
                journal,
                volume,
                articleNumber,
                year,
                doi,
                manuscriptNumber,
                received,
                editorAssigned,
                reviewed,
                revised,
                published,
                sections,
                references,
                citations,
                jobId);
    }

    public record AuthorInput(
            String family, @Nullable String given, @Nullable String suffix) {}

    public record SectionInput(String heading, String text) {}

    public record ReferenceInput(
            int number,
            String title,
            List<AuthorInput> authors,
            @Nullable String journal,
            @Nullable String volume,
            @Nullable String issue,
            @Nullable String pages,
            @Nullable Integer year,
            @Nullable String doi) {

        public ReferenceInput {
            authors = List.copyOf(authors);
        }
    }

    public record CitationInput(int number, List<String> contexts) {

        public CitationInput {
            contexts = List.copyOf(contexts);
        }
    }
}
