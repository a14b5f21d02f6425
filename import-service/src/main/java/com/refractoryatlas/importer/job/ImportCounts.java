package com.refractoryatlas.importer.job;

/** How many items of each kind an import created (or, in {@code matched}, found already there). */
public record ImportCounts(
        int conditions, int therapies, int treatments, int references, int articles, int mechanisms) {

    public static final ImportCounts NONE = new ImportCounts(0, 0, 0, 0, 0, 0);

    public ImportCounts plus(ImportCounts other) {
        return new ImportCounts(
                conditions + other.conditions,
                therapies + other.therapies,
                treatments + other.treatments,
                references + other.references,
                articles + other.articles,
                mechanisms + other.mechanisms);
    }
}
