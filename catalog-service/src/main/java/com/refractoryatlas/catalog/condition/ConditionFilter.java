package com.refractoryatlas.catalog.condition;

import org.jspecify.annotations.Nullable;

/** The contract's {@code ConditionFilter}; every part is optional and the parts combine with AND. */
record ConditionFilter(
        @Nullable String text,
        @Nullable String specialty,
        @Nullable String therapyId) {}
