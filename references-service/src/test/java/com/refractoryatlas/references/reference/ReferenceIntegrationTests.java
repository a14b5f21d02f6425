package com.refractoryatlas.references.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.references.IntegrationTestSupport;
import com.refractoryatlas.references.SampleArticles;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.graphql.test.tester.GraphQlTester;

class ReferenceIntegrationTests extends IntegrationTestSupport {

    private List<String> ketamineIds = List.of();

    @BeforeEach
    void storeTwoArticles() {
        ketamineIds = asImporter()
                .documentName("upsertArticle")
                .variable("input", SampleArticles.ketamineReview())
                .execute()
                .path("upsertArticle.references[*].id")
                .entityList(String.class)
                .get();
        asImporter()
                .documentName("upsertArticle")
                .variable("input", SampleArticles.epilepsyUpdate())
                .execute()
                .path("upsertArticle.outcome")
                .entity(String.class)
                .isEqualTo("CREATED");
    }

    private GraphQlTester.Response search(Map<String, Object> filter) {
        return graphQl.documentName("references").variable("filter", filter).execute();
    }

    private List<String> titlesFound(Map<String, Object> filter) {
        return search(filter)
                .path("references.edges[*].node.title")
                .entityList(String.class)
                .get();
    }

    @Test
    void readsOneReferenceWithItsAuthorsInOrder() {
        var response = graphQl.documentName("reference")
                .variable("id", ketamineIds.getFirst())
                .execute();

        response.path("reference.authors[*].family").entityList(String.class).containsExactly("Wilkinson", "Zarate");
        response.path("reference.authors[1].suffix").entity(String.class).isEqualTo("Jr.");
        response.path("reference.pages").entity(String.class).isEqualTo("727-742");
        response.path("reference.citedBy[*].id").entityList(String.class).containsExactly("doi:10.1000/atlas.2025.001");
    }

    @Nested
    class Filtering {

        @Test
        void listsEveryReferenceInTitleOrderWithoutAFilter() {
            var response = graphQl.documentName("references").execute();

            response.path("references.totalCount").entity(Integer.class).isEqualTo(4);
            response.path("references.edges[*].node.title")
                    .entityList(String.class)
                    .containsExactly(
                            "Ketamine for treatment-refractory depression: a narrative review.",
                            "Pharmacoresistant epilepsy: an updated overview on medical treatment.",
                            "Upadacitinib in refractory Crohn's disease",
                            "Vagus nerve stimulation for drug-resistant epilepsy");
        }

        @Test
        void findsByWordPrefixesCaseAndAccentInsensitively() {
            assertThat(titlesFound(Map.of("text", "KETA Depress")))
                    .containsExactly("Ketamine for treatment-refractory depression: a narrative review.");
            assertThat(titlesFound(Map.of("text", "epilep"))).hasSize(2);
            assertThat(titlesFound(Map.of("text", "crohn's")))
                    .containsExactly("Upadacitinib in refractory Crohn's disease");
        }

        @Test
        void findsByAuthorWithOrWithoutDiacritics() {
            assertThat(titlesFound(Map.of("author", "muller")))
                    .containsExactly("Pharmacoresistant epilepsy: an updated overview on medical treatment.");
            assertThat(titlesFound(Map.of("author", "Müll jür"))).hasSize(1);
            assertThat(titlesFound(Map.of("author", "epilepsy"))).isEmpty();
        }

        @Test
        void findsByJournalAndYears() {
            assertThat(titlesFound(Map.of("journal", "expert rev"))).hasSize(1);
            assertThat(titlesFound(Map.of("yearFrom", 2020, "yearTo", 2020))).hasSize(2);
            assertThat(titlesFound(Map.of("yearFrom", 2021))).hasSize(1);
            assertThat(titlesFound(Map.of("text", "epilepsy", "yearTo", 2019)))
                    .containsExactly("Vagus nerve stimulation for drug-resistant epilepsy");
        }

        @ParameterizedTest
        @ValueSource(strings = {"{\"$gt\": \"\"}", ".*", "(x+)+$", "[", "\\", "^$", "'; db.dropDatabase(); '"})
        void treatsHostileTextAsPlainText(String hostile) {
            search(Map.of("text", hostile))
                    .path("references.totalCount")
                    .entity(Integer.class)
                    .isEqualTo(0);
            search(Map.of("author", hostile))
                    .path("references.totalCount")
                    .entity(Integer.class)
                    .isEqualTo(0);
            assertThat(database.getCollection("references").countDocuments()).isEqualTo(4);
        }

