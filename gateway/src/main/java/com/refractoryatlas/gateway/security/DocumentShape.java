package com.refractoryatlas.gateway.security;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Size measures of one operation read from the syntax tree alone, before validation, so that a hostile document
 * is refused before any expensive work. Fragments are expanded where they are spread and measured once each, so
 * nesting fragments cannot hide size and cannot make the measuring itself expensive; a fragment cycle counts as
 * nothing here (validation rejects it).
 *
 * @param depth deepest field nesting ({@code { a }} is 1)
 * @param aliases aliased fields, counting a fragment's aliases each time it is spread
 * @param rootFields fields selected at the operation's root
 * @param rootFieldNames the names of those fields
 * @param introspection whether {@code __schema} or {@code __type} is selected anywhere
 */
record DocumentShape(int depth, long aliases, long rootFields, Set<String> rootFieldNames, boolean introspection) {

    static DocumentShape of(Document document, OperationDefinition operation) {
        return new Measurer(document).measure(operation);
    }

    private record Size(int depth, long aliases, boolean introspection) {
        static final Size EMPTY = new Size(0, 0, false);

        Size plus(Size other) {
            return new Size(
                    Math.max(depth, other.depth),
                    saturatedAdd(aliases, other.aliases),
                    introspection || other.introspection);
        }
    }

    private static final class Measurer {
        private final Map<String, FragmentDefinition> fragments = new HashMap<>();
        private final Map<String, Size> measured = new HashMap<>();
        private final Set<String> inProgress = new HashSet<>();
        private final Map<String, Long> rootMeasured = new HashMap<>();

        Measurer(Document document) {
            for (var fragment : document.getDefinitionsOfType(FragmentDefinition.class)) {
                fragments.putIfAbsent(fragment.getName(), fragment);
            }
        }

        DocumentShape measure(OperationDefinition operation) {
            Size size = selections(operation.getSelectionSet());
            var names = new LinkedHashSet<String>();
            long rootFields = rootFields(operation.getSelectionSet(), names, new HashSet<>());
            return new DocumentShape(size.depth(), size.aliases(), rootFields, names, size.introspection());
        }

        private Size selections(@Nullable SelectionSet set) {
            if (set == null) {
                return Size.EMPTY;
            }
            Size total = Size.EMPTY;
            for (Selection<?> selection : set.getSelections()) {
                total = total.plus(selection(selection));
            }
            return total;
        }

        private Size selection(Selection<?> selection) {
            return switch (selection) {
                case Field field -> field(field);
                case InlineFragment inline -> selections(inline.getSelectionSet());
                case FragmentSpread spread -> fragment(spread.getName());
                default -> Size.EMPTY;
            };
        }

        private Size field(Field field) {
            Size below = selections(field.getSelectionSet());
            boolean introspection = "__schema".equals(field.getName()) || "__type".equals(field.getName());
            return new Size(
                    below.depth() + 1,
                    saturatedAdd(below.aliases(), field.getAlias() == null ? 0 : 1),
                    introspection || below.introspection());
        }

        private Size fragment(String name) {
            Size known = measured.get(name);
            if (known != null) {
                return known;
            }
            FragmentDefinition definition = fragments.get(name);
            if (definition == null || !inProgress.add(name)) {
                return Size.EMPTY;
            }
            Size size = selections(definition.getSelectionSet());
            inProgress.remove(name);
            measured.put(name, size);
            return size;
        }

        private long rootFields(@Nullable SelectionSet set, Set<String> names, Set<String> seenFragments) {
            if (set == null) {
                return 0;
            }
            long count = 0;
            for (Selection<?> selection : set.getSelections()) {
                count = saturatedAdd(count, rootField(selection, names, seenFragments));
            }
            return count;
        }

        private long rootField(Selection<?> selection, Set<String> names, Set<String> seenFragments) {
            return switch (selection) {
                case Field field -> {
                    names.add(field.getName());
                    yield 1;
                }
                case InlineFragment inline -> rootFields(inline.getSelectionSet(), names, seenFragments);
                case FragmentSpread spread -> {
                    Long known = rootMeasured.get(spread.getName());
                    if (known != null) {
                        yield known;
                    }
                    FragmentDefinition definition = fragments.get(spread.getName());
                    if (definition == null || !seenFragments.add(spread.getName())) {
                        yield 0;
                    }
                    long count = rootFields(definition.getSelectionSet(), names, seenFragments);
                    seenFragments.remove(spread.getName());
                    rootMeasured.put(spread.getName(), count);
                    yield count;
                }
                default -> 0;
            };
        }
    }

    static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
