package com.refractoryatlas.gateway.federation;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.NonNullableFieldWasNullError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reports a null in a non-null position as Apollo's gateway and router do: not as an error of the response but under
 * {@code extensions.valueCompletion}, worded {@code Cannot return null for non-nullable field ImportJob.nodeId.} with
 * code {@code INVALID_GRAPHQL}, the null propagated to the nearest nullable parent as the specification says. It
 * happens when a subgraph answers null for an entity the response needs, e.g. {@code node(id:)} for an entity its
 * owner does not have or does not show the caller: Relay then sees a plain {@code null} node, and the same operation
 * reads the same through either gateway. graphql-java reports every null field of the object; Apollo stops at the
 * first, so later ones under an object already nulled are left out.
 */
final class NonNullErrors {

    static final String CODE = "INVALID_GRAPHQL";
    static final String EXTENSION = "valueCompletion";

    /** graphql-java's message ends with the non-null type and, for a field, the type of the object holding it. */
    private static final Pattern TYPES =
            Pattern.compile("The non-nullable type is '([^']{1,512})'(?: within parent type '([^']{1,512})')?$");

    private NonNullErrors() {}

    static ExecutionResult reworded(ExecutionResult result) {
        if (result.getErrors().stream().noneMatch(NonNullableFieldWasNullError.class::isInstance)) {
            return result;
        }
        var errors = new ArrayList<GraphQLError>();
        var completions = new ArrayList<Map<String, Object>>();
        var nulledParents = new ArrayList<List<Object>>();
        for (var error : result.getErrors()) {
            if (!(error instanceof NonNullableFieldWasNullError nonNull)) {
                errors.add(error);
                continue;
            }
            var path = nonNull.getPath();
            if (path == null || path.isEmpty() || nulledParents.stream().anyMatch(p -> startsWith(path, p))) {
                continue;
            }
            nulledParents.add(path.subList(0, path.size() - 1));
            completions.add(completion(path, message(nonNull)));
        }
        var extensions = new LinkedHashMap<Object, Object>();
        if (result.getExtensions() != null) {
            extensions.putAll(result.getExtensions());
        }
        extensions.put(EXTENSION, completions);
        return result.transform(b -> b.errors(errors).extensions(extensions));
    }

    private static Map<String, Object> completion(List<Object> path, String message) {
        var completion = new LinkedHashMap<String, Object>();
        completion.put("message", message);
        completion.put("path", path);
        completion.put("extensions", Map.of("code", CODE));
        return completion;
    }

    /** Apollo's wording, or graphql-java's message if it does not end as expected. */
    static String message(NonNullableFieldWasNullError error) {
        var path = error.getPath();
        var message = error.getMessage();
        var types = TYPES.matcher(message.substring(Math.max(0, message.length() - 1100)));
        if (!types.find()) {
            return message;
        }
        var description = description(path.getLast(), types.group(1), types.group(2));
        return description == null ? message : "Cannot return null for non-nullable " + description + ".";
    }

    private static @Nullable String description(Object last, String type, @Nullable String parentType) {
        if (last instanceof Integer index) {
            return "array element of type " + type + " at index " + index;
        }
        return parentType == null ? null : "field " + parentType + "." + last;
    }

    private static boolean startsWith(List<Object> path, List<Object> prefix) {
        return path.size() > prefix.size() && path.subList(0, prefix.size()).equals(prefix);
    }
}
