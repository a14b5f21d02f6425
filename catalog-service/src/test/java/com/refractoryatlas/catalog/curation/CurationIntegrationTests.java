package com.refractoryatlas.catalog.curation;

import static com.refractoryatlas.catalog.curation.UpsertCatalogIntegrationTests.badInput;
import static com.refractoryatlas.catalog.curation.UpsertCatalogIntegrationTests.code;
import static com.refractoryatlas.catalog.curation.UpsertCatalogIntegrationTests.condition;
import static com.refractoryatlas.catalog.curation.UpsertCatalogIntegrationTests.therapy;
import static com.refractoryatlas.catalog.curation.UpsertCatalogIntegrationTests.treatment;
import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.catalog.CatalogFixtures;
import com.refractoryatlas.catalog.CatalogIntegrationTest;
import com.refractoryatlas.catalog.mechanism.MechanismCatalog;
import com.refractoryatlas.catalog.term.Condition;
import com.refractoryatlas.catalog.term.ConditionCatalog;
import com.refractoryatlas.catalog.term.Therapy;
import com.refractoryatlas.catalog.term.TherapyCatalog;
import com.refractoryatlas.catalog.treatment.Treatment;
import com.refractoryatlas.catalog.treatment.TreatmentCatalog;
import com.refractoryatlas.subgraph.Caller;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

@CatalogIntegrationTest
class CurationIntegrationTests {

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
    MechanismCatalog mechanisms;

    HttpGraphQlTester editor;

    @BeforeEach
    void seed() {
        fixtures.seed();
        editor = as("editor");
    }

    @Nested
    class Roles {

        @Test
        void refusesCallersWithoutTheEditorRole() {
            graphQl.documentName("deleteCondition")
                    .variable("id", "glaucoma")
                    .execute()
                    .errors()
                    .satisfy(code("UNAUTHENTICATED"));
            as("importer")
                    .documentName("deleteCondition")
                    .variable("id", "glaucoma")
                    .execute()
                    .errors()
                    .satisfy(code("FORBIDDEN"));
            graphQl.mutate()
                    .header(Caller.SERVICE_TOKEN_HEADER, UpsertCatalogIntegrationTests.TOKEN)
                    .build()
                    .documentName("deleteCondition")
                    .variable("id", "glaucoma")
                    .execute()
                    .errors()
                    .satisfy(code("FORBIDDEN"));
            assertThat(conditions.resolve("glaucoma")).isPresent();
        }
    }

    @Nested
    class CreateUpdateDelete {

        @Test
        void createsAConditionAndRefusesTheSameIdTwice() {
            var input = condition("status-epilepticus", "Status epilepticus", List.of("RSE"), List.of(), List.of());
            editor.documentName("createCondition")
                    .variable("input", input)
                    .execute()
                    .path("createCondition.aliases")
                    .entityList(String.class)
                    .containsExactly("RSE");
            editor.documentName("createCondition")
                    .variable("input", input)
                    .execute()
                    .errors()
                    .satisfy(badInput("input.id"));
            assertThat(conditions.resolve("rse")).map(Condition::id).contains("status-epilepticus");
        }

        @Test
        void createsATherapyButNotWithAnAliasOfAnother() {
            editor.documentName("createTherapy")
                    .variable("input", therapy("shock-therapy", "Shock therapy", List.of("ECT")))
                    .execute()
                    .errors()
                    .satisfy(badInput("input.therapies[0].aliases"));
            assertThat(therapies.resolve("shock-therapy")).isEmpty();
        }

        @Test
        void updatingAliasesReplacesThemAndFreesTheOldOnes() {
            editor.documentName("updateCondition")
                    .variable("id", "depression")
                    .variable("input", Map.of("aliases", List.of("TRD", "MDD")))
                    .execute()
                    .path("updateCondition.aliases")
                    .entityList(String.class)
                    .containsExactly("TRD", "MDD");
            assertThat(conditions.resolve("treatment-resistant-depression")).isEmpty();
            assertThat(conditions.resolve("mdd")).map(Condition::id).contains("depression");
        }

