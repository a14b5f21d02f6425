package com.refractoryatlas.catalog.treatment;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The treatments as other features see them. Every look-up takes many keys and costs one query, so that callers
 * resolving a list of N items never send N queries.
 */
@Service
public class TreatmentCatalog {

    private final TreatmentRepository treatments;

    TreatmentCatalog(TreatmentRepository treatments) {
        this.treatments = treatments;
    }

    public Map<String, List<Treatment>> byConditionIds(Collection<String> conditionIds) {
        return treatments.findByConditionIds(conditionIds).stream()
                .collect(Collectors.groupingBy(Treatment::conditionId));
    }

    public Map<String, List<Treatment>> byTherapyIds(Collection<String> therapyIds) {
        return treatments.findByTherapyIds(therapyIds).stream().collect(Collectors.groupingBy(Treatment::therapyId));
    }

    public List<Treatment> findAllById(Collection<String> ids) {
        return treatments.findAllById(ids);
    }

    /** The treatments citing any of the given references as evidence. */
    public List<Treatment> citing(Collection<String> referenceIds) {
        return treatments.findByEvidenceIds(referenceIds);
    }

    /** The treatments discussed by any of the given articles. */
    public List<Treatment> discussedIn(Collection<String> articleIds) {
        return treatments.findByArticleIds(articleIds);
    }

    public List<String> conditionIdsTreatedBy(String therapyId) {
        return treatments.conditionIdsOf(therapyId);
    }

    public List<String> therapyIdsTreating(String conditionId) {
        return treatments.therapyIdsOf(conditionId);
    }

    /**
     * Upserts each treatment by id in one bulk write, each only if it is still at the version it was read at (else a
     * {@code WriteConflictException}); writing the same treatments again changes nothing.
     */
    public void saveAll(Collection<Treatment> batch) {
        treatments.saveAll(batch);
    }

    /** Deletes the treatment if it is still at the version read; else {@code WriteConflictException}. */
    public void delete(Treatment stored) {
        treatments.delete(stored);
    }

    public void deleteAllById(Collection<String> ids) {
        treatments.deleteAllById(ids);
    }

    public long count() {
        return treatments.count();
    }
}
