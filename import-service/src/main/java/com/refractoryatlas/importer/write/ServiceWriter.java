package com.refractoryatlas.importer.write;

import java.util.List;

/**
 * The only way the import service changes data it does not own: the internal, idempotent batch mutations of the
 * references and catalog subgraphs (docs/internal-api.md). Each call is retried with exponential backoff and guarded
 * by a per-service circuit breaker; what still fails surfaces as {@link DownstreamUnavailableException} (wait and
 * retry the job) or {@link DownstreamRejectedException} (fail the job). An interface so that tests can make any step
 * fail.
 */
public interface ServiceWriter {

    String REFERENCES = "references";
    String CATALOG = "catalog";

    ArticleUpsertResult upsertArticle(ArticleInput input);

    CatalogBatchResult upsertCatalog(CatalogBatchInput input);

    /**
     * Undoes the article write of a job that failed after it: removes the article if that job created it (or puts
     * back the version it replaced), and the references it created that no other article cites. Idempotent.
     */
    ArticleDeletion deleteImportedArticle(ImportedArticle input);

    /** Which article write to undo: the article, the job that wrote it, and the references that job created. */
    record ImportedArticle(String id, String importJobId, List<String> referenceIds) {

        public ImportedArticle {
            referenceIds = List.copyOf(referenceIds);
        }
    }

    /** What the undo did: whether the article went (or was put back), and how many references went. */
    record ArticleDeletion(boolean article, int references) {}
}