        @Test
        void rejectsAnUpdateTakingAnotherConditionsAliasOrABlankName() {
            editor.documentName("updateCondition")
                    .variable("id", "glaucoma")
                    .variable("input", Map.of("aliases", List.of("TRD")))
                    .execute()
                    .errors()
                    .satisfy(badInput("input.aliases"));
            editor.documentName("updateCondition")
                    .variable("id", "glaucoma")
                    .variable("input", Map.of("name", "  "))
                    .execute()
                    .errors()
                    .satisfy(badInput("input.name"));
            editor.documentName("updateCondition")
                    .variable("id", "nothing")
                    .variable("input", Map.of("name", "X"))
                    .execute()
                    .errors()
                    .satisfy(badInput("id"));
            assertThat(conditions.resolve("glaucoma")).map(Condition::aliases).contains(List.of("refractory glaucoma"));
        }

        @Test
        void deletingAConditionRemovesItsTreatmentsAliasesAndMechanismLinks() {
            editor.documentName("deleteCondition")
                    .variable("id", "epilepsy")
                    .execute()
                    .path("deleteCondition.deletedId")
                    .entity(String.class)
                    .isEqualTo("epilepsy");
            assertThat(conditions.resolve("drug-resistant-epilepsy")).isEmpty();
            assertThat(treatments.byConditionIds(List.of("epilepsy"))).isEmpty();
            assertThat(mechanisms
                            .findAllById(List.of("drug-efflux-pumps"))
                            .get("drug-efflux-pumps")
                            .conditionIds())
                    .isEmpty();
            editor.documentName("deleteCondition")
                    .variable("id", "epilepsy")
                    .execute()
                    .errors()
                    .satisfy(badInput("id"));
        }

        @Test
        void deletingATherapyAnswersItsIdAndRemovesItsTreatments() {
            editor.documentName("deleteTherapy")
                    .variable("id", "ketamine")
                    .execute()
                    .path("deleteTherapy.deletedId")
                    .entity(String.class)
                    .isEqualTo("ketamine");
            assertThat(treatments.byTherapyIds(List.of("ketamine"))).isEmpty();
            editor.documentName("deleteTherapy")
                    .variable("id", "ketamine")
                    .execute()
                    .errors()
                    .satisfy(badInput("id"));
        }

        @Test
        void linksAndUnlinksATreatment() {
            editor.documentName("linkTreatment")
                    .variable("input", treatment("glaucoma", "ketamine", "EMERGING", List.of("ref-7")))
                    .execute()
                    .path("linkTreatment.therapy.id")
                    .entity(String.class)
                    .isEqualTo("ketamine");
            editor.documentName("unlinkTreatment")
                    .variable("conditionId", "glaucoma")
                    .variable("therapyId", "ketamine")
                    .execute()
                    .path("unlinkTreatment")
                    .matchesJson("""
                            {"conditionId": "glaucoma", "therapyId": "ketamine",
                             "condition": {"id": "glaucoma", "treatments": []},
                             "therapy": {"id": "ketamine"}}""")
                    .path("unlinkTreatment.therapy.treatments[*].condition.id")
                    .entityList(String.class)
                    .doesNotContain("glaucoma");
            assertThat(treatments.byConditionIds(List.of("glaucoma"))).isEmpty();
            editor.documentName("linkTreatment")
                    .variable("input", treatment("glaucoma", "nothing", "EMERGING", List.of()))
                    .execute()
                    .errors()
                    .satisfy(badInput("therapyId"));
        }
    }

    @Nested
    class Merging {

