package com.refractoryatlas.catalog.curation;

import com.refractoryatlas.catalog.alias.AliasRegistry;
import com.refractoryatlas.catalog.curation.Inputs.CatalogBatchInput;
import com.refractoryatlas.catalog.curation.Inputs.ConditionInput;
import com.refractoryatlas.catalog.curation.Inputs.ConditionPatch;
import com.refractoryatlas.catalog.curation.Inputs.DeletePayload;
import com.refractoryatlas.catalog.curation.Inputs.TherapyInput;
import com.refractoryatlas.catalog.curation.Inputs.TherapyPatch;
import com.refractoryatlas.catalog.curation.Inputs.TreatmentInput;
import com.refractoryatlas.catalog.curation.Inputs.UnlinkTreatmentPayload;
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
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Editors' curation: create, correct, delete and merge. Each operation validates first and then writes idempotent
 * steps in an order that a retry after a crash completes: what others point at is written before the pointers to it
 * are removed, and the document that is going away is deleted last.
 */
@Service
class CurationService {

    private final CatalogWriter writer;
    private final ConditionCatalog conditions;
    private final TherapyCatalog therapies;
    private final MechanismCatalog mechanisms;
    private final TreatmentCatalog treatments;
    private final AliasRegistry aliases;
    private final InputRules rules;

    CurationService(
            CatalogWriter writer,
            ConditionCatalog conditions,
            TherapyCatalog therapies,
            MechanismCatalog mechanisms,
            TreatmentCatalog treatments,
            AliasRegistry aliases,
            InputRules rules) {
        this.writer = writer;
        this.conditions = conditions;
        this.therapies = therapies;
        this.mechanisms = mechanisms;
        this.treatments = treatments;
        this.aliases = aliases;
        this.rules = rules;
    }

    Condition createCondition(ConditionInput input) {
        writer.validate("input", input);
        if (!conditions.findAllById(List.of(input.id())).isEmpty()) {
            throw ApiException.badUserInput("input.id", "a condition '" + input.id() + "' already exists");
        }
        writer.upsert(new CatalogBatchInput(List.of(input), List.of(), List.of(), List.of(), null));
        return existingCondition("input.id", input.id());
    }

    Therapy createTherapy(TherapyInput input) {
        writer.validate("input", input);
        if (!therapies.findAllById(List.of(input.id())).isEmpty()) {
            throw ApiException.badUserInput("input.id", "a therapy '" + input.id() + "' already exists");
        }
        writer.upsert(new CatalogBatchInput(List.of(), List.of(input), List.of(), List.of(), null));
        return existingTherapy("input.id", input.id());
    }

    /** Replaces the given fields; aliases given here replace the stored ones (editors may remove an alias). */
    Condition updateCondition(String id, ConditionPatch patch) {
        var stored = existingCondition("id", id);
        var updated = Condition.of(
                        id,
                        patch.name() == null ? stored.name() : patch.name().strip(),
                        patch.aliases() == null ? stored.aliases() : Merging.unionAliases(List.of(), patch.aliases()),
                        patch.specialty() == null ? stored.specialty() : patch.specialty(),
                        patch.refractoryCriteria() == null
                                ? stored.refractoryCriteria()
                                : Merging.union(List.of(), patch.refractoryCriteria()),
                        stored.articleIds())
                .withVersion(stored.version());
        rules.name("input.name", updated.name());
        rules.aliases("input.aliases", updated.aliases());
        rules.texts("input.refractoryCriteria", updated.refractoryCriteria());
        return replace(conditions, stored, updated);
    }

    Therapy updateTherapy(String id, TherapyPatch patch) {
        var stored = existingTherapy("id", id);
        var updated = Therapy.of(
                        id,
                        patch.name() == null ? stored.name() : patch.name().strip(),
                        patch.aliases() == null ? stored.aliases() : Merging.unionAliases(List.of(), patch.aliases()),
                        patch.kind() == null ? stored.kind() : patch.kind(),
                        Merging.keep(stored.drugClass(), patch.drugClass()))
                .withVersion(stored.version());
        rules.name("input.name", updated.name());
        rules.aliases("input.aliases", updated.aliases());
        rules.text("input.drugClass", updated.drugClass());
        return replace(therapies, stored, updated);
    }

