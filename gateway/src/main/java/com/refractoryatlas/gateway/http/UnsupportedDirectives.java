package com.refractoryatlas.gateway.http;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.SelectionSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * graphql-java puts {@code @defer} (and its experimental error-propagation switch) in every schema it builds, so
 * introspection would advertise incremental delivery the gateway does not implement (the guard refuses operations
 * that use it). This removes them from {@code __schema.directives} in an answer, following the operation's aliases
 * and fragments.
 */
final class UnsupportedDirectives {

    static final Set<String> HIDDEN = Set.of("defer", "stream", "experimental_disableErrorPropagation");

    private UnsupportedDirectives() {}

    @SuppressWarnings("unchecked")
    static void hideFromIntrospection(Document document, @Nullable String operationName, Map<String, Object> body) {
        if (!(body.get("data") instanceof Map<?, ?> data)) {
            return;
        }
        var operation = document.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(candidate -> operationName == null || operationName.equals(candidate.getName()))
                .findFirst();
        if (operation.isEmpty()) {
            return;
        }
        for (Field schema : fields(document, operation.get().getSelectionSet(), "__schema")) {
            if (!(data.get(key(schema)) instanceof Map<?, ?> introspected)) {
                continue;
            }
            for (Field directives : fields(document, schema.getSelectionSet(), "directives")) {
                if (introspected.get(key(directives)) instanceof List<?> list) {
                    replace((Map<String, Object>) introspected, key(directives), visible(list));
                }
            }
        }
    }

    private static List<Object> visible(List<?> directives) {
        var kept = new ArrayList<Object>();
        for (Object directive : directives) {
            if (!(directive instanceof Map<?, ?> map
                    && map.get("name") instanceof String name
                    && HIDDEN.contains(name))) {
                kept.add(directive);
            }
        }
        return kept;
    }

    private static void replace(Map<String, Object> map, String key, List<Object> value) {
        try {
            map.put(key, value);
        } catch (UnsupportedOperationException e) {
            // an immutable answer: leave it as it is
        }
    }

    private static String key(Field field) {
        return field.getAlias() != null ? field.getAlias() : field.getName();
    }

    /** The fields of that name directly in the selection set, looking through fragments (each once). */
    private static List<Field> fields(Document document, @Nullable SelectionSet set, String name) {
        var found = new ArrayList<Field>();
        var pending = new ArrayDeque<SelectionSet>();
        var spread = new HashSet<String>();
        if (set != null) {
            pending.push(set);
        }
        while (!pending.isEmpty()) {
            for (var selection : pending.pop().getSelections()) {
                switch (selection) {
                    case Field field when name.equals(field.getName()) -> found.add(field);
                    case InlineFragment inline -> pending.push(inline.getSelectionSet());
                    case FragmentSpread fragment
                    when spread.add(fragment.getName()) ->
                        document.getDefinitionsOfType(FragmentDefinition.class).stream()
                                .filter(definition -> definition.getName().equals(fragment.getName()))
                                .findFirst()
                                .ifPresent(definition -> pending.push(definition.getSelectionSet()));
                    default -> {}
                }
            }
        }
        return found;
    }
}
