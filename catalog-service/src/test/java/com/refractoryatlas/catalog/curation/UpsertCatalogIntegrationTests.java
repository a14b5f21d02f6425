package com.refractoryatlas.catalog.curation;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.catalog.CatalogFixtures;
import com.refractoryatlas.catalog.CatalogIntegrationTest;
import com.refractoryatlas.catalog.GraphQlErrors;
import com.refractoryatlas.catalog.alias.AliasKind;
import com.refractoryatlas.catalog.alias.AliasRegistry;
import com.refractoryatlas.catalog.term.ConditionCatalog;
import com.refractoryatlas.catalog.term.TherapyCatalog;
import com.refractoryatlas.catalog.treatment.Treatment;
import com.refractoryatlas.catalog.treatment.TreatmentCatalog;
import com.refractoryatlas.subgraph.Caller;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

@CatalogIntegrationTest
class UpsertCatalogIntegrationTests {

    static final String TOKEN = "local-dev-service-token";

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    CatalogFixtures fixtures;

    @Autowired
    ConditionCatalog conditions;

    @Autowired
    TherapyCatalog therapies;

    @Autowired
    TreatmentCatalog treatments;

    @Autowired
    AliasRegistry aliases;

    @BeforeEach
    void seed() {
        fixtures.seed();
    }

    @Nested
    class Credentials {

        @Test
        void rejectsACallWithoutTheServiceToken() {
            graphQl.documentName("upsertCatalog")
                    .variable("input", batch())
                    .execute()
                    .errors()
                    .satisfy(code("UNAUTHENTICATED"));
            assertThat(conditions.findAllById(List.of("status-epilepticus"))).isEmpty();
        }

        @Test
        void rejectsAWrongToken() {
            graphQl.mutate()
                    .header(Caller.SERVICE_TOKEN_HEADER, "guess")
                    .build()
                    .documentName("upsertCatalog")
                    .variable("input", batch())
                    .execute()
                    .errors()
                    .satisfy(code("FORBIDDEN"));
            assertThat(conditions.findAllById(List.of("status-epilepticus"))).isEmpty();
        }

        @Test
        void rejectsAUserWithoutTheImporterRole() {
            graphQl.mutate()
                    .header(Caller.SERVICE_TOKEN_HEADER, TOKEN)
                    .header(Caller.USER_ROLES_HEADER, "editor")
                    .build()
                    .documentName("upsertCatalog")
                    .variable("input", batch())
                    .execute()
                    .errors()
                    .satisfy(code("FORBIDDEN"));
        }

        @Test
        void acceptsAnImporterActingThroughTheGateway() {
            graphQl.mutate()
                    .header(Caller.SERVICE_TOKEN_HEADER, TOKEN)
                    .header(Caller.USER_ROLES_HEADER, "importer")
                    .build()
                    .documentName("upsertCatalog")
                    .variable("input", batch())
                    .execute()
                    .path("upsertCatalog.items[0].outcome")
                    .entity(String.class)
                    .isEqualTo("CREATED");
        }
    }

    @Nested
    class Idempotency {

        @Test
        void reportsEachItemCreatedThenUnchangedAndStoresNothingTwice() {
            upsert(batch())
                    .path("upsertCatalog.items[*].outcome")
                    .entityList(String.class)
                    .containsExactly("CREATED", "CREATED", "CREATED", "CREATED", "CREATED");
            var counts = List.of(conditions.count(), therapies.count(), treatments.count());
            upsert(batch())
                    .path("upsertCatalog.items[*].outcome")
                    .entityList(String.class)
                    .containsExactly("UNCHANGED", "UNCHANGED", "UNCHANGED", "UNCHANGED", "UNCHANGED");
            assertThat(List.of(conditions.count(), therapies.count(), treatments.count()))
                    .isEqualTo(counts);
        }

        @Test
        void aRetryAfterACrashHalfWayThroughConverges() {
            aliases.claim(
                    AliasKind.CONDITION,
                    "status-epilepticus",
                    AliasRegistry.keysOf("status-epilepticus", "Status epilepticus", List.of("RSE")));
            upsert(batch())
                    .path("upsertCatalog.items[*].outcome")
                    .entityList(String.class)
                    .containsExactly("CREATED", "CREATED", "CREATED", "CREATED", "CREATED");
            assertThat(conditions.resolve("refractory status epilepticus"))
                    .map(c -> c.id())
                    .contains("status-epilepticus");
            assertThat(treatments.byTherapyIds(List.of("midazolam")).get("midazolam"))
                    .hasSize(2);
        }

