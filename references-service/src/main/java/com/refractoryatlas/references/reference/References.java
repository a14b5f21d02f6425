package com.refractoryatlas.references.reference;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The reference feature's facade for the rest of the service: look-ups by id and the idempotent upsert that lets
 * several articles share one stored work.
 */
@Service
public class References {

    private final ReferenceRepository repository;

    References(ReferenceRepository repository) {
        this.repository = repository;
    }

    /** The references with these ids (unknown ids are absent), fetched in one query. */
    public Map<String, Reference> findAllById(Collection<String> ids) {
        return repository.findAllById(ids).stream()
                .map(ReferenceDocument::toReference)
                .collect(Collectors.toMap(Reference::id, Function.identity()));
    }

    /**
     * Stores the given works (ids already derived by {@link ReferenceIdentity}) in one read and at most one bulk
     * write. A stored work is completed by the new fields, never emptied by missing ones; works listed twice are
     * merged in order. Returns each id's outcome.
     */
    public Map<String, UpsertOutcome> upsertAll(List<Reference> incoming) {
        var merged = new LinkedHashMap<String, Reference>();
        for (var reference : incoming) {
            merged.merge(reference.id(), reference, Reference::mergedWith);
        }
        var stored = findAllById(merged.keySet());
        var outcomes = new LinkedHashMap<String, UpsertOutcome>();
        var writes = new ArrayList<ReferenceDocument>();
        merged.forEach((id, reference) -> {
            var existing = stored.get(id);
            var target = existing == null ? reference : existing.mergedWith(reference);
            if (existing == null) {
                outcomes.put(id, UpsertOutcome.CREATED);
            } else if (Objects.equals(existing, target)) {
                outcomes.put(id, UpsertOutcome.UNCHANGED);
                return;
            } else {
                outcomes.put(id, UpsertOutcome.UPDATED);
            }
            writes.add(ReferenceDocument.of(target));
        });
        repository.upsertAll(writes);
        return outcomes;
    }

    /** Bulk load for data generators and benchmarks: replaces by id without reading first. */
    public void replaceAll(List<Reference> references) {
        repository.upsertAll(references.stream().map(ReferenceDocument::of).toList());
    }

    /** Removes one reference (the undo of a failed import that created it); true when it was there. */
    public boolean delete(String id) {
        return repository.delete(id);
    }
}
