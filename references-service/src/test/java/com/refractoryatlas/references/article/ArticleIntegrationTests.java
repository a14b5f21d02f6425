package com.refractoryatlas.references.article;

import static com.refractoryatlas.references.SampleArticles.author;
import static com.refractoryatlas.references.SampleArticles.citation;
import static com.refractoryatlas.references.SampleArticles.list;
import static com.refractoryatlas.references.SampleArticles.references;
import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.references.IntegrationTestSupport;
import com.refractoryatlas.references.SampleArticles;
import com.refractoryatlas.subgraph.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.bson.Document;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

class ArticleIntegrationTests extends IntegrationTestSupport {

    private GraphQlTester.Response upsert(Map<String, Object> input) {
        return asImporter()
                .documentName("upsertArticle")
                .variable("input", input)
                .execute();
    }

    private long stored(String collection) {
        return database.getCollection(collection).countDocuments();
    }

    private void assertBadInput(Map<String, Object> input, String field) {
        upsert(input).errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.getFirst().getExtensions())
                    .containsEntry("code", "BAD_USER_INPUT")
                    .containsEntry("field", field);
        });
        assertThat(stored("articles")).isZero();
        assertThat(stored("references")).isZero();
    }

    @Nested
    class Upserting {

        @Test
        void createsTheArticleAndEveryReference() {
            var response = upsert(SampleArticles.ketamineReview());

            response.path("upsertArticle.outcome").entity(String.class).isEqualTo("CREATED");
            response.path("upsertArticle.article.id").entity(String.class).isEqualTo("doi:10.1000/atlas.2025.001");
            response.path("upsertArticle.references[*].outcome")
                    .entityList(String.class)
                    .containsExactly("CREATED", "CREATED", "CREATED");
            response.path("upsertArticle.references[*].number")
                    .entityList(Integer.class)
                    .containsExactly(1, 2, 3);
            assertThat(stored("articles")).isEqualTo(1);
            assertThat(stored("references")).isEqualTo(3);
        }

        @Test
        void repeatingTheSameCallChangesNothing() {
            var first = upsert(SampleArticles.ketamineReview())
                    .path("upsertArticle.references[*].id")
                    .entityList(String.class)
                    .get();

            var again = upsert(SampleArticles.ketamineReview());

            again.path("upsertArticle.outcome").entity(String.class).isEqualTo("UNCHANGED");
            again.path("upsertArticle.references[*].outcome")
                    .entityList(String.class)
                    .containsExactly("UNCHANGED", "UNCHANGED", "UNCHANGED");
            again.path("upsertArticle.references[*].id")
                    .entityList(String.class)
                    .isEqualTo(first);
            assertThat(stored("articles")).isEqualTo(1);
            assertThat(stored("references")).isEqualTo(3);
        }

        @Test
        void reimportByAnotherJobIsUnchangedAndKeepsTheFirstJob() {
            upsert(SampleArticles.ketamineReview());
            var input = SampleArticles.ketamineReview();
            input.put("importJobId", "job-2");

            upsert(input).path("upsertArticle.outcome").entity(String.class).isEqualTo("UNCHANGED");

            graphQl.documentName("article")
                    .variable("id", "doi:10.1000/atlas.2025.001")
                    .execute()
                    .path("article.importJobId")
                    .entity(String.class)
                    .isEqualTo("job-1");
        }

        @Test
        void aChangedVersionWithTheSameDoiUpdatesInPlace() {
            upsert(SampleArticles.ketamineReview());
            var revised = SampleArticles.ketamineReview();
            revised.put("title", "Defying Treatment (revised)");
            revised.put("doi", "https://doi.org/10.1000/atlas.2025.001");
            revised.put("checksum", "a".repeat(64));

            var response = upsert(revised);

            response.path("upsertArticle.outcome").entity(String.class).isEqualTo("UPDATED");
            response.path("upsertArticle.article.id").entity(String.class).isEqualTo("doi:10.1000/atlas.2025.001");
            response.path("upsertArticle.article.title").entity(String.class).isEqualTo("Defying Treatment (revised)");
            assertThat(stored("articles")).isEqualTo(1);
        }

        @Test
        void sharesAReferenceCitedByTwoArticles() {
            var firstIds = upsert(SampleArticles.ketamineReview())
                    .path("upsertArticle.references[*].id")
                    .entityList(String.class)
                    .get();

            var second = upsert(SampleArticles.epilepsyUpdate());

            second.path("upsertArticle.references[0].id").entity(String.class).isEqualTo(firstIds.get(1));
            second.path("upsertArticle.references[0].outcome")
                    .entity(String.class)
                    .isEqualTo("UNCHANGED");
            second.path("upsertArticle.references[1].outcome")
                    .entity(String.class)
                    .isEqualTo("CREATED");
            assertThat(stored("references")).isEqualTo(4);
            graphQl.documentName("reference")
                    .variable("id", firstIds.get(1))
                    .execute()
                    .path("reference.citedBy[*].id")
                    .entityList(String.class)
                    .containsExactly("doi:10.1000/atlas.2025.001", "doi:10.1000/atlas.2025.002");
        }

        @Test
        void aLaterSourceCompletesASharedReferenceWithoutErasingIt() {
            upsert(SampleArticles.ketamineReview());
            var input = SampleArticles.epilepsyUpdate();
            var shared = references(input).getFirst();
            shared.put("issue", null);
            shared.put("pages", "727-743");

            upsert(input)
                    .path("upsertArticle.references[0].outcome")
                    .entity(String.class)
                    .isEqualTo("UPDATED");

            var stored = database.getCollection("references")
                    .find(new Document("doi", "10.1080/14737175.2020.1784125"))
                    .first();
            assertThat(stored).isNotNull();
            assertThat(stored.getString("issue")).isEqualTo("3");
            assertThat(stored.getString("pages")).isEqualTo("727-743");
        }

        @Test
        void storesAnExplainerWithoutAuthorsOrReferencesUnderItsChecksum() {
            var input = SampleArticles.explainer("Why some infections resist antibiotics");

            upsert(input)
                    .path("upsertArticle.article.id")
                    .entity(String.class)
                    .isEqualTo("sha256:" + input.get("checksum"));
        }
    }

    @Nested
    class Credentials {

        @Test
        void refusesACallWithoutTheServiceToken() {
            graphQl.documentName("upsertArticle")
                    .variable("input", SampleArticles.ketamineReview())
                    .execute()
                    .errors()
                    .satisfy(errors ->
                            assertThat(errors.getFirst().getExtensions()).containsEntry("code", "UNAUTHENTICATED"));
            assertThat(stored("articles")).isZero();
        }

        @Test
        void refusesACallWithAWrongServiceToken() {
            graphQl.mutate()
                    .header(Caller.SERVICE_TOKEN_HEADER, "wrong")
                    .build()
                    .documentName("upsertArticle")
                    .variable("input", SampleArticles.ketamineReview())
                    .execute()
                    .errors()
                    .satisfy(errors ->
                            assertThat(errors.getFirst().getExtensions()).containsEntry("code", "FORBIDDEN"));
            assertThat(stored("articles")).isZero();
        }

        @Test
        void refusesAUserWithoutTheImporterRole() {
            asImporter()
                    .mutate()
                    .header(Caller.USER_ROLES_HEADER, "editor")
                    .build()
                    .documentName("upsertArticle")
                    .variable("input", SampleArticles.ketamineReview())
                    .execute()
                    .errors()
                    .satisfy(errors ->
                            assertThat(errors.getFirst().getExtensions()).containsEntry("code", "FORBIDDEN"));
        }
    }

    @Nested
    class Validation {

        private Map<String, Object> with(Consumer<Map<String, Object>> change) {
            var input = SampleArticles.ketamineReview();
            change.accept(input);
            return input;
        }

        @Test
        void rejectsABlankTitle() {
            assertBadInput(with(input -> input.put("title", "  ")), "input.title");
        }

        @Test
        void rejectsABlankReferenceTitle() {
            assertBadInput(with(input -> references(input).get(2).put("title", "")), "input.references[2].title");
        }

        @Test
        void rejectsACitationOfAMissingReference() {
            assertBadInput(
                    with(input -> input.put("citations", list(citation(1, "x"), citation(9, "y")))),
                    "input.citations[1].number");
        }

        @Test
        void rejectsDuplicateReferenceNumbers() {
            assertBadInput(with(input -> references(input).get(1).put("number", 1)), "input.references[1].number");
        }

        @Test
        void rejectsAYearOutOfRange() {
            assertBadInput(with(input -> references(input).get(0).put("year", 20201)), "input.references[0].year");
            assertBadInput(with(input -> input.put("year", 99)), "input.year");
        }

        @Test
        void rejectsOversizeStrings() {
            assertBadInput(with(input -> input.put("journal", "j".repeat(2001))), "input.journal");
            assertBadInput(
                    with(input ->
                            references(input).get(0).put("authors", List.of(author("x".repeat(5000), null, null)))),
                    "input.references[0].authors[0].family");
        }

        @Test
        void rejectsOversizeLists() {
            var many = new ArrayList<Map<String, Object>>();
            for (int i = 0; i < 501; i++) {
                many.add(author("Author" + i, null, null));
            }
            assertBadInput(with(input -> input.put("authors", many)), "input.authors");
        }

        @Test
        void rejectsAMalformedDoiAndChecksum() {
            assertBadInput(with(input -> input.put("doi", "not a doi")), "input.doi");
            assertBadInput(with(input -> input.put("checksum", "abc")), "input.checksum");
        }

        @Test
        void leavesTheStoredVersionIntactWhenAnUpdateIsRejected() {
            upsert(SampleArticles.ketamineReview());
            var bad = SampleArticles.ketamineReview();
            bad.put("title", "Changed");
            references(bad).get(2).put("title", " ");

            upsert(bad).errors().satisfy(errors -> assertThat(errors).hasSize(1));

            graphQl.documentName("article")
                    .variable("id", "doi:10.1000/atlas.2025.001")
                    .execute()
                    .path("article.title")
                    .entity(String.class)
                    .isEqualTo("Defying Treatment: Novel Therapies for Refractory Conditions");
            assertThat(stored("references")).isEqualTo(3);
        }
    }

    @Nested
    class Reading {

        @Test
        void readsEveryFieldAndTheCitationsInMarkerOrder() {
            var input = SampleArticles.ketamineReview();
            input.put(
                    "references",
                    list(
                            references(input).get(2),
                            references(input).get(0),
                            references(input).get(1)));
            upsert(input);

            var article = graphQl.documentName("article")
                    .variable("id", "doi:10.1000/atlas.2025.001")
                    .execute();

            article.path("article.kind").entity(String.class).isEqualTo("JOURNAL_ARTICLE");
            article.path("article.correspondenceEmail").entity(String.class).isEqualTo("rohan.sen@example.org");
            article.path("article.received").entity(String.class).isEqualTo("2025-06-02");
            article.path("article.editorAssigned").entity(String.class).isEqualTo("2025-06-04");
            article.path("article.reviewed").entity(String.class).isEqualTo("2025-06-18");
            article.path("article.revised").entity(String.class).isEqualTo("2025-06-25");
            article.path("article.published").entity(String.class).isEqualTo("2025-07-02");
            article.path("article.manuscriptNumber").entity(String.class).isEqualTo("JRM-25-1234");
            article.path("article.articleNumber").entity(String.class).isEqualTo("102506");
            article.path("article.sections[*].heading")
                    .entityList(String.class)
                    .containsExactly("Introduction", "Conclusion");
            article.path("article.citations[*].number")
                    .entityList(Integer.class)
                    .containsExactly(1, 2, 3);
            article.path("article.citations[0].contexts")
                    .entityList(String.class)
                    .containsExactly("Ketamine helps in depression [1].");
            article.path("article.citations[0].reference.authors[1].suffix")
                    .entity(String.class)
                    .isEqualTo("Jr.");
            article.path("article.citations[0].reference.authors[1].given")
                    .entity(String.class)
                    .isEqualTo("Carlos A.");
            article.path("article.citations[1].reference.authors[1].family")
                    .entity(String.class)
                    .isEqualTo("Müller");
        }

        @Test
        void answersNullForAnUnknownArticle() {
            graphQl.documentName("article")
                    .variable("id", "doi:10.0/none")
                    .execute()
                    .path("article")
                    .valueIsNull();
        }

        @Test
        void pagesBackwardThroughArticlesOfOneKind() {
            upsert(SampleArticles.ketamineReview());
            upsert(SampleArticles.explainer("Explainer A"));
            upsert(SampleArticles.explainer("Explainer B"));
            upsert(SampleArticles.explainer("Explainer C"));
            var ids = graphQl.documentName("articles")
                    .variable("kind", "EXPLAINER")
                    .execute()
                    .path("articles.edges[*].node.id")
                    .entityList(String.class)
                    .get();

            var last = graphQl.documentName("articles")
                    .variable("kind", "EXPLAINER")
                    .variable("last", 2)
                    .execute();
            assertThat(last.path("articles.edges[*].node.id")
                            .entityList(String.class)
                            .get())
                    .containsExactlyElementsOf(ids.subList(1, 3));
            last.path("articles.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
            var start = last.path("articles.pageInfo.startCursor")
                    .entity(String.class)
                    .get();

            var previous = graphQl.documentName("articles")
                    .variable("kind", "EXPLAINER")
                    .variable("last", 2)
                    .variable("before", start)
                    .execute();
            previous.path("articles.edges[*].node.id").entityList(String.class).containsExactly(ids.getFirst());
            previous.path("articles.pageInfo.hasPreviousPage")
                    .entity(Boolean.class)
                    .isEqualTo(false);
        }

        @Test
        void pagesThroughArticlesOfOneKind() {
            upsert(SampleArticles.ketamineReview());
            upsert(SampleArticles.explainer("Explainer A"));
            upsert(SampleArticles.explainer("Explainer B"));
            upsert(SampleArticles.explainer("Explainer C"));

            var first = graphQl.documentName("articles")
                    .variable("kind", "EXPLAINER")
                    .variable("first", 2)
                    .execute();
            first.path("articles.totalCount").entity(Integer.class).isEqualTo(3);
            first.path("articles.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
            var seen = first.path("articles.edges[*].node.title")
                    .entityList(String.class)
                    .get();
            var cursor = first.path("articles.pageInfo.endCursor")
                    .entity(String.class)
                    .get();

            var second = graphQl.documentName("articles")
                    .variable("kind", "EXPLAINER")
                    .variable("first", 2)
                    .variable("after", cursor)
                    .execute();
            second.path("articles.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
            var rest = second.path("articles.edges[*].node.title")
                    .entityList(String.class)
                    .get();
            assertThat(seen).hasSize(2).doesNotContainAnyElementsOf(rest);
            assertThat(rest).hasSize(1);
        }

        @Test
        void rejectsPagesOfMoreThanOneHundred() {
            graphQl.documentName("articles")
                    .variable("first", 101)
                    .execute()
                    .errors()
                    .satisfy(errors -> assertThat(errors.getFirst().getExtensions())
                            .containsEntry("code", "BAD_USER_INPUT")
                            .containsEntry("field", "first"));
        }
    }
}
