package com.refractoryatlas.subgraph;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A validated {@code first}/{@code after} pair.
 *
 * @param first how many rows the client wants (0..max)
 * @param after the decoded keyset cursor, or null for the first page
 */
public record PageRequest(int first, @Nullable List<String> after) {

    /** The most rows one page may return. */
    public static final int MAX_FIRST = 100;

    public static PageRequest of(@Nullable Integer first, @Nullable String after, int cursorArity) {
        int size = first == null ? 20 : first;
        if (size < 0) {
            throw ApiException.badUserInput("first", "must not be negative");
        }
        if (size > MAX_FIRST) {
            throw ApiException.badUserInput("first", "must be at most " + MAX_FIRST + " (was " + size + ")");
        }
        return new PageRequest(size, after == null ? null : Cursor.decode(after, cursorArity));
    }

    /** Rows to fetch: one more than asked, to learn whether a next page exists. */
    public int fetchSize() {
        return first + 1;
    }
}
