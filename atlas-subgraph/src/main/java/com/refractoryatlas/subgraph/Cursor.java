package com.refractoryatlas.subgraph;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An opaque keyset cursor: the sort key values of the last row a page returned. Clients pass it back as
 * {@code after}; a cursor not made here is rejected as {@code BAD_USER_INPUT}.
 */
public final class Cursor {

    private static final String VERSION = "v1";
    private static final String SEPARATOR = "\u001f";
    private static final int MAX_LENGTH = 2048;

    private Cursor() {}

    public static String encode(List<String> keys) {
        var raw = VERSION + SEPARATOR + String.join(SEPARATOR, keys);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static String encode(String... keys) {
        return encode(List.of(keys));
    }

    /** The keys inside {@code cursor}, exactly {@code arity} of them. */
    public static List<String> decode(String cursor, int arity) {
        return decode(cursor, arity, "after");
    }

    /** The keys inside {@code cursor} given as {@code argument} ({@code after} or {@code before}). */
    public static List<String> decode(String cursor, int arity, String argument) {
        if (cursor.length() > MAX_LENGTH) {
            throw ApiException.badUserInput(argument, "cursor is too long");
        }
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badUserInput(argument, "malformed cursor");
        }
        var parts = List.of(raw.split(Pattern.quote(SEPARATOR), -1));
        if (parts.size() != arity + 1 || !parts.getFirst().equals(VERSION)) {
            throw ApiException.badUserInput(argument, "malformed cursor");
        }
        return parts.subList(1, parts.size());
    }
}
