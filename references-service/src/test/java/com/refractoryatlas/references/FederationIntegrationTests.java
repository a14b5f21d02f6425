package com.refractoryatlas.references;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.references.article.Article;
import com.refractoryatlas.references.article.ArticleKind;
import com.refractoryatlas.references.article.Articles;
import com.refractoryatlas.references.article.Citation;
import com.refractoryatlas.references.reference.Author;
import com.refractoryatlas.references.reference.Reference;
import com.refractoryatlas.references.reference.References;
import com.refractoryatlas.subgraph.GlobalId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class FederationIntegrationTests extends IntegrationTestSupport {

    @Autowired
    References references;

    @Autowired
    Articles articles;

    /** 100 references, each cited by one of 20 articles citing 5 of them. */
    private void storeCorpus() {
        var works = IntStream.range(0, 100)
                .mapToObj(i -> new Reference(
                        "ref-" + i,
                        "Work " + i,
                        List.of(new Author("Family" + i, "Given", null)),
                        "Journal",
                        "1",
                        "2",
                        "3-4",
                        2000 + i % 20,
                        null))
                .toList();
        references.replaceAll(works);
        var citing = new ArrayList<Article>();
        for (int a = 0; a < 20; a++) {
            var citations = new ArrayList<Citation>();
            for (int c = 0; c < 5; c++) {
                citations.add(new Citation(c + 1, "ref-" + (a * 5 + c), List.of("Sentence [" + (c + 1) + "].")));
            }
            var ids = citations.stream().map(Citation::referenceId).toList();
            citing.add(new Article(
                    "sha256:" + a,
                    ArticleKind.JOURNAL_ARTICLE,
                    "c" + a,
                    "Article " + a,
                    List.of(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    2020,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    List.of(),
                    citations,
                    ids,
                    null));
        }
        articles.replaceAll(citing);
    }

    private long commandsForReferenceEntities(int n) {
        var representations = IntStream.range(0, n)
                .mapToObj(i -> Map.of("__typename", "Reference", "id", "ref-" + i))
                .toList();
        commands.reset();
        asImporter()
                .documentName("referenceEntities")
                .variable("representations", representations)
                .execute()
                .path("_entities[%d].citedBy[0].citations[4].reference.id".formatted(n - 1))
                .hasValue();
        return commands.total();
    }

    @Test
    void publishesTheSubgraphSdlWithEntityKeys() {
        var sdl = asImporter()
                .documentName("subgraphSdl")
                .execute()
                .path("_service.sdl")
                .entity(String.class)
                .get();

        assertThat(sdl)
                .contains("type Reference implements Node @key(fields : \"id\"")
                .contains("type Article implements Node @key(fields : \"id\"")
                .contains("type Author @shareable")
                .contains("type PageInfo @shareable");
    }

    @Test
    void resolvesEntitiesInInputOrderWithNullForUnknownOnes() {
        storeCorpus();

        var response = asImporter()
                .documentName("referenceEntities")
                .variable(
                        "representations",
                        List.of(
                                Map.of("__typename", "Reference", "id", "ref-7"),
                                Map.of("__typename", "Reference", "id", "missing"),
                                Map.of("__typename", "Reference", "id", "ref-3")))
                .execute();

        response.path("_entities[0].title").entity(String.class).isEqualTo("Work 7");
        response.path("_entities[1]").valueIsNull();
        response.path("_entities[2].citedBy[*].id").entityList(String.class).containsExactly("sha256:0");
    }

    @Test
    void answersTheGlobalIdOfExistingEntitiesAndNullForUnknownOnes() {
        storeCorpus();

        var response = asImporter()
                .documentName("nodeIdEntities")
                .variable(
                        "representations",
                        List.of(
                                Map.of("__typename", "Article", "id", "sha256:3"),
                                Map.of("__typename", "Reference", "id", "ref-7"),
                                Map.of("__typename", "Reference", "id", "missing")))
                .execute();

        response.path("_entities[0].nodeId").entity(String.class).isEqualTo(GlobalId.encode("Article", "sha256:3"));
        response.path("_entities[1].nodeId").entity(String.class).isEqualTo(GlobalId.encode("Reference", "ref-7"));
        response.path("_entities[2]").valueIsNull();
    }

    @Test
    void resolvesArticleEntities() {
        storeCorpus();

        asImporter()
                .documentName("articleEntities")
                .variable(
                        "representations",
                        List.of(
                                Map.of("__typename", "Article", "id", "sha256:3"),
                                Map.of("__typename", "Article", "id", "sha256:404")))
                .execute()
                .path("_entities[0].citations[*].reference.id")
                .entityList(String.class)
                .containsExactly("ref-15", "ref-16", "ref-17", "ref-18", "ref-19")
                .path("_entities[1]")
                .valueIsNull();
    }

    @Test
    void costsTheSameNumberOfQueriesForFiveOrOneHundredEntities() {
        storeCorpus();

        long five = commandsForReferenceEntities(5);
        long hundred = commandsForReferenceEntities(100);

        assertThat(hundred).isEqualTo(five);
        assertThat(five).isLessThanOrEqualTo(4);
    }
}
