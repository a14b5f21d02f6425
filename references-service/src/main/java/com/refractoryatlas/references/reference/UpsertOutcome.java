package com.refractoryatlas.references.reference;

/** What an idempotent upsert did, so that callers can count creations and see that a retry changed nothing. */
public enum UpsertOutcome {
    CREATED,
    UPDATED,
    UNCHANGED
}
