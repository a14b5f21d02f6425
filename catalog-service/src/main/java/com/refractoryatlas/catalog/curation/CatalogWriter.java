package com.refractoryatlas.catalog.curation;

import com.refractoryatlas.catalog.alias.AliasRegistry;
import com.refractoryatlas.catalog.curation.Inputs.CatalogBatchInput;
import com.refractoryatlas.catalog.curation.Inputs.CatalogBatchResult;
import com.refractoryatlas.catalog.curation.Inputs.CatalogItemResult;
import com.refractoryatlas.catalog.curation.Inputs.CatalogRetraction;
import com.refractoryatlas.catalog.curation.Inputs.ConditionInput;
import com.refractoryatlas.catalog.curation.Inputs.MechanismInput;
import com.refractoryatlas.catalog.curation.Inputs.TherapyInput;
import com.refractoryatlas.catalog.curation.Inputs.TreatmentInput;
import com.refractoryatlas.catalog.curation.Inputs.UpsertOutcome;
import com.refractoryatlas.catalog.mechanism.Mechanism;
import com.refractoryatlas.catalog.mechanism.MechanismCatalog;
import com.refractoryatlas.catalog.term.Condition;
import com.refractoryatlas.catalog.term.ConditionCatalog;
import com.refractoryatlas.catalog.term.CuratedTerm;
import com.refractoryatlas.catalog.term.TermCatalog;
import com.refractoryatlas.catalog.term.Therapy;
import com.refractoryatlas.catalog.term.TherapyCatalog;
import com.refractoryatlas.catalog.treatment.Treatment;
import com.refractoryatlas.catalog.treatment.TreatmentCatalog;
import com.refractoryatlas.subgraph.ApiException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The importer's batch upsert. It reads everything the batch touches in one query per collection, validates the
 * whole batch (shapes, references between items, alias ownership), computes each merged document and only then
 * writes, with idempotent upserts by id: a rejected batch writes nothing, and a batch retried after a crash half-way
 * converges to the same state (aliases are claimed before the documents that use them, treatments last). Every
 * document is written only if it is still at the version read (aliases only if still free or already ours), so a
 * concurrent writer on any replica makes this attempt fail with a conflict instead of losing its writes; the
 * {@link ConflictRetry} merges again. A batch written for an import job first records what it replaces
 * ({@link CatalogUndo}), so that the job can take it back with {@link #retract} if it fails later.
 */
@Service
class CatalogWriter {

    private static final String CONDITION = "CONDITION";
    private static final String THERAPY = "THERAPY";
    private static final String MECHANISM = "MECHANISM";
    private static final String TREATMENT = "TREATMENT";

    private final ConditionCatalog conditions;
    private final TherapyCatalog therapies;
    private final MechanismCatalog mechanisms;
    private final TreatmentCatalog treatments;
    private final AliasRegistry aliases;
    private final InputRules rules;
    private final CatalogUndo undo;

    CatalogWriter(
            ConditionCatalog conditions,
            TherapyCatalog therapies,
            MechanismCatalog mechanisms,
            TreatmentCatalog treatments,
            AliasRegistry aliases,
            InputRules rules,
            CatalogUndo undo) {
        this.conditions = conditions;
        this.therapies = therapies;
        this.mechanisms = mechanisms;
        this.treatments = treatments;
        this.aliases = aliases;
        this.rules = rules;
        this.undo = undo;
    }

    /** A merged document, what was stored before it, and what the write amounts to. */
    record Planned<T>(String id, T merged, @Nullable T stored) {

        UpsertOutcome outcome() {
            if (stored == null) {
                return UpsertOutcome.CREATED;
            }
            return stored.equals(merged) ? UpsertOutcome.UNCHANGED : UpsertOutcome.UPDATED;
        }

        boolean changes() {
            return outcome() != UpsertOutcome.UNCHANGED;
        }
    }

    CatalogBatchResult upsert(CatalogBatchInput input) {
        return upsert(input, new HashMap<>());
    }

    /**
     * One attempt at the batch. {@code written} remembers, across attempts of the same batch, what earlier attempts
     * stored before losing a race ({@code kind:id} → outcome), so that a retried batch still reports as created what
     * its first attempt created.
     */
    CatalogBatchResult upsert(CatalogBatchInput input, Map<String, UpsertOutcome> written) {
        validateShapes(input);
        var storedConditions = conditions.findAllById(conditionIdsTouched(input));
        var storedTherapies = therapies.findAllById(therapyIdsTouched(input));
        var storedMechanisms = mechanisms.findAllById(
                input.mechanisms().stream().map(MechanismInput::id).toList());
        var storedTreatments = treatments.findAllById(input.treatments().stream()
                .map(t -> Treatment.idOf(t.conditionId(), t.therapyId()))
                .toList());

        var plannedConditions = planConditions(input.conditions(), storedConditions);
        var plannedTherapies = planTherapies(input.therapies(), storedTherapies);
        var knownConditions = union(storedConditions.keySet(), plannedConditions.keySet());
        var knownTherapies = union(storedTherapies.keySet(), plannedTherapies.keySet());
        var plannedMechanisms = planMechanisms(input.mechanisms(), storedMechanisms, knownConditions);
        var plannedTreatments = planTreatments(input.treatments(), storedTreatments, knownConditions, knownTherapies);
        var conditionKeys = checkAliases(conditions, "input.conditions", plannedConditions);
        var therapyKeys = checkAliases(therapies, "input.therapies", plannedTherapies);

        var importJobId = input.importJobId();
        if (importJobId != null) {
            undo.recording(importJobId)
                    .add(CatalogUndo.Kind.CONDITION, plannedConditions.values(), conditionKeys)
                    .add(CatalogUndo.Kind.THERAPY, plannedTherapies.values(), therapyKeys)
                    .add(CatalogUndo.Kind.MECHANISM, plannedMechanisms.values())
                    .add(CatalogUndo.Kind.TREATMENT, plannedTreatments.values())
                    .store();
        }
        aliases.claimAll(conditions.aliasKind(), conditionKeys);
        aliases.claimAll(therapies.aliasKind(), therapyKeys);
        conditions.saveAll(changed(plannedConditions));
        remember(written, CONDITION, plannedConditions);
        therapies.saveAll(changed(plannedTherapies));
        remember(written, THERAPY, plannedTherapies);
        mechanisms.saveAll(changed(plannedMechanisms));
        remember(written, MECHANISM, plannedMechanisms);
        treatments.saveAll(changed(plannedTreatments));

        var items = new ArrayList<CatalogItemResult>();
        report(items, written, CONDITION, plannedConditions);
        report(items, written, THERAPY, plannedTherapies);
        report(items, written, MECHANISM, plannedMechanisms);
        report(items, written, TREATMENT, plannedTreatments);
        return new CatalogBatchResult(List.copyOf(items));
    }

    /** Takes back what {@code importJobId}'s batch wrote (see {@link CatalogUndo}); idempotent. */
    CatalogRetraction retract(String importJobId) {
        var result = undo.undo(importJobId);
        return new CatalogRetraction(result.restored(), result.removed(), result.kept());
    }

    private static <T> void remember(Map<String, UpsertOutcome> written, String kind, Map<String, Planned<T>> planned) {
        planned.values().stream()
                .filter(Planned::changes)
                .forEach(p -> written.putIfAbsent(kind + ":" + p.id(), p.outcome()));
    }

    /** Each item's outcome: the stronger of this attempt's and what an earlier attempt of the batch wrote. */
    private static <T> void report(
            List<CatalogItemResult> items,
            Map<String, UpsertOutcome> written,
            String kind,
            Map<String, Planned<T>> planned) {
        for (var p : planned.values()) {
            var earlier = written.getOrDefault(kind + ":" + p.id(), UpsertOutcome.UNCHANGED);
            var outcome = earlier.ordinal() < p.outcome().ordinal() ? earlier : p.outcome();
            items.add(new CatalogItemResult(kind, p.id(), outcome));
        }
    }

    private void validateShapes(CatalogBatchInput input) {
        rules.batch("input.conditions", input.conditions());
        rules.batch("input.therapies", input.therapies());
        rules.batch("input.mechanisms", input.mechanisms());
        rules.batch("input.treatments", input.treatments());
        for (int i = 0; i < input.conditions().size(); i++) {
            validate("input.conditions[" + i + "]", input.conditions().get(i));
        }
        for (int i = 0; i < input.therapies().size(); i++) {
            validate("input.therapies[" + i + "]", input.therapies().get(i));
        }
        for (int i = 0; i < input.mechanisms().size(); i++) {
            var mechanism = input.mechanisms().get(i);
            var field = "input.mechanisms[" + i + "]";
            rules.id(field + ".id", mechanism.id());
            rules.name(field + ".name", mechanism.name());
            rules.text(field + ".description", mechanism.description());
            rules.ids(field + ".conditionIds", mechanism.conditionIds());
        }
        for (int i = 0; i < input.treatments().size(); i++) {
            validate("input.treatments[" + i + "]", input.treatments().get(i));
        }
        unique(
                "input.conditions",
                input.conditions().stream().map(ConditionInput::id).toList());
        unique(
                "input.therapies",
                input.therapies().stream().map(TherapyInput::id).toList());
        unique(
                "input.mechanisms",
                input.mechanisms().stream().map(MechanismInput::id).toList());
        unique(
                "input.treatments",
                input.treatments().stream()
                        .map(t -> Treatment.idOf(t.conditionId(), t.therapyId()))
                        .toList());
    }

    void validate(String field, ConditionInput condition) {
        rules.id(field + ".id", condition.id());
        rules.name(field + ".name", condition.name());
        rules.aliases(field + ".aliases", condition.aliases());
        rules.texts(field + ".refractoryCriteria", condition.refractoryCriteria());
        rules.references(field + ".articleIds", condition.articleIds());
    }

    void validate(String field, TherapyInput therapy) {
        rules.id(field + ".id", therapy.id());
        rules.name(field + ".name", therapy.name());
        rules.aliases(field + ".aliases", therapy.aliases());
        rules.text(field + ".drugClass", therapy.drugClass());
    }

    void validate(String field, TreatmentInput treatment) {
        rules.id(field + ".conditionId", treatment.conditionId());
        rules.id(field + ".therapyId", treatment.therapyId());
        rules.text(field + ".summary", treatment.summary());
        rules.references(field + ".evidenceIds", treatment.evidenceIds());
        rules.references(field + ".articleIds", treatment.articleIds());
    }

    private Map<String, Planned<Condition>> planConditions(List<ConditionInput> inputs, Map<String, Condition> stored) {
        var planned = new LinkedHashMap<String, Planned<Condition>>();
        for (int i = 0; i < inputs.size(); i++) {
            var input = inputs.get(i);
            var before = stored.get(input.id());
            var merged = Condition.of(
                            input.id(),
                            input.name().strip(),
                            Merging.unionAliases(before == null ? List.of() : before.aliases(), input.aliases()),
                            input.specialty(),
                            Merging.union(
                                    before == null ? List.of() : before.refractoryCriteria(),
                                    input.refractoryCriteria()),
                            Merging.union(before == null ? List.of() : before.articleIds(), input.articleIds()))
                    .withVersion(before == null ? 0 : before.version());
            checkMergedSizes("input.conditions[" + i + "]", merged.aliases(), merged.refractoryCriteria());
            planned.put(input.id(), new Planned<>(input.id(), merged, before));
        }
        return planned;
    }

    private Map<String, Planned<Therapy>> planTherapies(List<TherapyInput> inputs, Map<String, Therapy> stored) {
        var planned = new LinkedHashMap<String, Planned<Therapy>>();
        for (int i = 0; i < inputs.size(); i++) {
            var input = inputs.get(i);
            var before = stored.get(input.id());
            var merged = Therapy.of(
                            input.id(),
                            input.name().strip(),
                            Merging.unionAliases(before == null ? List.of() : before.aliases(), input.aliases()),
                            input.kind(),
                            Merging.keep(before == null ? null : before.drugClass(), input.drugClass()))
                    .withVersion(before == null ? 0 : before.version());
            checkMergedSizes("input.therapies[" + i + "]", merged.aliases(), List.of());
            planned.put(input.id(), new Planned<>(input.id(), merged, before));
        }
        return planned;
    }

    private Map<String, Planned<Mechanism>> planMechanisms(
            List<MechanismInput> inputs, Map<String, Mechanism> stored, Set<String> knownConditions) {
        var planned = new LinkedHashMap<String, Planned<Mechanism>>();
        for (int i = 0; i < inputs.size(); i++) {
            var input = inputs.get(i);
            for (int j = 0; j < input.conditionIds().size(); j++) {
                var conditionId = input.conditionIds().get(j);
                if (!knownConditions.contains(conditionId)) {
                    throw ApiException.badUserInput(
                            "input.mechanisms[" + i + "].conditionIds[" + j + "]",
                            "no condition '" + conditionId + "' is stored or in this batch");
                }
            }
            var before = stored.get(input.id());
            var merged = Mechanism.of(
                            input.id(),
                            input.name().strip(),
                            Merging.keep(before == null ? null : before.description(), input.description()),
                            Merging.union(before == null ? List.of() : before.conditionIds(), input.conditionIds()))
                    .withVersion(before == null ? 0 : before.version());
            planned.put(input.id(), new Planned<>(input.id(), merged, before));
        }
        return planned;
    }

    private Map<String, Planned<Treatment>> planTreatments(
            List<TreatmentInput> inputs,
            List<Treatment> storedList,
            Set<String> knownConditions,
            Set<String> knownTherapies) {
        var stored = new HashMap<String, Treatment>();
        storedList.forEach(t -> stored.put(t.id(), t));
        var planned = new LinkedHashMap<String, Planned<Treatment>>();
        for (int i = 0; i < inputs.size(); i++) {
            var input = inputs.get(i);
            var field = "input.treatments[" + i + "]";
            if (!knownConditions.contains(input.conditionId())) {
                throw ApiException.badUserInput(
                        field + ".conditionId",
                        "no condition '" + input.conditionId() + "' is stored or in this batch");
            }
            if (!knownTherapies.contains(input.therapyId())) {
                throw ApiException.badUserInput(
                        field + ".therapyId", "no therapy '" + input.therapyId() + "' is stored or in this batch");
            }
            var before = stored.get(Treatment.idOf(input.conditionId(), input.therapyId()));
            var merged = Treatment.of(
                            input.conditionId(),
                            input.therapyId(),
                            Merging.role(before == null ? null : before.role(), input.role()),
                            Merging.keep(before == null ? null : before.summary(), input.summary()),
                            Merging.union(before == null ? List.of() : before.evidenceIds(), input.evidenceIds()),
                            Merging.union(before == null ? List.of() : before.articleIds(), input.articleIds()))
                    .withVersion(before == null ? 0 : before.version());
            planned.put(merged.id(), new Planned<>(merged.id(), merged, before));
        }
        return planned;
    }

    /**
     * Checks that no key is owned by another entity (stored, or earlier in this batch) and returns the keys each
     * entity still has to claim. One query for the whole batch.
     */
    private <T extends CuratedTerm<T>> Map<String, Set<String>> checkAliases(
            TermCatalog<T> catalog, String field, Map<String, Planned<T>> planned) {
        var kind = catalog.aliasKind();
        var keysById = planned.values().stream()
                .map(p -> Map.entry(p.id(), p.merged().aliasKeys()))
                .toList();
        var owners = aliases.owners(
                kind, keysById.stream().flatMap(e -> e.getValue().stream()).toList());
        var claimedInBatch = new HashMap<String, String>();
        var result = new LinkedHashMap<String, Set<String>>();
        for (int i = 0; i < keysById.size(); i++) {
            var id = keysById.get(i).getKey();
            for (var key : keysById.get(i).getValue()) {
                var owner = owners.get(key);
                var batchOwner = claimedInBatch.putIfAbsent(key, id);
                if ((owner != null && !owner.equals(id)) || (batchOwner != null && !batchOwner.equals(id))) {
                    throw ApiException.badUserInput(
                            field + "[" + i + "].aliases",
                            "'" + key + "' already names " + (owner != null ? owner : batchOwner));
                }
            }
            result.put(
                    id,
                    keysById.get(i).getValue().stream()
                            .filter(key -> !owners.containsKey(key))
                            .collect(java.util.stream.Collectors.toSet()));
        }
        return result;
    }

    private void checkMergedSizes(String field, List<String> aliasList, List<String> criteria) {
        rules.size(field + ".aliases", aliasList);
        rules.size(field + ".refractoryCriteria", criteria);
    }

    private static void unique(String field, List<String> ids) {
        var seen = new HashSet<String>();
        for (int i = 0; i < ids.size(); i++) {
            if (!seen.add(ids.get(i))) {
                throw ApiException.badUserInput(
                        field + "[" + i + "]", "'" + ids.get(i) + "' appears twice in this batch");
            }
        }
    }

    private static Set<String> conditionIdsTouched(CatalogBatchInput input) {
        var ids = new HashSet<String>();
        input.conditions().forEach(c -> ids.add(c.id()));
        input.treatments().forEach(t -> ids.add(t.conditionId()));
        input.mechanisms().forEach(m -> ids.addAll(m.conditionIds()));
        return ids;
    }

    private static Set<String> therapyIdsTouched(CatalogBatchInput input) {
        var ids = new HashSet<String>();
        input.therapies().forEach(t -> ids.add(t.id()));
        input.treatments().forEach(t -> ids.add(t.therapyId()));
        return ids;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        var all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static <T> List<T> changed(Map<String, Planned<T>> planned) {
        return planned.values().stream()
                .filter(Planned::changes)
                .map(Planned::merged)
                .toList();
    }
}
