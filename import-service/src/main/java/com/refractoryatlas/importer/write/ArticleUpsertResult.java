package com.refractoryatlas.importer.write;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The answer of {@code upsertArticle}: the article's id and the id the service derived for each reference. */
public record ArticleUpsertResult(ArticleId article, UpsertOutcome outcome, List<ReferenceUpsert> references) {

    public ArticleUpsertResult {
        references = List.copyOf(references);
    }

    /**
     * @param importJobId the import job that first produced the article: lets a job resumed after a crash tell an
     *     article it wrote itself in an earlier attempt from one another job wrote
     */
    public record ArticleId(String id, @Nullable String importJobId) {}

    public record ReferenceUpsert(int number, String id, UpsertOutcome outcome) {}
}
