package com.refractoryatlas.gateway.federation;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.NonNullableFieldWasNullError;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Words a null in a non-null position as Apollo's gateway does ({@code Cannot return null for non-nullable field
 * ImportJob.nodeId.}, code {@code INVALID_GRAPHQL}) instead of graphql-java's paragraph without a code: the same
 * failure then reads the same through either gateway, and carries an {@code extensions.code} like every other error.
 * This happens when a subgraph answers null for an entity the response needs, e.g. {@code node(id:)} for an entity its
 * owner does not have or does not show the caller.
 */
final class NonNullErrors {

    static final String CODE = "INVALID_GRAPHQL";

    /** graphql-java's message ends with the non-null type and, for a field, the type of the object holding it. */
    private static final Pattern TYPES =
            Pattern.compile("The non-nullable type is '([^']{1,512})'(?: within parent type '([^']{1,512})')?$");

    private NonNullErrors() {}

    static ExecutionResult reworded(ExecutionResult result) {
        if (result.getErrors().stream().noneMatch(NonNullableFieldWasNullError.class::isInstance)) {
            return result;
        }
        List<GraphQLError> errors = result.getErrors().stream()
                .map(e -> e instanceof NonNullableFieldWasNullError nonNull ? reworded(nonNull) : e)
                .toList();
        return result.transform(b -> b.errors(errors));
    }

    static GraphQLError reworded(NonNullableFieldWasNullError error) {
        var path = error.getPath();
        var message = error.getMessage();
        var tail = message.substring(Math.max(0, message.length() - 1100));
        var types = TYPES.matcher(tail);
        if (path == null || path.isEmpty() || !types.find()) {
            return error;
        }
        var last = path.getLast();
        String description;
        if (last instanceof Integer index) {
            description = "array element of type " + types.group(1) + " at index " + index;
        } else if (types.group(2) != null) {
            description = "field " + types.group(2) + "." + last;
        } else {
            return error;
        }
        return GraphqlErrorBuilder.newError()
                .message("Cannot return null for non-nullable " + description + ".")
                .path(path)
                .locations(error.getLocations())
                .extensions(Map.of("code", CODE))
                .build();
    }
}
