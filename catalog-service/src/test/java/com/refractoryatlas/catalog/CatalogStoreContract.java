package com.refractoryatlas.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import com.refractoryatlas.catalog.alias.AliasKind;
import com.refractoryatlas.catalog.alias.AliasRegistry;
import com.refractoryatlas.catalog.mechanism.MechanismCatalog;
import com.refractoryatlas.catalog.term.Condition;
import com.refractoryatlas.catalog.term.ConditionCatalog;
import com.refractoryatlas.catalog.term.TherapyCatalog;
import com.refractoryatlas.catalog.treatment.Treatment;
import com.refractoryatlas.catalog.treatment.TreatmentCatalog;
import com.refractoryatlas.mongo.WriteConflictException;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the storage layer must do on any MongoDB: run against the embedded server in every build, and against a real
 * {@code mongo:7} when a Docker engine is present.
 */
abstract class CatalogStoreContract {

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

    @Autowired
    AliasRegistry aliases;

    @Autowired
    MongoDatabase database;

    @BeforeEach
    void seed() {
        fixtures.seed();
    }

    @Test
    void upsertingTheSameDocumentsAgainKeepsOneOfEach() {
        var before = conditions.count();
        conditions.saveAll(
                conditions.findAllById(List.of("depression", "epilepsy")).values());
        treatments.saveAll(treatments.findAllById(List.of(Treatment.idOf("depression", "ketamine"))));
        assertThat(conditions.count()).isEqualTo(before);
        assertThat(treatments.count()).isEqualTo(4);
    }

    @Test
    void derivesSearchTokensFromNameAndAliases() {
        var depression = conditions.findAllById(List.of("depression")).get("depression");
        assertThat(depression.searchTokens()).contains("depression", "treatment", "resistant", "trd", "refractory");
    }

    @Test
    void resolvesAliasesThroughTheRegistry() {
        assertThat(conditions.resolve("TRD")).map(Condition::id).contains("depression");
        assertThat(conditions.resolve("pharmacoresistant epilepsy"))
                .map(Condition::id)
                .contains("epilepsy");
        assertThat(therapies.resolve("ect")).isPresent();
        assertThat(conditions.resolve("ect")).isEmpty();
        assertThat(aliases.owners(AliasKind.CONDITION, List.of("trd", "ect", "glaucoma")))
                .containsEntry("trd", "depression")
                .containsEntry("glaucoma", "glaucoma")
                .doesNotContainKey("ect");
    }

    @Test
    void findsTreatmentsByEvidenceArticleConditionAndTherapy() {
        assertThat(treatments.citing(List.of("ref-4")))
                .extracting(Treatment::conditionId)
                .containsExactlyInAnyOrder("depression", "epilepsy");
        assertThat(treatments.discussedIn(List.of("art-2")))
                .extracting(Treatment::therapyId)
                .containsExactly("vagus-nerve-stimulation");
        assertThat(treatments.byConditionIds(List.of("depression", "glaucoma"))).containsOnlyKeys("depression");
        assertThat(treatments.conditionIdsTreatedBy("vagus-nerve-stimulation"))
                .containsExactlyInAnyOrder("depression", "epilepsy");
        assertThat(conditions.discussedIn(List.of("art-1")))
                .extracting(Condition::id)
                .containsExactly("depression");
        assertThat(mechanisms.linkedTo(List.of("depression"))).hasSize(1);
    }

    @Test
    void answersEmptyForEmptyKeyLists() {
        assertThat(conditions.findAllById(List.of())).isEmpty();
        assertThat(treatments.citing(List.of())).isEmpty();
        assertThat(mechanisms.linkedTo(List.of())).isEmpty();
    }

    @Test
    void refusesToWriteBackACopyReadBeforeAnotherWriterChangedIt() {
        var read = conditions.findAllById(List.of("glaucoma")).get("glaucoma");
        var first = Condition.of("glaucoma", "Glaucoma", List.of("first writer"), "OPHTHALMOLOGY", List.of(), List.of())
                .withVersion(read.version());
        var second = Condition.of(
                        "glaucoma", "Glaucoma", List.of("second writer"), "OPHTHALMOLOGY", List.of(), List.of())
                .withVersion(read.version());
        conditions.saveAll(List.of(first));
        assertThatThrownBy(() -> conditions.saveAll(List.of(second))).isInstanceOf(WriteConflictException.class);
        var stored = conditions.findAllById(List.of("glaucoma")).get("glaucoma");
        assertThat(stored.aliases()).containsExactly("first writer");
        assertThat(stored.version()).isEqualTo(read.version() + 1);
    }

    @Test
    void refusesToCreateADocumentSomeoneElseCreatedFirst() {
        var mine = Condition.of("uveitis", "Uveitis", List.of("mine"), "OPHTHALMOLOGY", List.of(), List.of());
        var theirs = Condition.of("uveitis", "Uveitis", List.of("theirs"), "OPHTHALMOLOGY", List.of(), List.of());
        conditions.saveAll(List.of(theirs));
        assertThatThrownBy(() -> conditions.saveAll(List.of(mine))).isInstanceOf(WriteConflictException.class);
        assertThat(conditions.findAllById(List.of("uveitis")).get("uveitis").aliases())
                .containsExactly("theirs");
    }

    @Test
    void readsAndUpdatesDocumentsStoredBeforeTheyHadVersions() {
        database.getCollection("therapies")
                .insertOne(new Document("_id", "lithium")
                        .append("name", "Lithium")
                        .append("aliases", List.of())
                        .append("kind", "DRUG")
                        .append("searchTokens", List.of("lithium")));
        var legacy = therapies.findAllById(List.of("lithium")).get("lithium");
        assertThat(legacy.version()).isZero();
        therapies.saveAll(List.of(legacy));
        assertThat(therapies.findAllById(List.of("lithium")).get("lithium").version())
                .isEqualTo(1);
    }

    @Test
    void refusesToClaimAnAliasAnotherOwnerHolds() {
        assertThatThrownBy(() -> aliases.claim(AliasKind.CONDITION, "epilepsy", List.of("trd")))
                .isInstanceOf(WriteConflictException.class);
        assertThat(aliases.owners(AliasKind.CONDITION, List.of("trd"))).containsEntry("trd", "depression");
        aliases.claim(AliasKind.CONDITION, "depression", List.of("trd", "major-depression"));
        assertThat(aliases.owners(AliasKind.CONDITION, List.of("trd", "major-depression")))
                .containsEntry("trd", "depression")
                .containsEntry("major-depression", "depression");
    }
}
