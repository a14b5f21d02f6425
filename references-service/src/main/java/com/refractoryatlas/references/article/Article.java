package com.refractoryatlas.references.article;

import com.refractoryatlas.references.reference.Author;
import java.time.LocalDate;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;
import org.jspecify.annotations.Nullable;

/**
 * An ingested source document as stored in the {@code articles} collection. Its id is derived by
 * {@link ArticleIdentity} (DOI, else the source checksum) so that re-importing it updates it in place. Citations are
 * kept in marker order; {@code referenceIds} repeats their targets so that "which articles cite this reference" is
 * one indexed query.
 */
public record Article(
        @BsonId String id,
        ArticleKind kind,
        String checksum,
        String title,
        List<Author> authors,
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
        List<Section> sections,
        List<Citation> citations,
        List<String> referenceIds,
        @Nullable String importJobId) {

    public Article {
        authors = List.copyOf(authors);
        sections = List.copyOf(sections);
        citations = List.copyOf(citations);
        referenceIds = List.copyOf(referenceIds);
    }

    /** This article attributed to another import job; the attribution is not content. */
    Article withImportJobId(@Nullable String jobId) {
        return new Article(
                id,
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
                citations,
                referenceIds,
                jobId);
    }
}
