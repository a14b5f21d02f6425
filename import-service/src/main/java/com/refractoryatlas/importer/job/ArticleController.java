package com.refractoryatlas.importer.job;

import graphql.GraphQLContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/** Contributes {@code Article.importJob} to the references subgraph's {@code Article} entity. */
@Controller
class ArticleController {

    private final ImportJobs jobs;

    ArticleController(ImportJobs jobs) {
        this.jobs = jobs;
    }

    /** An {@code Article} known only by its key (named like the GraphQL type so federation resolves it); the references subgraph owns the rest. */
    record Article(String id) {}

    /** Every representation is accepted: this subgraph answers {@code importJob}, null when it made none. */
    @EntityMapping
    List<Article> article(@Argument List<String> idList) {
        return idList.stream().map(Article::new).toList();
    }

    /** The newest succeeded job that wrote each article and that the caller may see, all in one query. */
    @BatchMapping
    Map<Article, ImportJob> importJob(List<Article> articles, GraphQLContext context) {
        var viewer = ImportJobController.viewer(context);
        if (viewer.scope() == Viewer.Scope.NONE) {
            return Map.of();
        }
        var ids = articles.stream().map(Article::id).distinct().toList();
        var newestByArticle = new HashMap<String, ImportJob>();
        for (var job : jobs.findSucceededByArticleIds(ids)) {
            if (!viewer.sees(job)) {
                continue;
            }
            newestByArticle.putIfAbsent(job.articleId(), job);
        }
        var result = new HashMap<Article, ImportJob>();
        for (var article : articles) {
            var job = newestByArticle.get(article.id());
            if (job != null) {
                result.put(article, job);
            }
        }
        return result;
    }
}
