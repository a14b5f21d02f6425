package com.refractoryatlas.importer.write;

/** {@link ServiceWriter} over the subgraphs' GraphQL endpoints, one {@link SubgraphClient} each. */
final class SubgraphServiceWriter implements ServiceWriter {

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

    private static final String DELETE_IMPORTED_ARTICLE = """
            mutation deleteImportedArticle($input: ImportedArticleInput!) {
              deleteImportedArticle(input: $input) { article references }
            }""";

    private static final String RETRACT_CATALOG_BATCH = """
            mutation retractCatalogBatch($input: ID!) {
              retractCatalogBatch(importJobId: $input) { restored removed kept }
            }""";

    private final SubgraphClient references;
    private final SubgraphClient catalog;

    SubgraphServiceWriter(SubgraphClient references, SubgraphClient catalog) {
        this.references = references;
        this.catalog = catalog;
    }

    @Override
    public ArticleUpsertResult upsertArticle(ArticleInput input) {
        return references.mutate(UPSERT_ARTICLE, "upsertArticle", input, ArticleUpsertResult.class);
    }

    @Override
    public CatalogBatchResult upsertCatalog(CatalogBatchInput input) {
        return catalog.mutate(UPSERT_CATALOG, "upsertCatalog", input, CatalogBatchResult.class);
    }

    @Override
    public CatalogRetraction retractCatalogBatch(String importJobId) {
        return catalog.mutate(RETRACT_CATALOG_BATCH, "retractCatalogBatch", importJobId, CatalogRetraction.class);
    }

    /**
     * Undoes the article write of a job that failed after it: removes the article if that job created it (or puts
     * back the version it replaced), and the references it created that no other article cites. Idempotent.
     */
    @Override
    public ArticleDeletion deleteImportedArticle(ImportedArticle input) {
        return references.mutate(DELETE_IMPORTED_ARTICLE, "deleteImportedArticle", input, ArticleDeletion.class);
    }
}
