package com.refractoryatlas.gateway.federation;

import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.SelectionSet;
import graphql.language.VariableReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one client operation is answered: the root fetches (one per subgraph, in order for mutations), then per depth
 * one {@code _entities} batch per subgraph. Immutable and cached per normalized document and operation name.
 *
 * @param mutation true if root fetches must run one after the other
 */
public record QueryPlan(boolean mutation, List<RootFetch> rootFetches, List<EntityBatch> entityBatches) {

    public QueryPlan {
        rootFetches = List.copyOf(rootFetches);
        entityBatches = List.copyOf(entityBatches);
    }

    /** The deepest entity level (0 when only root fetches are needed). */
    public int depth() {
        return entityBatches.stream().mapToInt(EntityBatch::level).max().orElse(0);
    }

    /** The batches of one level, one per subgraph. */
    public List<EntityBatch> batchesAt(int level) {
        return entityBatches.stream().filter(b -> b.level() == level).toList();
    }

    /** A JSON-friendly description for developers: which subgraph is asked what, at which level. */
    public List<Map<String, Object>> describe() {
        var fetches = new ArrayList<Map<String, Object>>();
        for (var fetch : rootFetches) {
            var description = new LinkedHashMap<String, Object>();
            description.put("level", 0);
            description.put("subgraph", fetch.subgraph());
            description.put("kind", "root");
            description.put("query", fetch.query());
            fetches.add(description);
        }
        for (var batch : entityBatches) {
            var description = new LinkedHashMap<String, Object>();
            description.put("level", batch.level());
            description.put("subgraph", batch.subgraph());
            description.put("kind", "entities");
            description.put(
                    "targets",
                    batch.targets().stream()
                            .map(t -> t.typeName() + " at " + String.join(".", t.path()))
                            .toList());
            description.put("query", batch.query());
            fetches.add(description);
        }
        return fetches;
    }

    /**
     * Root fields of one subgraph sent as one request.
     *
     * @param responseKeys the top-level response keys it fills (nulled with an error when the fetch fails)
     */
    public record RootFetch(String subgraph, String query, List<String> variables, List<String> responseKeys) {}

    /** One {@code _entities} request to one subgraph for all targets of one level. */
    public record EntityBatch(
            String subgraph, int level, String query, List<String> variables, List<EntityTarget> targets) {}

    /**
     * Where the representations of one batch come from: objects of {@code typeName} at {@code path} (response keys
     * from the root, lists crossed implicitly).
     *
     * @param representation the key (and {@code @requires}) fields sent for each object
     * @param responseKeys the response keys this target adds to each object
     * @param fieldConditions per deferred field, the {@code @skip}/{@code @include} directives it sits under; the
     *     target is fetched only if some field's conditions all hold for the request's variables
     * @param nullable result keys of representation fields sent even when null ({@code @requires} fields; a key
     *     field that is null means there is no entity to fetch)
     * @param representationType the {@code __typename} sent in the representation: {@code typeName}, or the entity
     *     interface when the subgraph knows the type only as an {@code @interfaceObject}
     */
    public record EntityTarget(
            String typeName,
            String representationType,
            List<String> path,
            SelectionSet representation,
            List<String> responseKeys,
            List<List<Directive>> fieldConditions,
            java.util.Set<String> nullable) {

        /**
         * True if the answer's {@code __typename} may replace the receiver's: not when the subgraph answers with the
         * interface object's name for an object whose concrete type is known; yes when the receiver carries the
         * interface object's name and the interface's own subgraph answers with the concrete type.
         */
        public boolean mergesTypename() {
            return typeName.equals(representationType);
        }

        /** True if, under these (coerced) variables, at least one deferred field is not skipped. */
        public boolean active(Map<String, Object> variables) {
            return fieldConditions.isEmpty() || fieldConditions.stream().anyMatch(c -> holds(c, variables));
        }

        private static boolean holds(List<Directive> conditions, Map<String, Object> variables) {
            for (var directive : conditions) {
                var argument = directive.getArgument("if");
                var value = argument == null ? null : argument.getValue();
                var truth =
                        switch (value) {
                            case BooleanValue b -> b.isValue();
                            case VariableReference v -> Boolean.TRUE.equals(variables.get(v.getName()));
                            case null, default -> false;
                        };
                if (directive.getName().equals("skip") == truth) {
                    return false;
                }
            }
            return true;
        }
    }
}
