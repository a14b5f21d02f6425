package com.refractoryatlas.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Compares our gateway's answer with Apollo's reference gateway's answer to the same operation.
 *
 * <p>Normalization, and why: {@code data} is compared exactly, as text, so that values, nulls and field order must
 * all match — except the spelling of numbers: JSON has one number type, and graphql-js prints the Float 1.0 as
 * {@code 1} where Jackson prints {@code 1.0}, so numbers are compared by value. Errors are compared as a sorted list of (path, {@code extensions.code}) pairs, plus the message for
 * field errors (those with a path: they come from the subgraphs and both gateways pass them through). Request errors
 * (parse, validation, variable coercion: no path) are compared by code only, because graphql-java and graphql-js
 * word them differently. Other {@code extensions} entries (Apollo adds {@code serviceName}, stack traces are off in
 * both) and {@code locations} are not compared.
 */
final class Answers {

    private Answers() {}

    /** One error reduced to what must match. */
    record ErrorKey(String path, String code, String message) {}

    static void assertSame(String name, GraphQl.Response ours, GraphQl.Response apollo) {
        var ourJson = ours.json();
        var apolloJson = apollo.json();
        assertThat(ourJson.isObject())
                .as(name + ": our gateway answered JSON\n" + ours.body())
                .isTrue();
        assertThat(ourJson.has("data"))
                .as(name + ": presence of data\nours:   " + ours.body() + "\napollo: " + apollo.body())
                .isEqualTo(apolloJson.has("data"));
        assertThat(canonical(ourJson.path("data")))
                .as(name + ": data\nours:   " + ours.body() + "\napollo: " + apollo.body())
                .isEqualTo(canonical(apolloJson.path("data")));
        assertThat(errors(ourJson))
                .as(name + ": errors\nours:   " + ours.body() + "\napollo: " + apollo.body())
                .isEqualTo(errors(apolloJson));
    }

    /** The node as JSON text, field order kept, with every number written by value (1.0 and 1 alike). */
    static String canonical(JsonNode node) {
        if (node.isNumber()) {
            return node.decimalValue().stripTrailingZeros().toPlainString();
        }
        if (node.isArray()) {
            var items = new ArrayList<String>();
            node.forEach(item -> items.add(canonical(item)));
            return "[" + String.join(",", items) + "]";
        }
        if (node.isObject()) {
            var fields = new ArrayList<String>();
            node.properties()
                    .forEach(field -> fields.add(
                            GraphQl.JSON.writeValueAsString(field.getKey()) + ":" + canonical(field.getValue())));
            return "{" + String.join(",", fields) + "}";
        }
        return GraphQl.JSON.writeValueAsString(node);
    }

    static List<ErrorKey> errors(JsonNode response) {
        var keys = new ArrayList<ErrorKey>();
        for (var error : response.path("errors")) {
            var path = error.path("path");
            var hasPath = path.isArray() && !path.isEmpty();
            keys.add(new ErrorKey(
                    hasPath ? path.toString() : "",
                    error.path("extensions").path("code").asString(""),
                    hasPath ? error.path("message").asString("") : ""));
        }
        keys.sort(Comparator.comparing(ErrorKey::path)
                .thenComparing(ErrorKey::code)
                .thenComparing(ErrorKey::message));
        return keys;
    }

    static boolean isValidationFailure(GraphQl.Response response) {
        for (var error : response.errors()) {
            if ("GRAPHQL_VALIDATION_FAILED"
                    .equals(error.path("extensions").path("code").asString(""))) {
                return true;
            }
        }
        return false;
    }
}
