package com.refractoryatlas.k8s;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads parsed YAML (maps, lists, scalars) by dotted paths such as {@code spec.template.spec.containers[0]}, so that
 * the checks read like the manifests they check. Absent or mistyped nodes read as {@code null} or empty, never throw.
 */
final class Tree {

    private Tree() {}

    static @Nullable Object at(@Nullable Object root, String path) {
        Object node = root;
        for (String segment : path.split("\\.")) {
            if (node == null) {
                return null;
            }
            node = step(node, segment);
        }
        return node;
    }

    private static @Nullable Object step(Object node, String segment) {
        int bracket = segment.indexOf('[');
        String key = bracket < 0 ? segment : segment.substring(0, bracket);
        Object next = node;
        if (!key.isEmpty()) {
            next = node instanceof Map<?, ?> map ? map.get(key) : null;
        }
        if (bracket < 0 || next == null) {
            return next;
        }
        int index = Integer.parseInt(segment.substring(bracket + 1, segment.length() - 1));
        return next instanceof List<?> list && index < list.size() ? list.get(index) : null;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(@Nullable Object root, String path) {
        return at(root, path) instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(@Nullable Object root, String path) {
        return at(root, path) instanceof List<?> list ? (List<Object>) list : List.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(@Nullable Object root, String path) {
        return list(root, path).stream()
                .filter(Map.class::isInstance)
                .map(item -> (Map<String, Object>) item)
                .toList();
    }

    static @Nullable String string(@Nullable Object root, String path) {
        Object value = at(root, path);
        return value == null || value instanceof Map || value instanceof List ? null : String.valueOf(value);
    }

    static boolean isTrue(@Nullable Object root, String path) {
        return Boolean.TRUE.equals(at(root, path));
    }

    static @Nullable Integer integer(@Nullable Object root, String path) {
        return at(root, path) instanceof Integer value ? value : null;
    }
}
