package com.refractoryatlas.gateway.federation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a subgraph's JSON answer into {@link CompactMap}s and {@code ArrayList}s: the values Jackson's untyped
 * binding gives (strings, {@code Integer}/{@code Long}/{@code BigInteger}, {@code Double}, booleans, null), without a
 * {@code LinkedHashMap} node per member. One pass over the parser's tokens with an explicit stack: no recursion, and
 * the nesting depth is bounded by the parser's own read constraints.
 */
final class JsonTrees {

    private JsonTrees() {}

    /** The document's value; throws Jackson's exception when the bytes are not one JSON value. */
    static @Nullable Object read(JsonMapper json, byte[] body) {
        try (JsonParser parser = json.createParser(body)) {
            var first = parser.nextToken();
            if (first == null) {
                throw new StreamReadException(parser, "no JSON value");
            }
            var value = read(parser, first);
            if (parser.nextToken() != null) {
                throw new StreamReadException(parser, "more than one JSON value");
            }
            return value;
        }
    }

    /** One open object or array, and for an object the name of the member being read. */
    private static final class Open {
        final @Nullable CompactMap object;
        final @Nullable List<@Nullable Object> array;

        @Nullable
        String name;

        Open(@Nullable CompactMap object, @Nullable List<@Nullable Object> array) {
            this.object = object;
            this.array = array;
        }

        void add(@Nullable Object value) {
            if (object != null) {
                object.put(java.util.Objects.requireNonNull(name), value);
            } else {
                java.util.Objects.requireNonNull(array).add(value);
            }
        }

        Object value() {
            return object != null ? object : java.util.Objects.requireNonNull(array);
        }
    }

    private static @Nullable Object read(JsonParser parser, JsonToken first) {
        var stack = new ArrayDeque<Open>();
        var token = first;
        while (true) {
            @Nullable Object completed;
            switch (token) {
                case START_OBJECT -> {
                    stack.push(new Open(new CompactMap(), null));
                    completed = null;
                }
                case START_ARRAY -> {
                    stack.push(new Open(null, new ArrayList<>()));
                    completed = null;
                }
                case PROPERTY_NAME -> {
                    java.util.Objects.requireNonNull(stack.peek()).name = parser.currentName();
                    completed = null;
                }
                case END_OBJECT, END_ARRAY -> completed = stack.pop().value();
                default -> {
                    var scalar = scalar(parser, token);
                    if (stack.isEmpty()) {
                        return scalar;
                    }
                    stack.peek().add(scalar);
                    completed = null;
                }
            }
            if (completed != null) {
                if (stack.isEmpty()) {
                    return completed;
                }
                stack.peek().add(completed);
            }
            token = parser.nextToken();
            if (token == null) {
                throw new StreamReadException(parser, "unexpected end of JSON");
            }
        }
    }

    private static @Nullable Object scalar(JsonParser parser, JsonToken token) {
        return switch (token) {
            case VALUE_STRING -> parser.getString();
            case VALUE_NUMBER_INT -> parser.getNumberValue();
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new StreamReadException(parser, "unexpected token " + token);
        };
    }
}
