package com.refractoryatlas.gateway.security;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.TypeName;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Size measures of one operation read from the syntax tree alone, before validation, so that a hostile document
 * is refused before any expensive work. Fragments are expanded where they are spread and measured once each (per
 * context: data or introspection), so nesting fragments cannot hide size and cannot make the measuring itself
 * expensive; a fragment cycle counts as nothing here (validation rejects it).
 *
 * <p>Introspection ({@code __schema}, {@code __type} and fragments on {@code __} types) is measured apart from the
 * data: the standard tools' introspection queries nest 13 to 15 levels, deeper than any sensible data query, but
 * what makes introspection expensive is different — re-entering the type graph through lists ({@code types},
 * {@code fields}, {@code args}, ...) and long {@code ofType} chains — so it gets its own limits.
 *
 * @param depth deepest nesting of data fields ({@code { a }} is 1; an introspection root counts 1)
 * @param aliases aliased fields, counting a fragment's aliases each time it is spread
 * @param rootFields fields selected at the operation's root
 * @param rootFieldNames the names of those fields
 * @param fields data field selections with every fragment expanded where it is spread
 * @param introspection the introspection measures
 */
record DocumentShape(
        int depth,
        long aliases,
        long rootFields,
        Set<String> rootFieldNames,
        long fields,
        Introspection introspection) {

    /** The list fields of the introspection types through which a query re-enters the type graph. */
    static final Set<String> TYPE_GRAPH_LISTS =
            Set.of("types", "fields", "inputFields", "interfaces", "possibleTypes", "args");

    /**
     * Introspection measures.
     *
     * @param roots {@code __schema} and {@code __type} selections, fragments expanded
     * @param fields introspection field selections, fragments expanded
     * @param listDepth the most {@link #TYPE_GRAPH_LISTS} fields along one path
     * @param ofTypeDepth the most {@code ofType} fields along one path
     */
    record Introspection(long roots, long fields, int listDepth, int ofTypeDepth) {
        static final Introspection NONE = new Introspection(0, 0, 0, 0);

        boolean present() {
            return roots > 0;
        }
    }

    static DocumentShape of(Document document, OperationDefinition operation) {
        return new Measurer(document).measure(operation);
    }

    /** The measures of one selection set (or fragment), combined upwards. */
    private record Size(
            int depth,
            long aliases,
            long fields,
            long roots,
            long introspectionFields,
            int listDepth,
            int ofTypeDepth) {
        static final Size EMPTY = new Size(0, 0, 0, 0, 0, 0, 0);

        Size plus(Size other) {
            return new Size(
                    Math.max(depth, other.depth),
                    saturatedAdd(aliases, other.aliases),
                    saturatedAdd(fields, other.fields),
                    saturatedAdd(roots, other.roots),
                    saturatedAdd(introspectionFields, other.introspectionFields),
                    Math.max(listDepth, other.listDepth),
                    Math.max(ofTypeDepth, other.ofTypeDepth));
        }
    }

    private record FragmentKey(String name, boolean introspection) {}

    private static final class Measurer {
        private final Map<String, FragmentDefinition> fragments = new HashMap<>();
        private final Map<FragmentKey, Size> measured = new HashMap<>();
        private final Set<FragmentKey> inProgress = new HashSet<>();
        private final Map<String, Long> rootMeasured = new HashMap<>();

        Measurer(Document document) {
            for (var fragment : document.getDefinitionsOfType(FragmentDefinition.class)) {
                fragments.putIfAbsent(fragment.getName(), fragment);
            }
        }

        DocumentShape measure(OperationDefinition operation) {
            Size size = selections(operation.getSelectionSet(), false);
            var names = new LinkedHashSet<String>();
            long rootFields = rootFields(operation.getSelectionSet(), names, new HashSet<>());
            var introspection =
                    new Introspection(size.roots(), size.introspectionFields(), size.listDepth(), size.ofTypeDepth());
            return new DocumentShape(size.depth(), size.aliases(), rootFields, names, size.fields(), introspection);
        }

        private Size selections(@Nullable SelectionSet set, boolean introspection) {
            if (set == null) {
                return Size.EMPTY;
            }
            Size total = Size.EMPTY;
            for (Selection<?> selection : set.getSelections()) {
                total = total.plus(selection(selection, introspection));
            }
            return total;
        }

        private Size selection(Selection<?> selection, boolean introspection) {
            return switch (selection) {
                case Field field -> introspection ? introspectionField(field) : field(field);
                case InlineFragment inline ->
                    selections(inline.getSelectionSet(), introspection || onIntrospectionType(inline));
                case FragmentSpread spread -> fragment(spread.getName(), introspection);
                default -> Size.EMPTY;
            };
        }

        private Size field(Field field) {
            long alias = field.getAlias() == null ? 0 : 1;
            if (isIntrospectionRoot(field)) {
                Size below = selections(field.getSelectionSet(), true);
                return new Size(
                        1,
                        saturatedAdd(below.aliases(), alias),
                        below.fields(),
                        saturatedAdd(below.roots(), 1),
                        saturatedAdd(below.introspectionFields(), 1),
                        below.listDepth(),
                        below.ofTypeDepth());
            }
            Size below = selections(field.getSelectionSet(), false);
            return new Size(
                    below.depth() + 1,
                    saturatedAdd(below.aliases(), alias),
                    saturatedAdd(below.fields(), 1),
                    below.roots(),
                    below.introspectionFields(),
                    below.listDepth(),
                    below.ofTypeDepth());
        }

        private Size introspectionField(Field field) {
            Size below = selections(field.getSelectionSet(), true);
            String name = field.getName();
            return new Size(
                    below.depth(),
                    saturatedAdd(below.aliases(), field.getAlias() == null ? 0 : 1),
                    below.fields(),
                    saturatedAdd(below.roots(), isIntrospectionRoot(field) ? 1 : 0),
                    saturatedAdd(below.introspectionFields(), 1),
                    below.listDepth() + (TYPE_GRAPH_LISTS.contains(name) ? 1 : 0),
                    below.ofTypeDepth() + ("ofType".equals(name) ? 1 : 0));
        }

        private Size fragment(String name, boolean introspection) {
            FragmentDefinition definition = fragments.get(name);
            if (definition == null) {
                return Size.EMPTY;
            }
            var key = new FragmentKey(name, introspection || isIntrospectionType(definition.getTypeCondition()));
            Size known = measured.get(key);
            if (known != null) {
                return known;
            }
            if (!inProgress.add(key)) {
                return Size.EMPTY;
            }
            Size size = selections(definition.getSelectionSet(), key.introspection());
            inProgress.remove(key);
            measured.put(key, size);
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

    static boolean isIntrospectionRoot(Field field) {
        return "__schema".equals(field.getName()) || "__type".equals(field.getName());
    }

    private static boolean onIntrospectionType(InlineFragment inline) {
        return isIntrospectionType(inline.getTypeCondition());
    }

    private static boolean isIntrospectionType(@Nullable TypeName type) {
        return type != null && type.getName().startsWith("__");
    }

    static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