        @Test
        void mergesAliasesCriteriaAndEvidenceInsteadOfReplacingThem() {
            var input = Map.of(
                    "conditions",
                    List.of(condition(
                            "depression",
                            "Depression",
                            List.of("MDD", "trd"),
                            List.of("new criterion"),
                            List.of("art-9"))),
                    "therapies",
                    List.of(),
                    "mechanisms",
                    List.of(),
                    "treatments",
                    List.of(treatment("depression", "ketamine", "UNSPECIFIED", List.of("ref-9"))));
            upsert(input)
                    .path("upsertCatalog.items[*].outcome")
                    .entityList(String.class)
                    .containsExactly("UPDATED", "UPDATED");
            var depression = conditions.findAllById(List.of("depression")).get("depression");
            assertThat(depression.aliases())
                    .containsExactly("treatment-resistant depression", "TRD", "treatment-refractory depression", "MDD");
            assertThat(depression.refractoryCriteria())
                    .containsExactly("failure of two adequate antidepressant trials", "new criterion");
            assertThat(depression.articleIds()).containsExactly("art-1", "art-9");
            var ketamine = treatments
                    .findAllById(List.of(Treatment.idOf("depression", "ketamine")))
                    .getFirst();
            assertThat(ketamine.role()).isEqualTo("RESCUE");
            assertThat(ketamine.summary()).isEqualTo("Ketamine acts within hours.");
            assertThat(ketamine.evidenceIds()).containsExactly("ref-1", "ref-2", "ref-9");
            assertThat(conditions.resolve("mdd")).isPresent();
        }
    }

    @Nested
    class Growth {

        @Test
        void keepsAcceptingArticlesAndEvidenceBeyondTheListLimitOfOneInput() {
            for (int round = 0; round < 2; round++) {
                int offset = round * 150;
                var articles = IntStream.range(offset, offset + 150)
                        .mapToObj(i -> "art-g" + i)
                        .toList();
                var evidence = IntStream.range(offset, offset + 150)
                        .mapToObj(i -> "ref-g" + i)
                        .toList();
                var input = Map.of(
                        "conditions",
                        List.of(condition("depression", "Depression", List.of(), List.of(), articles)),
                        "therapies",
                        List.of(),
                        "mechanisms",
                        List.of(),
                        "treatments",
                        List.of(treatment("depression", "ketamine", "RESCUE", evidence)));
                upsert(input)
                        .path("upsertCatalog.items[*].outcome")
                        .entityList(String.class)
                        .containsExactly("UPDATED", "UPDATED");
            }
            assertThat(conditions
                            .findAllById(List.of("depression"))
                            .get("depression")
                            .articleIds())
                    .hasSize(301)
                    .contains("art-1", "art-g0", "art-g299");
            assertThat(treatments
                            .findAllById(List.of(Treatment.idOf("depression", "ketamine")))
                            .getFirst()
                            .evidenceIds())
                    .hasSize(302)
                    .contains("ref-1", "ref-2", "ref-g299");
        }
    }

    @Nested
    class Validation {

        @Test
        void rejectsATreatmentOfAnUnknownConditionAndWritesNothing() {
            var input = new HashMap<>(batch());
            input.put("treatments", List.of(treatment("no-such-condition", "ketamine", "RESCUE", List.of())));
            upsert(input).errors().satisfy(badInput("input.treatments[0].conditionId"));
            assertNothingWritten();
        }

        @Test
        void rejectsATreatmentOfAnUnknownTherapy() {
            var input = new HashMap<>(batch());
            input.put("treatments", List.of(treatment("depression", "nothing", "RESCUE", List.of())));
            upsert(input).errors().satisfy(badInput("input.treatments[0].therapyId"));
            assertNothingWritten();
        }

        @Test
        void rejectsAnAliasOwnedByAnotherCondition() {
            var input = new HashMap<>(batch());
            input.put(
                    "conditions",
                    List.of(
                            condition("status-epilepticus", "Status epilepticus", List.of(), List.of(), List.of()),
                            condition("major-depression", "Major depression", List.of("TRD"), List.of(), List.of())));
            upsert(input).errors().satisfy(badInput("input.conditions[1].aliases"));
            assertNothingWritten();
        }

        @Test
        void rejectsTwoItemsOfTheBatchClaimingTheSameAlias() {
            var input = new HashMap<>(batch());
            input.put(
                    "therapies",
                    List.of(
                            therapy("midazolam", "Midazolam", List.of("MDZ")),
                            therapy("midazolam-nasal", "Midazolam nasal", List.of("mdz"))));
            upsert(input).errors().satisfy(badInput("input.therapies[1].aliases"));
            assertNothingWritten();
        }

