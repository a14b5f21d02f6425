package com.refractoryatlas.references.reference;

import com.refractoryatlas.subgraph.Connection;
import com.refractoryatlas.subgraph.Cursor;
import com.refractoryatlas.subgraph.GlobalId;
import com.refractoryatlas.subgraph.PageRequest;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class ReferenceController {

    private static final int CURSOR_ARITY = 2;

    private final ReferenceRepository references;
    private final ReferenceSearch search;

    ReferenceController(ReferenceRepository references, ReferenceSearch search) {
        this.references = references;
        this.search = search;
    }

    @QueryMapping
    @Nullable
    Reference reference(@Argument String id) {
        return references.findById(id).map(ReferenceDocument::toReference).orElse(null);
    }

    @QueryMapping
    Connection<Reference> references(
            @Argument @Nullable ReferenceFilter filter,
            @Argument @Nullable Integer first,
            @Argument @Nullable String after,
            @Argument @Nullable Integer last,
            @Argument @Nullable String before) {
        var page = PageRequest.of(first, after, last, before, CURSOR_ARITY);
        var query = search.toBson(filter);
        if (query.isEmpty()) {
            return Connection.empty();
        }
        var fetched = references.pageAndTotal(query.get(), page);
        var rows = page.size() == 0 ? List.<ReferenceDocument>of() : fetched.rows();
        var documents = Connection.of(rows, page, row -> Cursor.encode(row.sortKey(), row.id()), fetched.total());
        var edges = documents.edges().stream()
                .map(edge -> new Connection.Edge<>(edge.cursor(), edge.node().toReference()))
                .toList();
        return new Connection<>(edges, documents.pageInfo(), documents.totalCount());
    }

    /** Resolves {@code _entities} representations in one query, answering null for unknown ids. */
    @EntityMapping
    List<@Nullable Reference> reference(@Argument List<String> idList) {
        var found = references.findAllById(idList).stream()
                .map(ReferenceDocument::toReference)
                .collect(Collectors.toMap(Reference::id, Function.identity()));
        return idList.stream().map(found::get).toList();
    }

    /** The Relay global id, computed as every subgraph computes it (catalog's Query.node decodes it). */
    @SchemaMapping
    String nodeId(Reference reference) {
        return GlobalId.encode("Reference", reference.id());
    }
}