        @Test
        void rejectsOverlongSearchText() {
            search(Map.of("text", "a ".repeat(150))).errors().satisfy(errors -> assertThat(
                            errors.getFirst().getExtensions())
                    .containsEntry("code", "BAD_USER_INPUT")
                    .containsEntry("field", "filter.text"));
        }

        @Test
        void pagesWithKeysetCursors() {
            var first = graphQl.documentName("references").variable("first", 3).execute();
            first.path("references.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
            var cursor = first.path("references.pageInfo.endCursor")
                    .entity(String.class)
                    .get();

            var second = graphQl.documentName("references")
                    .variable("first", 3)
                    .variable("after", cursor)
                    .execute();

            second.path("references.edges[*].node.title")
                    .entityList(String.class)
                    .containsExactly("Vagus nerve stimulation for drug-resistant epilepsy");
            second.path("references.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
            second.path("references.totalCount").entity(Integer.class).isEqualTo(4);
        }

        @Test
        void pagesBackwardInTitleOrderWithLastAndBefore() {
            var forward =
                    graphQl.documentName("references").variable("first", 4).execute();
            var titles = forward.path("references.edges[*].node.title")
                    .entityList(String.class)
                    .get();

            var last = graphQl.documentName("references").variable("last", 3).execute();
            assertThat(last.path("references.edges[*].node.title")
                            .entityList(String.class)
                            .get())
                    .containsExactlyElementsOf(titles.subList(1, 4));
            last.path("references.pageInfo.hasPreviousPage")
                    .entity(Boolean.class)
                    .isEqualTo(true);
            var start = last.path("references.pageInfo.startCursor")
                    .entity(String.class)
                    .get();

            var previous = graphQl.documentName("references")
                    .variable("last", 3)
                    .variable("before", start)
                    .execute();
            previous.path("references.edges[*].node.title")
                    .entityList(String.class)
                    .containsExactly(titles.getFirst());
            previous.path("references.pageInfo.hasPreviousPage")
                    .entity(Boolean.class)
                    .isEqualTo(false);
            previous.path("references.totalCount").entity(Integer.class).isEqualTo(4);
        }

        @Test
        void refusesFirstAndLastTogether() {
            graphQl.documentName("references")
                    .variable("first", 2)
                    .variable("last", 2)
                    .execute()
                    .errors()
                    .satisfy(errors -> assertThat(errors.getFirst().getExtensions())
                            .containsEntry("code", "BAD_USER_INPUT")
                            .containsEntry("field", "last"));
        }

        @Test
        void rejectsAForgedCursorAndOversizePages() {
            graphQl.documentName("references")
                    .variable("after", "bm90IGEgY3Vyc29y")
                    .execute()
                    .errors()
                    .satisfy(errors -> assertThat(errors.getFirst().getExtensions())
                            .containsEntry("code", "BAD_USER_INPUT")
                            .containsEntry("field", "after"));
            graphQl.documentName("references")
                    .variable("first", 101)
                    .execute()
                    .errors()
                    .satisfy(errors -> assertThat(errors.getFirst().getExtensions())
                            .containsEntry("code", "BAD_USER_INPUT")
                            .containsEntry("field", "first"));
        }
    }

    @Nested
    class ByCondition {

        @Test
        void filtersByTheEvidenceTheCatalogLists() {
            CATALOG.evidence("depression", List.of(ketamineIds.getFirst(), ketamineIds.get(2), "ref-unknown"));

            assertThat(titlesFound(Map.of("conditionId", "depression")))
                    .containsExactly(
                            "Ketamine for treatment-refractory depression: a narrative review.",
                            "Upadacitinib in refractory Crohn's disease");
            assertThat(titlesFound(Map.of("conditionId", "depression", "text", "ketamine")))
                    .hasSize(1);
            assertThat(CATALOG.lastToken()).isEqualTo(SERVICE_TOKEN);
        }

        @Test
        void findsNothingForAConditionTheCatalogDoesNotKnow() {
            search(Map.of("conditionId", "unknown"))
                    .path("references.totalCount")
                    .entity(Integer.class)
                    .isEqualTo(0);
        }

        @Test
        void failsWithATypedErrorWhenTheCatalogIsDown() {
            CATALOG.down(true);

            search(Map.of("conditionId", "depression")).errors().satisfy(errors -> {
                assertThat(errors).hasSize(1);
                assertThat(errors.getFirst().getExtensions()).containsEntry("code", "UNAVAILABLE");
            });
        }
    }
}
