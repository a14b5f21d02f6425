package com.refractoryatlas.subgraph;

import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** A Relay connection, the shape of every {@code XxxConnection} type in the contract. */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, long totalCount) {

    public record Edge<T>(String cursor, T node) {}

    public record PageInfo(boolean hasNextPage, @Nullable String endCursor) {}

    /**
     * Builds a page from rows fetched with {@link PageRequest#fetchSize()}: the extra row, when present, only says
     * that a next page exists.
     */
    public static <T> Connection<T> of(
            List<T> fetched, PageRequest page, Function<T, String> cursorOf, long totalCount) {
        boolean hasNext = fetched.size() > page.first();
        var rows = hasNext ? fetched.subList(0, page.first()) : fetched;
        var edges =
                rows.stream().map(row -> new Edge<>(cursorOf.apply(row), row)).toList();
        var endCursor = edges.isEmpty() ? null : edges.getLast().cursor();
        return new Connection<>(edges, new PageInfo(hasNext, endCursor), totalCount);
    }
}
