package com.refractoryatlas.catalog.mechanism;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** The mechanisms as writers see them: batched look-ups and bulk upserts. */
@Service
public class MechanismCatalog {

    private final MechanismRepository mechanisms;

    MechanismCatalog(MechanismRepository mechanisms) {
        this.mechanisms = mechanisms;
    }

    public Map<String, Mechanism> findAllById(Collection<String> ids) {
        return mechanisms.findAllById(ids).stream().collect(Collectors.toMap(Mechanism::id, Function.identity()));
    }

    /** The mechanisms linked to any of the given conditions, in one query. */
    public List<Mechanism> linkedTo(Collection<String> conditionIds) {
        return mechanisms.findByConditionIds(conditionIds);
    }

    public void saveAll(Collection<Mechanism> batch) {
        mechanisms.saveAll(batch);
    }

    /** Deletes the mechanism if it is still at the version read; else {@code WriteConflictException}. */
    public void delete(Mechanism stored) {
        mechanisms.delete(stored);
    }
}
