package com.refractoryatlas.importer.write;

/** What an idempotent upsert did; only {@link #CREATED} counts as created, the others as matched. */
public enum UpsertOutcome {
    CREATED,
    UPDATED,
    UNCHANGED;

    public boolean created() {
        return this == CREATED;
    }
}
