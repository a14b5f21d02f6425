package com.refractoryatlas.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.graphql.ResponseError;

/** Assertions on the typed errors clients see. */
public final class GraphQlErrors {

    private GraphQlErrors() {}

    /** Exactly one error, with this {@code extensions.code} and a message mentioning {@code field}. */
    public static Consumer<List<ResponseError>> oneWithCode(String code, String field) {
        return errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.getFirst().getExtensions()).containsEntry("code", code);
            assertThat(errors.getFirst().getMessage()).contains(field);
        };
    }
}
