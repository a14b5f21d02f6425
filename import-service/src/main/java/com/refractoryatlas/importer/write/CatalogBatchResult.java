package com.refractoryatlas.importer.write;

import java.util.List;

/** The answer of {@code upsertCatalog}: one outcome per item, {@code kind} CONDITION, THERAPY, MECHANISM or TREATMENT. */
public record CatalogBatchResult(List<Item> items) {

    public CatalogBatchResult {
        items = List.copyOf(items);
    }

    public record Item(String kind, String id, UpsertOutcome outcome) {}
}
