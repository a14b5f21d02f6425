package com.refractoryatlas.references.catalog;

import java.util.Set;

/**
 * The references that support a condition's treatments. Conditions belong to the catalog subgraph, so filtering
 * references by condition needs the catalog's answer; this interface keeps that dependency one small seam.
 */
public interface ConditionEvidence {

    /**
     * The ids of the references the catalog lists as evidence for {@code conditionId}; empty for an unknown
     * condition.
     *
     * @throws com.refractoryatlas.subgraph.ApiException with code {@code UNAVAILABLE} when the catalog cannot answer
     */
    Set<String> referenceIdsOf(String conditionId);
}
