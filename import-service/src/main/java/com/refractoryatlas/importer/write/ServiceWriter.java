package com.refractoryatlas.importer.write;

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
     * Undoes the article write of a job that failed after it: the references service puts the article back as it
     * was (or removes it, if the job created it), and the references likewise, those the job created going unless
     * an article cites them. Idempotent.
     */
    ArticleDeletion deleteImportedArticle(ImportedArticle input);

    /**
     * Undoes the catalog write of a job that failed after it: the catalog puts back each document the job's batch
     * changed, and removes those it created, unless someone changed them since. Idempotent; nothing to do when the
     * job's batch never reached the catalog.
     */
    CatalogRetraction retractCatalogBatch(String importJobId);

    /** What the catalog undo did: documents put back, removed, and kept because they changed since. */
    record CatalogRetraction(int restored, int removed, int kept) {}

    /** Which article write to undo: the article and the job that wrote it. */
    record ImportedArticle(String id, String importJobId) {}

    /** What the undo did: whether the article went (or was put back), and how many references went. */
    record ArticleDeletion(boolean article, int references) {}
}
