package com.refractoryatlas.references.reference;

import org.jspecify.annotations.Nullable;

/** The contract's {@code ReferenceFilter}: every given criterion must hold. */
record ReferenceFilter(
        @Nullable String text,
        @Nullable String author,
        @Nullable String journal,
        @Nullable Integer yearFrom,
        @Nullable Integer yearTo,
        @Nullable String conditionId) {}
