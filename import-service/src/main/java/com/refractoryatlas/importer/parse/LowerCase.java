package com.refractoryatlas.importer.parse;

import java.util.Locale;

/** A line in lower case ({@link Locale#ROOT}), lowered once for the cues that look at it one after another. */
final class LowerCase {

    private static final LastResult<String> LOWER = new LastResult<>(s -> s.toLowerCase(Locale.ROOT));

    private LowerCase() {}

    /** {@code text.toLowerCase(Locale.ROOT)}. */
    static String of(String text) {
        return LOWER.of(text);
    }
}
