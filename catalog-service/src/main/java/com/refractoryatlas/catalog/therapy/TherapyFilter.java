package com.refractoryatlas.catalog.therapy;

import org.jspecify.annotations.Nullable;

/** The contract's {@code TherapyFilter}; every part is optional and the parts combine with AND. */
record TherapyFilter(
        @Nullable String text,
        @Nullable String kind,
        @Nullable String conditionId) {}
