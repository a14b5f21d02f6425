package com.refractoryatlas.gateway.federation;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Why a set of subgraphs does not compose; names the subgraphs and the type (or {@code Type.field}) concerned so that
 * the owner of the broken schema can fix it without reading gateway code.
 *
 * @param code Apollo-style error code, e.g. {@code FIELD_TYPE_MISMATCH}, {@code INVALID_FIELD_SHARING}
 */
public record CompositionError(
        String code,
        String message,
        List<String> subgraphs,
        @Nullable String coordinate) {

    public CompositionError {
        subgraphs = List.copyOf(subgraphs);
    }

    @Override
    public String toString() {
        return "[" + code + "] " + message;
    }
}
