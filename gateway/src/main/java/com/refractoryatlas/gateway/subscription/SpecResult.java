package com.refractoryatlas.gateway.subscription;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import java.util.List;
import java.util.Map;

/**
 * A response the federation engine already shaped (its {@code data}, {@code errors}, {@code extensions} as JSON-ready
 * maps), handed to Spring for GraphQL's protocol handler, which only ever writes {@link #toSpecification()}.
 */
record SpecResult(Map<String, Object> toSpecification) implements ExecutionResult {

    @Override
    public List<GraphQLError> getErrors() {
        return List.of();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getData() {
        return (T) toSpecification.get("data");
    }

    @Override
    public boolean isDataPresent() {
        return toSpecification.containsKey("data");
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<Object, Object> getExtensions() {
        return toSpecification.get("extensions") instanceof Map<?, ?> map ? (Map<Object, Object>) map : Map.of();
    }
}
