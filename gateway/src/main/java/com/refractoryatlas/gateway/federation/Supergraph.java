package com.refractoryatlas.gateway.federation;

import graphql.language.SelectionSet;
import graphql.schema.GraphQLSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A composed supergraph: the API schema clients see plus, per type and field, which subgraphs can resolve it. The
 * planner reads only this, so planning never touches subgraph SDLs again.
 */
public final class Supergraph {

    private final GraphQLSchema apiSchema;
    private final List<String> subgraphs;
    private final Map<String, Map<String, SubgraphType>> types;
    private final String fingerprint;

    Supergraph(
            GraphQLSchema apiSchema,
            List<String> subgraphs,
            Map<String, Map<String, SubgraphType>> types,
            String fingerprint) {
        this.apiSchema = apiSchema;
        this.subgraphs = List.copyOf(subgraphs);
        this.types = types;
        this.fingerprint = fingerprint;
    }

    /** The schema clients query: every merged type, no federation internals. */
    public GraphQLSchema apiSchema() {
        return apiSchema;
    }

    /** Subgraph names, in configuration order (the planner's tie-break for shareable fields). */
    public List<String> subgraphs() {
        return subgraphs;
    }

    /** Identifies the SDLs this supergraph was composed from; equal fingerprints mean nothing changed. */
    public String fingerprint() {
        return fingerprint;
    }

    /** True if the type has a {@code @key} in any subgraph. */
    public boolean isEntity(String type) {
        return types.getOrDefault(type, Map.of()).values().stream()
                .anyMatch(t -> !t.keys().isEmpty());
    }

    /**
     * True if the subgraph defines the type itself. An implementation of an entity interface that the subgraph only
     * knows through its {@code @interfaceObject} is not defined there: the subgraph could not take a fragment on it.
     */
    public boolean defines(String subgraph, String type) {
        var subgraphType = types.getOrDefault(type, Map.of()).get(subgraph);
        return subgraphType != null && !subgraphType.inherited(type);
    }

    /**
     * The type name {@code _entities} of the subgraph knows the type by: the {@code @interfaceObject} type for an
     * implementation of an entity interface the subgraph extends that way, the type itself otherwise.
     */
    public String representationType(String subgraph, String type) {
        var subgraphType = types.getOrDefault(type, Map.of()).get(subgraph);
        return subgraphType == null || subgraphType.interfaceObject() == null ? type : subgraphType.interfaceObject();
    }

    /**
     * True if the subgraph declares the entity interface as an {@code @interfaceObject}: its objects of that type
     * come back with the interface's name as {@code __typename}, and only the interface's own subgraph can tell the
     * concrete type.
     */
    public boolean isInterfaceObject(String subgraph, String type) {
        var subgraphType = types.getOrDefault(type, Map.of()).get(subgraph);
        return subgraphType != null && type.equals(subgraphType.interfaceObject());
    }

    /** True if the subgraph can return the field itself (defined there, not {@code @external}, not overridden). */
    public boolean resolves(String subgraph, String type, String field) {
        var source = fieldSource(subgraph, type, field);
        return source != null && source.resolvable();
    }

    /** The subgraphs that can resolve the field, in configuration order. */
    public List<String> resolvers(String type, String field) {
        var result = new ArrayList<String>();
        for (var subgraph : subgraphs) {
            if (resolves(subgraph, type, field)) {
                result.add(subgraph);
            }
        }
        return result;
    }

    /** The first key through which {@code _entities} of the subgraph can resolve the type, if any. */
    public @Nullable EntityKey resolvableKey(String subgraph, String type) {
        var subgraphType = types.getOrDefault(type, Map.of()).get(subgraph);
        if (subgraphType == null) {
            return null;
        }
        return subgraphType.keys().stream()
                .filter(EntityKey::resolvable)
                .findFirst()
                .orElse(null);
    }

    /** The fields the subgraph needs in the representation before it can resolve the field ({@code @requires}). */
    public @Nullable SelectionSet requires(String subgraph, String type, String field) {
        var source = fieldSource(subgraph, type, field);
        return source == null ? null : source.requires();
    }

    /** The fields of the returned type the subgraph resolves along this field although external ({@code @provides}). */
    public @Nullable SelectionSet provides(String subgraph, String type, String field) {
        var source = fieldSource(subgraph, type, field);
        return source == null ? null : source.provides();
    }

    private @Nullable FieldSource fieldSource(String subgraph, String type, String field) {
        var subgraphType = types.getOrDefault(type, Map.of()).get(subgraph);
        return subgraphType == null ? null : subgraphType.fields().get(field);
    }

    /** A {@code @key} of an entity type in one subgraph. */
    record EntityKey(String fields, SelectionSet selection, boolean resolvable) {}

    /** How one subgraph defines one field. */
    record FieldSource(
            boolean external,
            boolean overridden,
            boolean shareable,
            @Nullable SelectionSet requires,
            @Nullable SelectionSet provides) {

        boolean resolvable() {
            return !external && !overridden;
        }
    }

    /**
     * How one subgraph defines one composite type.
     *
     * @param interfaceObject the {@code @interfaceObject} type through which the subgraph knows this type (the type
     *     itself, or the entity interface an implementation inherits its fields from), null for a plain definition
     */
    record SubgraphType(
            List<EntityKey> keys,
            Map<String, FieldSource> fields,
            @Nullable String interfaceObject) {

        SubgraphType(List<EntityKey> keys, Map<String, FieldSource> fields) {
            this(keys, fields, null);
        }

        /** True for an implementation's fields copied from the subgraph's {@code @interfaceObject}. */
        boolean inherited(String type) {
            return interfaceObject != null && !interfaceObject.equals(type);
        }
    }
}
