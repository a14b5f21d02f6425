package com.refractoryatlas.importer.parse;

import java.util.function.Function;

/**
 * A pure function of a line with its last result kept, per thread: the cues that look at one line one after another
 * (or the readings of one reference entry tried in turn) compute it once between them. One entry, so that a miss costs
 * a string comparison and the cache holds one line.
 */
final class LastResult<V> {

    private record Entry<V>(String key, V value) {}

    private final Function<String, V> function;
    private final ThreadLocal<Entry<V>> last = new ThreadLocal<>();

    LastResult(Function<String, V> function) {
        this.function = function;
    }

    V of(String key) {
        Entry<V> entry = last.get();
        if (entry != null && entry.key().equals(key)) {
            return entry.value();
        }
        V value = function.apply(key);
        last.set(new Entry<>(key, value));
        return value;
    }
}
