package com.refractoryatlas.importer.parse;

import java.util.Locale;

/**
 * A line in lower case ({@link Locale#ROOT}), kept for the next caller: the cues that look at one line one after
 * another (footer keys, front-matter keys, captions, furniture phrases) lower it once between them. One entry per
 * thread, matched by identity, so that it costs a comparison and holds one line.
 */
final class LowerCase {

    private record Entry(String text, String lower) {}

    private static final ThreadLocal<Entry> LAST = ThreadLocal.withInitial(() -> new Entry("", ""));

    private LowerCase() {}

    /** {@code text.toLowerCase(Locale.ROOT)}. */
    static String of(String text) {
        Entry last = LAST.get();
        if (last.text() == text) {
            return last.lower();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        LAST.set(new Entry(text, lower));
        return lower;
    }
}