    /** Deletes a condition with its treatments and its links from mechanisms. */
    DeletePayload deleteCondition(String id) {
        var stored = existingCondition("id", id);
        treatments.deleteAllById(ids(treatments.byConditionIds(List.of(id)).getOrDefault(id, List.of())));
        mechanisms.saveAll(relinked(id, null));
        delete(conditions, stored);
        return new DeletePayload(stored.id());
    }

    DeletePayload deleteTherapy(String id) {
        var stored = existingTherapy("id", id);
        treatments.deleteAllById(ids(treatments.byTherapyIds(List.of(id)).getOrDefault(id, List.of())));
        delete(therapies, stored);
        return new DeletePayload(stored.id());
    }

    Treatment linkTreatment(TreatmentInput input) {
        writer.validate("input", input);
        writer.upsert(new CatalogBatchInput(List.of(), List.of(), List.of(), List.of(input), null));
        return treatments
                .findAllById(List.of(Treatment.idOf(input.conditionId(), input.therapyId())))
                .getFirst();
    }

    UnlinkTreatmentPayload unlinkTreatment(String conditionId, String therapyId) {
        var id = Treatment.idOf(conditionId, therapyId);
        if (treatments.findAllById(List.of(id)).isEmpty()) {
            throw ApiException.badUserInput("therapyId", "no treatment of " + conditionId + " with " + therapyId);
        }
        treatments.deleteAllById(List.of(id));
        return new UnlinkTreatmentPayload(
                conditionId,
                therapyId,
                existingCondition("conditionId", conditionId),
                existingTherapy("therapyId", therapyId));
    }

    /**
     * Folds {@code sourceId} into {@code targetId}: the source's name and aliases become aliases of the target, its
     * criteria and articles join the target's, its treatments move over (merged with the target's own treatment of
     * the same therapy), mechanisms point at the target, and the source is deleted.
     */
    Condition mergeConditions(String sourceId, String targetId) {
        var source = existingCondition("sourceId", sourceId);
        var target = existingCondition("targetId", targetId);
        if (sourceId.equals(targetId)) {
            throw ApiException.badUserInput("targetId", "cannot merge a condition into itself");
        }
        var merged = Condition.of(
                        targetId,
                        target.name(),
                        Merging.unionAliases(target.aliases(), concat(List.of(source.name()), source.aliases())),
                        target.specialty(),
                        Merging.union(target.refractoryCriteria(), source.refractoryCriteria()),
                        Merging.union(target.articleIds(), source.articleIds()))
                .withVersion(target.version());
        rules.size("sourceId", merged.aliases());
        var byCondition = treatments.byConditionIds(List.of(sourceId, targetId));
        var moved = moveTreatments(
                byCondition.getOrDefault(sourceId, List.of()),
                byCondition.getOrDefault(targetId, List.of()),
                t -> Treatment.idOf(targetId, t.therapyId()),
                t -> new String[] {targetId, t.therapyId()});
        fold(conditions, source, merged, () -> {
            treatments.saveAll(moved);
            mechanisms.saveAll(relinked(sourceId, targetId));
            treatments.deleteAllById(ids(byCondition.getOrDefault(sourceId, List.of())));
        });
        return merged;
    }

    Therapy mergeTherapies(String sourceId, String targetId) {
        var source = existingTherapy("sourceId", sourceId);
        var target = existingTherapy("targetId", targetId);
        if (sourceId.equals(targetId)) {
            throw ApiException.badUserInput("targetId", "cannot merge a therapy into itself");
        }
        var merged = Therapy.of(
                        targetId,
                        target.name(),
                        Merging.unionAliases(target.aliases(), concat(List.of(source.name()), source.aliases())),
                        target.kind(),
                        Merging.keep(source.drugClass(), target.drugClass()))
                .withVersion(target.version());
        rules.size("sourceId", merged.aliases());
        var byTherapy = treatments.byTherapyIds(List.of(sourceId, targetId));
        var moved = moveTreatments(
                byTherapy.getOrDefault(sourceId, List.of()),
                byTherapy.getOrDefault(targetId, List.of()),
                t -> Treatment.idOf(t.conditionId(), targetId),
                t -> new String[] {t.conditionId(), targetId});
        fold(therapies, source, merged, () -> {
            treatments.saveAll(moved);
            treatments.deleteAllById(ids(byTherapy.getOrDefault(sourceId, List.of())));
        });
        return merged;
    }