        @Test
        void mergingConditionsMovesAliasesAndTreatmentsAndCombinesCollisions() {
            createCondition("major-depressive-disorder", "Major depressive disorder", List.of("MDD"));
            link("major-depressive-disorder", "ketamine", "UNSPECIFIED", List.of("ref-8"));
            link("major-depressive-disorder", "vagus-nerve-stimulation", "SURGICAL", List.of("ref-9"));
            var merged = editor.documentName("mergeConditions")
                    .variable("sourceId", "major-depressive-disorder")
                    .variable("targetId", "depression")
                    .execute();
            merged.path("mergeConditions.aliases")
                    .entityList(String.class)
                    .contains("Major depressive disorder", "MDD", "TRD");
            assertThat(conditions.resolve("major-depressive-disorder"))
                    .map(Condition::id)
                    .contains("depression");
            assertThat(conditions.resolve("mdd")).map(Condition::id).contains("depression");
            assertThat(conditions.findAllById(List.of("major-depressive-disorder")))
                    .isEmpty();
            var ketamine = treatments
                    .findAllById(List.of(Treatment.idOf("depression", "ketamine")))
                    .getFirst();
            assertThat(ketamine.role()).isEqualTo("RESCUE");
            assertThat(ketamine.evidenceIds()).containsExactly("ref-1", "ref-2", "ref-8");
            var vns = treatments
                    .findAllById(List.of(Treatment.idOf("depression", "vagus-nerve-stimulation")))
                    .getFirst();
            assertThat(vns.role()).isEqualTo("EMERGING");
            assertThat(vns.evidenceIds()).containsExactly("ref-4", "ref-9");
            assertThat(treatments.byConditionIds(List.of("major-depressive-disorder")))
                    .isEmpty();
            assertThat(treatments.count()).isEqualTo(4);
        }

        @Test
        void mergingTherapiesMovesTreatmentsAndAliases() {
            editor.documentName("createTherapy")
                    .variable("input", therapy("electroshock", "Electroshock", List.of("EST")))
                    .execute()
                    .errors()
                    .verify();
            link("depression", "electroshock", "STANDARD", List.of("ref-5"));
            link("glaucoma", "electroshock", "EMERGING", List.of());
            editor.documentName("mergeTherapies")
                    .variable("sourceId", "electroshock")
                    .variable("targetId", "electroconvulsive-therapy")
                    .execute()
                    .path("mergeTherapies.treatments[*].condition.id")
                    .entityList(String.class)
                    .contains("depression", "glaucoma")
                    .hasSize(2);
            assertThat(therapies.resolve("est")).map(Therapy::id).contains("electroconvulsive-therapy");
            assertThat(treatments
                            .findAllById(List.of(Treatment.idOf("depression", "electroconvulsive-therapy")))
                            .getFirst()
                            .evidenceIds())
                    .containsExactly("ref-2", "ref-3", "ref-5");
        }

        @Test
        void refusesToMergeIntoItselfOrAnUnknownCondition() {
            editor.documentName("mergeConditions")
                    .variable("sourceId", "depression")
                    .variable("targetId", "depression")
                    .execute()
                    .errors()
                    .satisfy(badInput("targetId"));
            editor.documentName("mergeConditions")
                    .variable("sourceId", "depression")
                    .variable("targetId", "nothing")
                    .execute()
                    .errors()
                    .satisfy(badInput("targetId"));
            assertThat(conditions.count()).isEqualTo(3);
        }

        private void createCondition(String id, String name, List<String> aliases) {
            editor.documentName("createCondition")
                    .variable("input", condition(id, name, aliases, List.of(), List.of()))
                    .execute()
                    .errors()
                    .verify();
        }

        private void link(String conditionId, String therapyId, String role, List<String> evidence) {
            editor.documentName("linkTreatment")
                    .variable("input", treatment(conditionId, therapyId, role, evidence))
                    .execute()
                    .errors()
                    .verify();
        }
    }

    private HttpGraphQlTester as(String role) {
        return graphQl.mutate()
                .header(Caller.SERVICE_TOKEN_HEADER, UpsertCatalogIntegrationTests.TOKEN)
                .header(Caller.USER_ROLES_HEADER, role)
                .build();
    }
}
