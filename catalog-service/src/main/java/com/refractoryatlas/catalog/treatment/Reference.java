package com.refractoryatlas.catalog.treatment;

/** A {@code Reference} entity stub: references-service owns the reference, the catalog only knows its id. */
public record Reference(String id) {}
