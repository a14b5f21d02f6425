package com.refractoryatlas.gateway.http;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One GraphQL-over-HTTP request's parameters, checked for their JSON types.
 *
 * @param query absent when the client sends only a persisted query hash
 */
record GraphQlRequest(
        @Nullable String query,
        @Nullable String operationName,
        Map<String, Object> variables,
        Map<String, Object> extensions) {

    GraphQlRequest {
        variables = variables == null ? Map.of() : variables;
        extensions = extensions == null ? Map.of() : extensions;
    }

    /** Reads the parameters from a decoded JSON object; throws {@link MalformedRequestException} on wrong types. */
    static GraphQlRequest fromJson(@Nullable Object json) {
        if (!(json instanceof Map<?, ?> body)) {
            throw new MalformedRequestException("The request body must be a JSON object (or an array of them)");
        }
        return new GraphQlRequest(
                string(body.get("query"), "query"),
                string(body.get("operationName"), "operationName"),
                map(body.get("variables"), "variables"),
                map(body.get("extensions"), "extensions"));
    }

    static @Nullable String string(@Nullable Object value, String name) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new MalformedRequestException("'" + name + "' must be a string");
    }

    @SuppressWarnings("unchecked")
    static @Nullable Map<String, Object> map(@Nullable Object value, String name) {
        if (value == null || value instanceof Map<?, ?>) {
            return (Map<String, Object>) value;
        }
        throw new MalformedRequestException("'" + name + "' must be a JSON object");
    }

    /** A request that is not a GraphQL-over-HTTP request at all: 400 whatever the media type. */
    static final class MalformedRequestException extends RuntimeException {

        private final String code;

        MalformedRequestException(String message) {
            this("BAD_REQUEST", message);
        }

        MalformedRequestException(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        /** The {@code extensions.code}: {@code BAD_REQUEST} unless a more precise one applies. */
        String code() {
            return code;
        }
    }
}
