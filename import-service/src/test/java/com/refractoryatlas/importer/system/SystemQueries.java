package com.refractoryatlas.importer.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.client.HttpSyncGraphQlClient;
import org.springframework.web.client.RestClient;

/** What the catalog and references services hold, read through their public GraphQL queries. */
public final class SystemQueries {

    private static final int PAGE = 100;

    private final HttpSyncGraphQlClient catalog;
    private final HttpSyncGraphQlClient references;

    public SystemQueries(RunningSystem system) {
        this.catalog = client(system.catalogUrl());
        this.references = client(system.referencesUrl());
    }

    private static HttpSyncGraphQlClient client(String url) {
        return HttpSyncGraphQlClient.builder(RestClient.builder())
                .url(url)
                .header("X-Atlas-Service-Token", RunningSystem.TOKEN)
                .build();
    }

    public record Citation(int number, String referenceId) {}

    public record Article(String id, String kind, List<Citation> citations) {}

    public record Treatment(String conditionId, String therapyId, List<String> evidenceIds) {}

    /** Every count the acceptance criteria talk about, in one value to compare. */
    public record Counts(
            int articles,
            int journalArticles,
            int references,
            int conditions,
            int therapies,
            int treatments,
            int mechanisms) {}

    /** An article's title, or null when there is no such article. */
    public @org.jspecify.annotations.Nullable String articleTitle(String id) {
        return references
                .document("query($id: ID!) { article(id: $id) { title } }")
                .variable("id", id)
                .executeSync()
                .field("article.title")
                .getValue();
    }

    public Counts counts() {
        var articles = articles();
        return new Counts(
                articles.size(),
                (int) articles.stream()
                        .filter(a -> a.kind().equals("JOURNAL_ARTICLE"))
                        .count(),
                referenceIds().size(),
                conditionIds().size(),
                therapyIds().size(),
                treatments().size(),
                mechanismCount());
    }

    public List<Article> articles() {
        var result = new ArrayList<Article>();
        String after = null;
        do {
            var response = references.document("""
                            query($after: String) {
                              articles(first: 100, after: $after) {
                                pageInfo { hasNextPage endCursor }
                                edges { node { id kind citations { number reference { id } } } }
                              }
                            }""").variable("after", after).executeSync();
            List<Map<String, Object>> edges =
                    response.field("articles.edges").toEntity(new ParameterizedTypeReference<>() {});
            for (var edge : edges) {
                result.add(toArticle(cast(edge.get("node"))));
            }
            after = Boolean.TRUE.equals(
                            response.field("articles.pageInfo.hasNextPage").getValue())
                    ? response.field("articles.pageInfo.endCursor").toEntity(String.class)
                    : null;
        } while (after != null);
        return result;
    }

    public List<String> referenceIds() {
        return ids(references, "references");
    }

    public List<String> conditionIds() {
        return ids(catalog, "conditions");
    }

    public List<String> therapyIds() {
        return ids(catalog, "therapies");
    }

    public int mechanismCount() {
        return catalog.document("{ mechanisms { id } }")
                .executeSync()
                .field("mechanisms")
                .toEntityList(Map.class)
                .size();
    }

    public List<Treatment> treatments() {
        var result = new ArrayList<Treatment>();
        String after = null;
        do {
            var response = catalog.document("""
                            query($after: String) {
                              conditions(first: 100, after: $after) {
                                pageInfo { hasNextPage endCursor }
                                edges { node { id treatments { therapy { id } evidence { id } } } }
                              }
                            }""").variable("after", after).executeSync();
            List<Map<String, Object>> edges =
                    response.field("conditions.edges").toEntity(new ParameterizedTypeReference<>() {});
            for (var edge : edges) {
                Map<String, Object> node = cast(edge.get("node"));
                List<Map<String, Object>> treatments = cast(node.get("treatments"));
                for (var t : treatments) {
                    Map<String, Object> therapy = cast(t.get("therapy"));
                    List<Map<String, Object>> evidence = cast(t.get("evidence"));
                    result.add(new Treatment(
                            (String) node.get("id"),
                            (String) therapy.get("id"),
                            evidence.stream().map(e -> (String) e.get("id")).toList()));
                }
            }
            after = Boolean.TRUE.equals(
                            response.field("conditions.pageInfo.hasNextPage").getValue())
                    ? response.field("conditions.pageInfo.endCursor").toEntity(String.class)
                    : null;
        } while (after != null);
        return result;
    }

    private static List<String> ids(HttpSyncGraphQlClient client, String field) {
        var result = new ArrayList<String>();
        String after = null;
        do {
            var response = client.document("query($after: String) { " + field + "(first: " + PAGE
                            + ", after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } }")
                    .variable("after", after)
                    .executeSync();
            List<Map<String, Object>> edges =
                    response.field(field + ".edges").toEntity(new ParameterizedTypeReference<>() {});
            for (var edge : edges) {
                Map<String, Object> node = cast(edge.get("node"));
                result.add((String) node.get("id"));
            }
            after = Boolean.TRUE.equals(
                            response.field(field + ".pageInfo.hasNextPage").getValue())
                    ? response.field(field + ".pageInfo.endCursor").toEntity(String.class)
                    : null;
        } while (after != null);
        return result;
    }

    private static Article toArticle(Map<String, Object> node) {
        List<Map<String, Object>> citations = cast(node.get("citations"));
        return new Article(
                (String) node.get("id"),
                (String) node.get("kind"),
                citations.stream()
                        .map(c -> new Citation(((Number) c.get("number")).intValue(), (String)
                                SystemQueries.<Map<String, Object>>cast(c.get("reference"))
                                        .get("id")))
                        .toList());
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}
