package com.refractoryatlas.importer.write;

/**
 * The only way the import service changes data it does not own: the internal, idempotent batch mutations of the
 * references and catalog subgraphs. Each call is retried with exponential backoff and guarded by a per-service
 * circuit breaker; what still fails surfaces as {@link DownstreamUnavailableException} (wait and retry the job) or
 * {@link DownstreamRejectedException} (fail the job).
 */
public final class ServiceWriter {

    static final String REFERENCES = "references";
    static final String CATALOG = "catalog";

    private static final String UPSERT_ARTICLE = """
            mutation upsertArticle($input: ArticleInput!) {
              upsertArticle(input: $input) {
                article { id importJobId }
                outcome
                references { number id outcome }
              }
            }""";

    private static final String UPSERT_CATALOG = """
            mutation upsertCatalog($input: CatalogBatchInput!) {
              upsertCatalog(input: $input) { items { kind id outcome } }
            }""";

    private final SubgraphClient references;
    private final SubgraphClient catalog;

    ServiceWriter(SubgraphClient references, SubgraphClient catalog) {
        this.references = references;
        this.catalog = catalog;
    }

    public ArticleUpsertResult upsertArticle(ArticleInput input) {
        return references.mutate(UPSERT_ARTICLE, "upsertArticle", input, ArticleUpsertResult.class);
    }

    public CatalogBatchResult upsertCatalog(CatalogBatchInput input) {
        return catalog.mutate(UPSERT_CATALOG, "upsertCatalog", input, CatalogBatchResult.class);
    }
}
