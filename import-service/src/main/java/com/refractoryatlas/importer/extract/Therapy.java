package com.refractoryatlas.importer.extract;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A therapy the text discusses, identified by the slug of its canonical name.
 *
 * @param id slug of the canonical name, e.g. {@code electroconvulsive-therapy}
 * @param name canonical name
 * @param aliases vocabulary aliases and abbreviations plus surface forms met in this text
 * @param kind kind of therapy
 * @param drugClass drug class where the vocabulary knows it
 */
public record Therapy(
        String id,
        String name,
        List<String> aliases,
        TherapyKind kind,
        @Nullable String drugClass) {

    public Therapy {
        aliases = List.copyOf(aliases);
    }
}
