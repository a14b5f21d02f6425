package com.refractoryatlas.references.article;

import com.refractoryatlas.subgraph.Caller;
import com.refractoryatlas.subgraph.Connection;
import com.refractoryatlas.subgraph.Cursor;
import com.refractoryatlas.subgraph.GlobalId;
import com.refractoryatlas.subgraph.PageRequest;
import graphql.GraphQLContext;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class ArticleController {

    private static final int CURSOR_ARITY = 1;
    private static final String IMPORTER_ROLE = "importer";

    private final ArticleRepository articles;
    private final ArticleUpserts upserts;

    ArticleController(ArticleRepository articles, ArticleUpserts upserts) {
        this.articles = articles;
        this.upserts = upserts;
    }

    @QueryMapping
    @Nullable
    Article article(@Argument String id) {
        return articles.findById(id).orElse(null);
    }

    @QueryMapping
    Connection<Article> articles(
            @Argument @Nullable ArticleKind kind,
            @Argument @Nullable Integer first,
            @Argument @Nullable String after,
            @Argument @Nullable Integer last,
            @Argument @Nullable String before) {
        var page = PageRequest.of(first, after, last, before, CURSOR_ARITY);
        var rows = page.size() == 0 ? List.<Article>of() : articles.page(kind, page);
        return Connection.of(rows, page, row -> Cursor.encode(row.id()), articles.count(kind));
    }

    /** Resolves {@code _entities} representations in one query, answering null for unknown ids. */
    @EntityMapping
    List<@Nullable Article> article(@Argument List<String> idList) {
        var found = articles.findAllById(idList).stream().collect(Collectors.toMap(Article::id, Function.identity()));
        return idList.stream().map(found::get).toList();
    }

    /** The Relay global id, computed as every subgraph computes it (catalog's Query.node decodes it). */
    @SchemaMapping
    String nodeId(Article article) {
        return GlobalId.encode("Article", article.id());
    }

    /** Which import's article write to take back: the article and the job that wrote it. */
    record ImportedArticleInput(String id, String importJobId) {}

    /** Internal (import service): a failed import job takes back its article write. Idempotent. */
    @MutationMapping
    ImportUndo.Result deleteImportedArticle(@Argument ImportedArticleInput input, GraphQLContext context) {
        Caller.from(context).requireRole(IMPORTER_ROLE, true);
        return upserts.undo(input.id(), input.importJobId());
    }

    @MutationMapping
    ArticleUpsertResult upsertArticle(@Argument ArticleInput input, GraphQLContext context) {
        Caller.from(context).requireRole(IMPORTER_ROLE, true);
        return upserts.upsert(input);
    }
}
