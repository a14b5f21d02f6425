package com.refractoryatlas.catalog;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The catalog's tunables. Limits exist so that one hostile or broken batch cannot grow a document past what MongoDB
 * stores or a page past what a client can render.
 *
 * @param limits sizes that writes are validated against
 * @param fetchBatchSize documents the driver asks for per round trip, so that loading the treatments of a full
 *     page costs one command rather than one plus a {@code getMore} per 101 documents
 */
@ConfigurationProperties("atlas.catalog")
@Validated
public record CatalogProperties(
        @DefaultValue Limits limits,
        @DefaultValue("10000") @Positive int fetchBatchSize) {

    /**
     * Upper bounds on what one write may carry.
     *
     * @param batchItems items of each kind in one {@code upsertCatalog} call
     * @param nameLength characters of a name
     * @param idLength characters of a slug id
     * @param listItems entries in one list (aliases, criteria, ids)
     * @param textLength characters of one alias, criterion, description or summary
     */
    public record Limits(
            @DefaultValue("1000") @Positive int batchItems,
            @DefaultValue("200") @Positive int nameLength,
            @DefaultValue("120") @Positive int idLength,
            @DefaultValue("200") @Positive int listItems,
            @DefaultValue("4000") @Positive int textLength) {}
}