        @Test
        void rejectsBlankNamesBadSlugsDuplicatesAndOversizedLists() {
            assertRejected(
                    "conditions", condition("x", " ", List.of(), List.of(), List.of()), "input.conditions[0].name");
            assertRejected(
                    "conditions",
                    condition("Not A Slug", "Name", List.of(), List.of(), List.of()),
                    "input.conditions[0].id");
            assertRejected(
                    "conditions",
                    condition("ok", "n".repeat(201), List.of(), List.of(), List.of()),
                    "input.conditions[0].name");
            assertRejected(
                    "conditions",
                    condition("ok", "Name", java.util.Collections.nCopies(201, "alias"), List.of(), List.of()),
                    "input.conditions[0].aliases");
            assertRejected(
                    "conditions",
                    condition("ok", "Name", List.of(""), List.of(), List.of()),
                    "input.conditions[0].aliases[0]");
            assertRejected(
                    "therapies", therapy("ok", "Name", List.of("a".repeat(4001))), "input.therapies[0].aliases[0]");
            var twice = new HashMap<>(batch());
            twice.put(
                    "conditions",
                    List.of(
                            condition("status-epilepticus", "Status epilepticus", List.of(), List.of(), List.of()),
                            condition("status-epilepticus", "Status epilepticus", List.of(), List.of(), List.of())));
            upsert(twice).errors().satisfy(badInput("input.conditions[1]"));
            assertNothingWritten();
        }

        private void assertRejected(String list, Map<String, Object> item, String field) {
            var input = new HashMap<>(batch());
            input.put(list, List.of(item));
            upsert(input).errors().satisfy(badInput(field));
            assertNothingWritten();
        }

        private void assertNothingWritten() {
            assertThat(conditions.count()).isEqualTo(3);
            assertThat(therapies.count()).isEqualTo(3);
            assertThat(treatments.count()).isEqualTo(4);
            assertThat(conditions.resolve("status-epilepticus")).isEmpty();
        }
    }

    private GraphQlTester.Response upsert(Map<String, ?> input) {
        return graphQl.mutate()
                .header(Caller.SERVICE_TOKEN_HEADER, TOKEN)
                .build()
                .documentName("upsertCatalog")
                .variable("input", input)
                .execute();
    }

    /** A new condition and therapy, a mechanism and two treatments, one of them with a stored condition. */
    static Map<String, Object> batch() {
        return Map.of(
                "conditions",
                List.of(condition(
                        "status-epilepticus",
                        "Status epilepticus",
                        List.of("refractory status epilepticus", "RSE"),
                        List.of("seizures persisting despite benzodiazepines and a second-line drug"),
                        List.of("art-3"))),
                "therapies",
                List.of(therapy("midazolam", "Midazolam", List.of("MDZ"))),
                "mechanisms",
                List.of(Map.of(
                        "id",
                        "receptor-internalization",
                        "name",
                        "Receptor internalization",
                        "conditionIds",
                        List.of("status-epilepticus"))),
                "treatments",
                List.of(
                        treatment("status-epilepticus", "midazolam", "STANDARD", List.of("ref-10")),
                        treatment("epilepsy", "midazolam", "RESCUE", List.of("ref-11"))));
    }

    static Map<String, Object> condition(
            String id, String name, List<String> aliases, List<String> criteria, List<String> articleIds) {
        return Map.of(
                "id",
                id,
                "name",
                name,
                "aliases",
                aliases,
                "specialty",
                "NEUROLOGY",
                "refractoryCriteria",
                criteria,
                "articleIds",
                articleIds);
    }

    static Map<String, Object> therapy(String id, String name, List<String> aliases) {
        return Map.of("id", id, "name", name, "aliases", aliases, "kind", "DRUG");
    }

    static Map<String, Object> treatment(String conditionId, String therapyId, String role, List<String> evidence) {
        return Map.of(
                "conditionId",
                conditionId,
                "therapyId",
                therapyId,
                "role",
                role,
                "evidenceIds",
                evidence,
                "articleIds",
                List.of());
    }

    static Consumer<List<org.springframework.graphql.ResponseError>> code(String code) {
        return errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.getFirst().getExtensions()).containsEntry("code", code);
        };
    }

    static Consumer<List<org.springframework.graphql.ResponseError>> badInput(String field) {
        return GraphQlErrors.oneWithCode("BAD_USER_INPUT", field);
    }
}