    /**
     * Stores an edited term: its new alias keys are claimed first (refused if another term holds one), then the term
     * is written at its next version, then the keys it no longer has are freed.
     */
    private <T extends CuratedTerm<T>> T replace(TermCatalog<T> catalog, T stored, T updated) {
        var oldKeys = stored.aliasKeys();
        var newKeys = updated.aliasKeys();
        checkFree(catalog.aliasKind(), stored.id(), newKeys, "input.aliases");
        aliases.claim(catalog.aliasKind(), stored.id(), newKeys);
        catalog.saveAll(List.of(updated));
        aliases.release(catalog.aliasKind(), stored.id(), minus(oldKeys, newKeys));
        return updated;
    }

    /** Frees a term's alias keys and deletes it; what pointed at it has been removed before. */
    private <T extends CuratedTerm<T>> void delete(TermCatalog<T> catalog, T stored) {
        aliases.releaseAll(catalog.aliasKind(), stored.id());
        catalog.delete(stored);
    }

    /**
     * Folds {@code source} into {@code merged} (the target as it becomes) in an order a retry completes: the target
     * first, then the source's aliases handed over, then whatever points at the source moved ({@code repoint}), and
     * the source deleted last.
     */
    private <T extends CuratedTerm<T>> void fold(TermCatalog<T> catalog, T source, T merged, Runnable repoint) {
        catalog.saveAll(List.of(merged));
        aliases.transfer(catalog.aliasKind(), source.id(), merged.id());
        aliases.claim(catalog.aliasKind(), merged.id(), merged.aliasKeys());
        repoint.run();
        catalog.delete(source);
    }

    private static List<Treatment> moveTreatments(
            List<Treatment> fromSource,
            List<Treatment> ofTarget,
            java.util.function.Function<Treatment, String> newId,
            java.util.function.Function<Treatment, String[]> newPair) {
        var existing = new HashMap<String, Treatment>();
        ofTarget.forEach(t -> existing.put(t.id(), t));
        var result = new LinkedHashMap<String, Treatment>();
        for (var treatment : fromSource) {
            var id = newId.apply(treatment);
            var pair = newPair.apply(treatment);
            var kept = result.getOrDefault(id, existing.get(id));
            var movedTreatment = kept == null
                    ? Treatment.of(
                            pair[0],
                            pair[1],
                            treatment.role(),
                            treatment.summary(),
                            treatment.evidenceIds(),
                            treatment.articleIds())
                    : Merging.combine(kept, treatment, pair[0], pair[1]);
            result.put(id, movedTreatment);
        }
        return List.copyOf(result.values());
    }

    /** The mechanisms linked to {@code fromId}, relinked to {@code toId} (or unlinked when it is null). */
    private List<Mechanism> relinked(String fromId, @org.jspecify.annotations.Nullable String toId) {
        return mechanisms.linkedTo(List.of(fromId)).stream()
                .map(m -> Mechanism.of(
                                m.id(),
                                m.name(),
                                m.description(),
                                m.conditionIds().stream()
                                        .map(id -> id.equals(fromId) ? toId : id)
                                        .filter(Objects::nonNull)
                                        .distinct()
                                        .toList())
                        .withVersion(m.version()))
                .toList();
    }

    private void checkFree(
            com.refractoryatlas.catalog.alias.AliasKind kind, String id, Set<String> keys, String field) {
        aliases.owners(kind, keys).forEach((key, owner) -> {
            if (!owner.equals(id)) {
                throw ApiException.badUserInput(field, "'" + key + "' already names " + owner);
            }
        });
    }

    private Condition existingCondition(String field, String id) {
        var found = conditions.findAllById(List.of(id)).get(id);
        if (found == null) {
            throw ApiException.badUserInput(field, "no condition '" + id + "'");
        }
        return found;
    }

    private Therapy existingTherapy(String field, String id) {
        var found = therapies.findAllById(List.of(id)).get(id);
        if (found == null) {
            throw ApiException.badUserInput(field, "no therapy '" + id + "'");
        }
        return found;
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        var rest = new java.util.HashSet<>(a);
        rest.removeAll(b);
        return rest;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        var all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static List<String> ids(Collection<Treatment> list) {
        return list.stream().map(Treatment::id).toList();
    }
}
