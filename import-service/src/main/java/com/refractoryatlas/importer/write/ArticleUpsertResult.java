package com.refractoryatlas.importer.write;

import java.util.List;

/** The answer of {@code upsertArticle}: the article's id and the id the service derived for each reference. */
public record ArticleUpsertResult(ArticleId article, UpsertOutcome outcome, List<ReferenceUpsert> references) {

    public ArticleUpsertResult {
        references = List.copyOf(references);
    }

    public record ArticleId(String id) {}

    public record ReferenceUpsert(int number, String id, UpsertOutcome outcome) {}
}
