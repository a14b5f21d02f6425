package com.refractoryatlas.catalog.treatment;

/** An {@code Article} entity stub: references-service owns the article, the catalog only knows its id. */
public record Article(String id) {}
