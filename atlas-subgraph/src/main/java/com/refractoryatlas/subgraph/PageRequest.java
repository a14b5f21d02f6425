package com.refractoryatlas.subgraph;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A validated page of a Relay cursor connection: {@code first}/{@code after} reads forward from a cursor,
 * {@code last}/{@code before} reads backward to one (the Relay specification's arguments). Both cursors may bound the
 * same page. Repositories read keyset pages: forward in the connection's order after {@code after}, or in the reverse
 * order before {@code before} (then {@link Connection#of} puts the rows back in the connection's order), so a page
 * costs one indexed range scan however deep it is.
 *
 * @param size how many rows the client wants (0..{@value #MAX_SIZE})
 * @param after the decoded keyset cursor rows must follow, or null
 * @param before the decoded keyset cursor rows must precede, or null
 * @param backward whether the page is the last {@code size} rows before {@code before} ({@code last} was given)
 */
public record PageRequest(
        int size, @Nullable List<String> after, @Nullable List<String> before, boolean backward) {

    /** The most rows one page may return. */
    public static final int MAX_SIZE = 100;

    /** The page size when neither {@code first} nor {@code last} is given. */
    public static final int DEFAULT_SIZE = 20;

    /** A forward page ({@code first}/{@code after} only). */
    public static PageRequest of(@Nullable Integer first, @Nullable String after, int cursorArity) {
        return of(first, after, null, null, cursorArity);
    }

    /**
     * Validates the four Relay arguments: {@code first} and {@code last} together are refused (the page would be
     * ambiguous), as is a negative or oversized count or a cursor not made here; all as {@code BAD_USER_INPUT}.
     */
    public static PageRequest of(
            @Nullable Integer first,
            @Nullable String after,
            @Nullable Integer last,
            @Nullable String before,
            int cursorArity) {
        if (first != null && last != null) {
            throw ApiException.badUserInput("last", "first and last cannot be given together");
        }
        var backward = last != null;
        var size = backward ? checked("last", last) : first == null ? DEFAULT_SIZE : checked("first", first);
        return new PageRequest(
                size,
                after == null ? null : Cursor.decode(after, cursorArity, "after"),
                before == null ? null : Cursor.decode(before, cursorArity, "before"),
                backward);
    }

    private static int checked(String argument, int size) {
        if (size < 0) {
            throw ApiException.badUserInput(argument, "must not be negative");
        }
        if (size > MAX_SIZE) {
            throw ApiException.badUserInput(argument, "must be at most " + MAX_SIZE + " (was " + size + ")");
        }
        return size;
    }

    /** Rows to fetch: one more than asked, to learn whether more rows lie beyond the page. */
    public int fetchSize() {
        return size + 1;
    }
}
