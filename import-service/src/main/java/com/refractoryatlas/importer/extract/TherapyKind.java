package com.refractoryatlas.importer.extract;

/** The contract's {@code TherapyKind} enum, by value. */
public enum TherapyKind {
    DRUG,
    BIOLOGIC,
    PROCEDURE,
    DEVICE,
    NEUROMODULATION,
    DIET,
    PSYCHOLOGICAL,
    CELL_OR_GENE_THERAPY,
    SUPPORTIVE,
    STRATEGY,
    OTHER
}
