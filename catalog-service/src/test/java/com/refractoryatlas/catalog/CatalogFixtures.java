package com.refractoryatlas.catalog;

import com.mongodb.client.MongoDatabase;
import com.refractoryatlas.catalog.alias.AliasKind;
import com.refractoryatlas.catalog.alias.AliasRegistry;
import com.refractoryatlas.catalog.mechanism.Mechanism;
import com.refractoryatlas.catalog.mechanism.MechanismCatalog;
import com.refractoryatlas.catalog.term.Condition;
import com.refractoryatlas.catalog.term.ConditionCatalog;
import com.refractoryatlas.catalog.term.Therapy;
import com.refractoryatlas.catalog.term.TherapyCatalog;
import com.refractoryatlas.catalog.treatment.Treatment;
import com.refractoryatlas.catalog.treatment.TreatmentCatalog;
import java.util.List;
import org.bson.Document;

/** A small, realistic catalog that the integration tests read, written through the features' facades. */
public class CatalogFixtures {

    /** The internal credential the tests configure (test application.properties) and send. */
    public static final String SERVICE_TOKEN = "local-dev-service-token";

    private final MongoDatabase database;
    private final ConditionCatalog conditions;
    private final TherapyCatalog therapies;
    private final TreatmentCatalog treatments;
    private final MechanismCatalog mechanisms;
    private final AliasRegistry aliases;

    public CatalogFixtures(
            MongoDatabase database,
            ConditionCatalog conditions,
            TherapyCatalog therapies,
            TreatmentCatalog treatments,
            MechanismCatalog mechanisms,
            AliasRegistry aliases) {
        this.database = database;
        this.conditions = conditions;
        this.therapies = therapies;
        this.treatments = treatments;
        this.mechanisms = mechanisms;
        this.aliases = aliases;
    }

    /** Empties every collection but keeps the indexes the repositories created. */
    public void clear() {
        for (var name : database.listCollectionNames()) {
            database.getCollection(name).deleteMany(new Document());
        }
    }

    public void seed() {
        clear();
        save(Condition.of(
                "depression",
                "Depression",
                List.of("treatment-resistant depression", "TRD", "treatment-refractory depression"),
                "PSYCHIATRY",
                List.of("failure of two adequate antidepressant trials"),
                List.of("art-1")));
        save(Condition.of(
                "epilepsy",
                "Epilepsy",
                List.of("drug-resistant epilepsy", "pharmacoresistant epilepsy"),
                "NEUROLOGY",
                List.of("two or more adequate trials of appropriately chosen anti-seizure medications"),
                List.of("art-2")));
        save(Condition.of(
                "glaucoma", "Glaucoma", List.of("refractory glaucoma"), "OPHTHALMOLOGY", List.of(), List.of()));
        save(Therapy.of("ketamine", "Ketamine", List.of("esketamine"), "DRUG", "NMDA receptor antagonist"));
        save(Therapy.of("electroconvulsive-therapy", "Electroconvulsive therapy", List.of("ECT"), "PROCEDURE", null));
        save(Therapy.of("vagus-nerve-stimulation", "Vagus nerve stimulation", List.of("VNS"), "NEUROMODULATION", null));
        treatments.saveAll(List.of(
                Treatment.of(
                        "depression",
                        "ketamine",
                        "RESCUE",
                        "Ketamine acts within hours.",
                        List.of("ref-1", "ref-2"),
                        List.of("art-1")),
                Treatment.of(
                        "depression",
                        "electroconvulsive-therapy",
                        "GOLD_STANDARD",
                        null,
                        List.of("ref-2", "ref-3"),
                        List.of("art-1")),
                Treatment.of(
                        "epilepsy", "vagus-nerve-stimulation", "SURGICAL", null, List.of("ref-4"), List.of("art-2")),
                Treatment.of("depression", "vagus-nerve-stimulation", "EMERGING", null, List.of("ref-4"), List.of())));
        mechanisms.saveAll(List.of(
                Mechanism.of(
                        "drug-efflux-pumps",
                        "Drug efflux pumps",
                        "P-glycoprotein expels drugs from the cell",
                        List.of("epilepsy")),
                Mechanism.of("target-alteration", "Target alteration", null, List.of("epilepsy", "depression"))));
    }

    private void save(Condition condition) {
        conditions.saveAll(List.of(condition));
        aliases.claim(
                AliasKind.CONDITION,
                condition.id(),
                AliasRegistry.keysOf(condition.id(), condition.name(), condition.aliases()));
    }

    private void save(Therapy therapy) {
        therapies.saveAll(List.of(therapy));
        aliases.claim(
                AliasKind.THERAPY, therapy.id(), AliasRegistry.keysOf(therapy.id(), therapy.name(), therapy.aliases()));
    }
}
