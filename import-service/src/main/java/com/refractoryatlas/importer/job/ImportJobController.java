package com.refractoryatlas.importer.job;

import com.refractoryatlas.subgraph.ApiException;
import com.refractoryatlas.subgraph.Caller;
import com.refractoryatlas.subgraph.Connection;
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
class ImportJobController {

    static final String IMPORTER_ROLE = "importer";
    private static final int MAX_SOURCE_LENGTH = 1024;

    private final ImportJobs jobs;

    ImportJobController(ImportJobs jobs) {
        this.jobs = jobs;
    }

    /** The contract's {@code ImportDocumentInput}. */
    record ImportDocumentInput(String source, String text) {}

    @MutationMapping
    ImportJob importDocument(@Argument ImportDocumentInput input, GraphQLContext context) {
        Caller.from(context).requireRole(IMPORTER_ROLE, false);
        var source = input.source().strip();
        if (source.isEmpty()) {
            throw ApiException.badUserInput("input.source", "must not be blank");
        }
        if (source.length() > MAX_SOURCE_LENGTH) {
            throw ApiException.badUserInput("input.source", "must be at most " + MAX_SOURCE_LENGTH + " characters");
        }
        return jobs.submit(source, input.text());
    }

    /** Resolves {@code _entities} representations in one query, answering null for unknown ids. */
    @EntityMapping
    List<@Nullable ImportJob> importJob(@Argument List<String> idList) {
        var found = jobs.findAll(idList).stream().collect(Collectors.toMap(ImportJob::id, Function.identity()));
        return idList.stream().map(found::get).toList();
    }

    @QueryMapping
    @Nullable
    ImportJob importJob(@Argument String id) {
        return jobs.find(id).orElse(null);
    }

    @QueryMapping
    Connection<ImportJob> importJobs(
            @Argument @Nullable ImportStatus status,
            @Argument @Nullable Integer first,
            @Argument @Nullable String after) {
        return jobs.page(status, first, after);
    }

    /** A reference to the article the job wrote, resolved by the references subgraph through the gateway. */
    @SchemaMapping
    ArticleController.@Nullable Article article(ImportJob job) {
        var articleId = job.articleId();
        return articleId == null ? null : new ArticleController.Article(articleId);
    }
}
