package com.refractoryatlas.references.article;

import com.refractoryatlas.references.reference.UpsertOutcome;
import java.util.List;

/**
 * What {@code upsertArticle} did: the stored article, its outcome, and one entry per input reference (in input order)
 * with the id the service derived, which the import service passes on as treatment evidence.
 */
record ArticleUpsertResult(Article article, UpsertOutcome outcome, List<ReferenceUpsert> references) {

    record ReferenceUpsert(int number, String id, UpsertOutcome outcome) {}
}
