package com.refractoryatlas.subgraph;

import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** A Relay connection, the shape of every {@code XxxConnection} type in the contract. */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, long totalCount) {

    public record Edge<T>(String cursor, T node) {}

    /**
     * The Relay specification's page info. As in graphql-relay-js (the reference implementation), a forward page
     * says whether a next page exists and a backward page whether a previous one does; the other flag is false
     * (the specification allows it, and answering it would cost another query per page).
     */
    public record PageInfo(
            boolean hasNextPage,
            boolean hasPreviousPage,
            @Nullable String startCursor,
            @Nullable String endCursor) {

        /** The page info of an empty page. */
        public static PageInfo empty() {
            return new PageInfo(false, false, null, null);
        }
    }

    /** An empty connection: nothing matches. */
    public static <T> Connection<T> empty() {
        return new Connection<>(List.of(), PageInfo.empty(), 0);
    }

    /**
     * Builds a page from rows fetched with {@link PageRequest#fetchSize()}, in the connection's order for a forward
     * page and in the reverse order for a backward one: the extra row, when present, only says that more rows lie
     * beyond the page.
     */
    public static <T> Connection<T> of(
            List<T> fetched, PageRequest page, Function<T, String> cursorOf, long totalCount) {
        boolean more = fetched.size() > page.size();
        var rows = more ? fetched.subList(0, page.size()) : fetched;
        if (page.backward()) {
            rows = rows.reversed();
        }
        var edges =
                rows.stream().map(row -> new Edge<>(cursorOf.apply(row), row)).toList();
        var startCursor = edges.isEmpty() ? null : edges.getFirst().cursor();
        var endCursor = edges.isEmpty() ? null : edges.getLast().cursor();
        var pageInfo = page.backward()
                ? new PageInfo(false, more, startCursor, endCursor)
                : new PageInfo(more, false, startCursor, endCursor);
        return new Connection<>(edges, pageInfo, totalCount);
    }
}
