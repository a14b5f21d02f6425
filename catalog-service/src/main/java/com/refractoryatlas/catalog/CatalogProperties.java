package com.refractoryatlas.catalog;

import jakarta.validation.constraints.Positive;
import java.time.Duration;
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
 * @param writes retries of writes that lost a race to another writer
 */
@ConfigurationProperties("atlas.catalog")
@Validated
public record CatalogProperties(
        @DefaultValue Limits limits,
        @DefaultValue("10000") @Positive int fetchBatchSize,
        @DefaultValue Writes writes) {

    /**
     * How a write that lost a race to another writer (optimistic concurrency on versioned documents) is retried.
     *
     * @param attempts tries in all before the caller gets a {@code CONFLICT} error to send again
     * @param maxPause the longest randomized pause between two tries
     */
    public record Writes(
            @DefaultValue("40") @Positive int attempts,
            @DefaultValue("100ms") Duration maxPause) {}

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
