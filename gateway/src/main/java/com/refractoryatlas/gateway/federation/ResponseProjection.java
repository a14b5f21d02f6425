package com.refractoryatlas.gateway.federation;

import graphql.GraphQLContext;
import graphql.execution.RawVariables;
import graphql.execution.ValuesResolver;
import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.DirectivesContainer;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.TypeName;
import graphql.language.VariableReference;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedOutputType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonSerializable;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.jsontype.TypeSerializer;

/**
 * Shapes the client's response straight from the merged subgraph results, without a graphql-java execution over the
 * supergraph per request (which built a field environment, a result path and a future per field: the largest share of
 * the gateway's CPU on a large answer). Compiled once per distinct operation: which response keys, with which schema
 * types, each object type gets under each selection, the fields collected as the specification's CollectFields does.
 *
 * <p>Only the clean case is shaped here: every value present and of its declared kind, no subgraph error, no
 * introspection, no directive but {@code @skip}/{@code @include}. Anything else — a failure or a null in a non-null
 * position, a value of the wrong kind, a scalar that does not serialize — makes {@link #project} answer null, and the
 * caller shapes the same merged results with graphql-java, which reports errors and propagates nulls exactly as
 * before. The walk over the results follows the operation, whose depth the edge's guard bounds.
 *
 * <p>{@link #project} only checks that the merged results project (a walk that allocates nothing); the answer it
 * gives writes itself to JSON straight from the merged results when Jackson serializes it ({@link Projected}), with
 * no tree of response maps built in between, and is built as that tree only if someone reads it as a map.
 */
final class ResponseProjection {

    private static final String TYPENAME = "__typename";
    private static final Set<String> CONDITIONS = Set.of("skip", "include");
    private static final GraphQLContext CONTEXT = GraphQLContext.getDefault();

    private final GraphQLSchema schema;
    private final OperationDefinition operation;
    private final Map<String, FragmentDefinition> fragments;
    private final GraphQLObjectType rootType;
    /** Whether {@code @skip}/{@code @include} occur: then the collected fields depend on the variables. */
    private final boolean conditional;
    /** The root selection with its per-type fields, kept across requests when nothing depends on variables. */
    private final @Nullable Shape sharedRoot;

    private ResponseProjection(
            GraphQLSchema schema,
            OperationDefinition operation,
            Map<String, FragmentDefinition> fragments,
            GraphQLObjectType rootType,
            boolean conditional) {
        this.schema = schema;
        this.operation = operation;
        this.fragments = fragments;
        this.rootType = rootType;
        this.conditional = conditional;
        this.sharedRoot = conditional ? null : new Shape(List.of(operation.getSelectionSet()));
    }

    /** The projection of a validated operation, or null when it is one that graphql-java must shape. */
    static @Nullable ResponseProjection of(GraphQLSchema schema, Document document, @Nullable String operationName) {
        OperationDefinition chosen = null;
        var fragments = new HashMap<String, FragmentDefinition>();
        boolean conditional = false;
        for (var definition : document.getDefinitions()) {
            if (definition instanceof FragmentDefinition fragment) {
                fragments.put(fragment.getName(), fragment);
            } else if (definition instanceof OperationDefinition operation
                    && (operationName == null || operationName.equals(operation.getName()))) {
                if (chosen != null) {
                    return null;
                }
                chosen = operation;
            }
        }
        if (chosen == null || !chosen.getDirectives().isEmpty()) {
            return null;
        }
        var rootType =
                switch (chosen.getOperation()) {
                    case QUERY -> schema.getQueryType();
                    case MUTATION -> schema.getMutationType();
                    default -> null;
                };
        if (rootType == null) {
            return null;
        }
        var directives = new Directives();
        directives.scan(chosen.getSelectionSet());
        fragments.values().forEach(fragment -> directives.scan(fragment.getSelectionSet()));
        if (directives.unsupported) {
            return null;
        }
        conditional = directives.conditional;
        return new ResponseProjection(schema, chosen, Map.copyOf(fragments), rootType, conditional);
    }

    /** Which directives the selections carry; iterative, so a deep document costs no stack. */
    private static final class Directives {
        boolean conditional;
        boolean unsupported;

        void scan(SelectionSet root) {
            var pending = new ArrayList<SelectionSet>();
            pending.add(root);
            while (!pending.isEmpty() && !unsupported) {
                for (var selection : pending.removeLast().getSelections()) {
                    note(selection);
                    var nested = nested(selection);
                    if (nested != null) {
                        pending.add(nested);
                    }
                }
            }
        }

        private void note(Selection<?> selection) {
            if (!(selection instanceof DirectivesContainer<?> container)) {
                return;
            }
            for (var directive : container.getDirectives()) {
                if (CONDITIONS.contains(directive.getName())) {
                    conditional = true;
                } else {
                    unsupported = true;
                }
            }
        }

        private static @Nullable SelectionSet nested(Selection<?> selection) {
            return switch (selection) {
                case Field field -> field.getSelectionSet();
                case InlineFragment fragment -> fragment.getSelectionSet();
                default -> null;
            };
        }
    }

    /**
     * The variables as graphql-java coerces them (the plan's {@code @skip}/{@code @include} and the projection read
     * them), or null when they do not coerce: graphql-java then reports why.
     */
    @Nullable
    Map<String, Object> coerceVariables(Map<String, Object> variables) {
        if (operation.getVariableDefinitions().isEmpty()) {
            return Map.of();
        }
        try {
            return ValuesResolver.coerceVariableValues(
                            schema,
                            operation.getVariableDefinitions(),
                            RawVariables.of(variables),
                            CONTEXT,
                            Locale.getDefault())
                    .toMap();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The response's {@code data} shaped from the merged results, or null when graphql-java must shape it. The
     * results are only checked here: the answer is written from them when it is serialized (see {@link Projected}).
     */
    @Nullable
    Map<String, Object> project(Map<String, Object> merged, Map<String, Object> variables) {
        var root = sharedRoot != null ? sharedRoot : new Shape(List.of(operation.getSelectionSet()));
        try {
            var slots = root.slots(rootType, variables);
            checkObject(merged, slots, variables);
            return new Projected(merged, slots, variables);
        } catch (NotProjectable e) {
            return null;
        }
    }

    /**
     * The projected {@code data}: serialized by Jackson it writes the merged results through the operation's slots
     * (the same JSON the map tree would give, key for key); read as a map it is that tree, built on first use.
     */
    private final class Projected extends AbstractMap<String, Object> implements JacksonSerializable {
        private final Map<String, Object> merged;
        private final Slot[] slots;
        private final Map<String, Object> variables;
        private volatile @Nullable Map<String, Object> tree;

        Projected(Map<String, Object> merged, Slot[] slots, Map<String, Object> variables) {
            this.merged = merged;
            this.slots = slots;
            this.variables = variables;
        }

        private Map<String, Object> tree() {
            var built = tree;
            if (built == null) {
                built = object(merged, slots, rootType, variables);
                tree = built;
            }
            return built;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return tree().entrySet();
        }

        @Override
        public void serialize(JsonGenerator generator, SerializationContext context) {
            if (context.isEnabled(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)) {
                // maps sorted by key: the tree, serialized as any map
                context.writeValue(generator, tree());
                return;
            }
            writeObject(generator, context, merged, slots, rootType, variables);
        }

        @Override
        public void serializeWithType(JsonGenerator generator, SerializationContext context, TypeSerializer types) {
            serialize(generator, context);
        }
    }

    // the check: every way the tree below (object, complete) would refuse, without building anything

    private void checkObject(Map<?, ?> source, Slot[] slots, Map<String, Object> variables) {
        for (var slot : slots) {
            if (slot.type() != null) {
                check(source.get(slot.key()), slot.type(), slot.child(), variables);
            }
        }
    }

    /** Whether the completed value is non-null; throws where {@link #complete} would. */
    private boolean check(
            @Nullable Object value, GraphQLOutputType type, @Nullable Shape child, Map<String, Object> variables) {
        if (type instanceof GraphQLNonNull nonNull) {
            if (!check(value, (GraphQLOutputType) nonNull.getWrappedType(), child, variables)) {
                throw NotProjectable.INSTANCE;
            }
            return true;
        }
        if (value == null) {
            return false;
        }
        if (value instanceof FieldFailure) {
            throw NotProjectable.INSTANCE;
        }
        // instanceof rather than a pattern switch: this runs per value, and the switch's type dispatch costs more
        if (type instanceof GraphQLList list) {
            if (!(value instanceof List<?> items)) {
                throw NotProjectable.INSTANCE;
            }
            var itemType = (GraphQLOutputType) list.getWrappedType();
            for (var item : items) {
                check(item, itemType, child, variables);
            }
            return true;
        }
        if (type instanceof GraphQLScalarType scalar) {
            serialized(scalar, value);
            return true;
        }
        if (type instanceof GraphQLEnumType enumeration) {
            return serialized(enumeration, value) != null;
        }
        if (!(value instanceof Map<?, ?> source) || child == null) {
            throw NotProjectable.INSTANCE;
        }
        if (!(type instanceof GraphQLObjectType) && isInterfaceObjectName(source, type)) {
            return false;
        }
        var runtime = type instanceof GraphQLObjectType object ? object : resolve(source, type);
        checkObject(source, child.slots(runtime, variables), variables);
        return true;
    }

    // the writer: the tree below (object, complete) as JSON, for results the check accepted

    private void writeObject(
            JsonGenerator generator,
            SerializationContext context,
            Map<?, ?> source,
            Slot[] slots,
            GraphQLObjectType type,
            Map<String, Object> variables) {
        generator.writeStartObject();
        for (var slot : slots) {
            generator.writeName(slot.key());
            if (slot.type() == null) {
                generator.writeString(type.getName());
            } else {
                write(generator, context, source.get(slot.key()), slot.type(), slot.child(), variables);
            }
        }
        generator.writeEndObject();
    }

    private void write(
            JsonGenerator generator,
            SerializationContext context,
            @Nullable Object value,
            GraphQLOutputType type,
            @Nullable Shape child,
            Map<String, Object> variables) {
        if (type instanceof GraphQLNonNull nonNull) {
            write(generator, context, value, (GraphQLOutputType) nonNull.getWrappedType(), child, variables);
            return;
        }
        if (value == null) {
            generator.writeNull();
            return;
        }
        if (type instanceof GraphQLList list) {
            var itemType = (GraphQLOutputType) list.getWrappedType();
            generator.writeStartArray();
            for (var item : (List<?>) value) {
                write(generator, context, item, itemType, child, variables);
            }
            generator.writeEndArray();
        } else if (type instanceof GraphQLScalarType scalar) {
            writeScalar(generator, context, serialized(scalar, value));
        } else if (type instanceof GraphQLEnumType enumeration) {
            writeScalar(generator, context, serialized(enumeration, value));
        } else {
            var source = (Map<?, ?>) value;
            if (!(type instanceof GraphQLObjectType) && isInterfaceObjectName(source, type)) {
                generator.writeNull();
                return;
            }
            var runtime = type instanceof GraphQLObjectType object ? object : resolve(source, type);
            var slots = java.util.Objects.requireNonNull(child).slots(runtime, variables);
            writeObject(generator, context, source, slots, runtime, variables);
        }
    }

    /** A serialized scalar as Jackson's own serializers write it: the common kinds directly, the rest through them. */
    private static void writeScalar(JsonGenerator generator, SerializationContext context, @Nullable Object value) {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof String text) {
            generator.writeString(text);
        } else if (value instanceof Integer number) {
            generator.writeNumber(number);
        } else if (value instanceof Long number) {
            generator.writeNumber(number);
        } else if (value instanceof Double number) {
            generator.writeNumber(number);
        } else if (value instanceof Boolean bool) {
            generator.writeBoolean(bool);
        } else {
            context.writeValue(generator, value);
        }
    }

    private Map<String, Object> object(
            Map<?, ?> source, Slot[] slots, GraphQLObjectType type, Map<String, Object> variables) {
        var result = new CompactMap(slots.length);
        for (var slot : slots) {
            if (slot.type() == null) {
                result.put(slot.key(), type.getName());
            } else {
                result.put(slot.key(), complete(source.get(slot.key()), slot.type(), slot.child(), variables));
            }
        }
        return result;
    }

    private @Nullable Object complete(
            @Nullable Object value, GraphQLOutputType type, @Nullable Shape child, Map<String, Object> variables) {
        if (type instanceof GraphQLNonNull nonNull) {
            var completed = complete(value, (GraphQLOutputType) nonNull.getWrappedType(), child, variables);
            if (completed == null) {
                throw NotProjectable.INSTANCE;
            }
            return completed;
        }
        if (value == null) {
            return null;
        }
        if (value instanceof FieldFailure) {
            throw NotProjectable.INSTANCE;
        }
        return switch (type) {
            case GraphQLList list -> list(value, (GraphQLOutputType) list.getWrappedType(), child, variables);
            case GraphQLScalarType scalar -> serialized(scalar, value);
            case GraphQLEnumType enumeration -> serialized(enumeration, value);
            default -> composite(value, type, child, variables);
        };
    }

    private List<@Nullable Object> list(
            Object value, GraphQLOutputType itemType, @Nullable Shape child, Map<String, Object> variables) {
        if (!(value instanceof List<?> items)) {
            throw NotProjectable.INSTANCE;
        }
        var result = new ArrayList<@Nullable Object>(items.size());
        for (var item : items) {
            result.add(complete(item, itemType, child, variables));
        }
        return result;
    }

    private @Nullable Object composite(
            Object value, GraphQLOutputType type, @Nullable Shape child, Map<String, Object> variables) {
        if (!(value instanceof Map<?, ?> source) || child == null) {
            throw NotProjectable.INSTANCE;
        }
        if (!(type instanceof GraphQLObjectType) && isInterfaceObjectName(source, type)) {
            // an @interfaceObject the interface's own subgraph did not resolve has no concrete type: null, as Apollo
            return null;
        }
        var runtime = type instanceof GraphQLObjectType object ? object : resolve(source, type);
        return object(source, child.slots(runtime, variables), runtime, variables);
    }

    /** True if the object still carries the name of the abstract type itself, as an {@code @interfaceObject} does. */
    private static boolean isInterfaceObjectName(Map<?, ?> source, GraphQLOutputType abstractType) {
        return abstractType instanceof GraphQLNamedOutputType named
                && named.getName().equals(source.get(TYPENAME));
    }

    private GraphQLObjectType resolve(Map<?, ?> source, GraphQLOutputType abstractType) {
        if (source.get(TYPENAME) instanceof String typename
                && abstractType instanceof GraphQLNamedOutputType named
                && schema.getType(typename) instanceof GraphQLObjectType object
                && schema.isPossibleType(named, object)) {
            return object;
        }
        throw NotProjectable.INSTANCE;
    }

    private static Object serialized(GraphQLScalarType scalar, Object value) {
        try {
            var serialized = scalar.getCoercing().serialize(value, CONTEXT, Locale.getDefault());
            if (serialized == null) {
                throw NotProjectable.INSTANCE;
            }
            return serialized;
        } catch (RuntimeException e) {
            throw NotProjectable.INSTANCE;
        }
    }

    private static @Nullable Object serialized(GraphQLEnumType enumeration, Object value) {
        try {
            return enumeration.serialize(value, CONTEXT, Locale.getDefault());
        } catch (RuntimeException e) {
            throw NotProjectable.INSTANCE;
        }
    }

    /** One response key of an object: its schema type ({@code null}: {@code __typename}) and its sub-selection. */
    private record Slot(
            String key,
            @Nullable GraphQLOutputType type,
            @Nullable Shape child) {}

    /** The selection sets merged under one response key, with the fields they collect per object type. */
    private final class Shape {
        private final List<SelectionSet> sets;
        private final Map<String, Slot[]> byType = new ConcurrentHashMap<>();

        Shape(List<SelectionSet> sets) {
            this.sets = sets;
        }

        Slot[] slots(GraphQLObjectType type, Map<String, Object> variables) {
            var slots = byType.get(type.getName());
            if (slots == null) {
                slots = compile(type, variables);
                byType.put(type.getName(), slots);
            }
            return slots;
        }

        private Slot[] compile(GraphQLObjectType type, Map<String, Object> variables) {
            var collected = new LinkedHashMap<String, List<Field>>();
            var visited = new HashSet<String>();
            for (var set : sets) {
                collect(set, type, variables, collected, visited);
            }
            var slots = new Slot[collected.size()];
            var i = 0;
            for (var entry : collected.entrySet()) {
                slots[i++] = slot(entry.getKey(), entry.getValue(), type);
            }
            return slots;
        }

        private Slot slot(String key, List<Field> fields, GraphQLObjectType type) {
            var name = fields.getFirst().getName();
            if (TYPENAME.equals(name)) {
                return new Slot(key, null, null);
            }
            var definition = type.getFieldDefinition(name);
            if (definition == null) {
                // introspection (__schema, __type) or a field graphql-java's validation would have refused
                throw NotProjectable.INSTANCE;
            }
            if (!(GraphQLTypeUtil.unwrapAll(definition.getType()) instanceof GraphQLCompositeType)) {
                return new Slot(key, definition.getType(), null);
            }
            var subSets = new ArrayList<SelectionSet>();
            for (var field : fields) {
                if (field.getSelectionSet() != null) {
                    subSets.add(field.getSelectionSet());
                }
            }
            return new Slot(key, definition.getType(), new Shape(subSets));
        }
    }

    private void collect(
            SelectionSet set,
            GraphQLObjectType type,
            Map<String, Object> variables,
            Map<String, List<Field>> collected,
            Set<String> visited) {
        for (var selection : set.getSelections()) {
            switch (selection) {
                case Field field
                when included(field.getDirectives(), variables) ->
                    collected
                            .computeIfAbsent(field.getResultKey(), key -> new ArrayList<>())
                            .add(field);
                case InlineFragment fragment
                when included(fragment.getDirectives(), variables) && applies(fragment.getTypeCondition(), type) ->
                    collect(fragment.getSelectionSet(), type, variables, collected, visited);
                case FragmentSpread spread
                when included(spread.getDirectives(), variables) && visited.add(spread.getName()) -> {
                    var fragment = fragments.get(spread.getName());
                    if (fragment == null) {
                        throw NotProjectable.INSTANCE;
                    }
                    if (applies(fragment.getTypeCondition(), type)) {
                        collect(fragment.getSelectionSet(), type, variables, collected, visited);
                    }
                }
                default -> {
                    // skipped, or a fragment already collected at this level
                }
            }
        }
    }

    private boolean applies(@Nullable TypeName condition, GraphQLObjectType type) {
        if (condition == null || condition.getName().equals(type.getName())) {
            return true;
        }
        return schema.getType(condition.getName()) instanceof GraphQLNamedOutputType named
                && !(named instanceof GraphQLObjectType)
                && schema.isPossibleType(named, type);
    }

    private static boolean included(List<Directive> directives, Map<String, Object> variables) {
        for (var directive : directives) {
            if (!CONDITIONS.contains(directive.getName())) {
                continue;
            }
            var argument = directive.getArgument("if");
            if (argument == null) {
                throw NotProjectable.INSTANCE;
            }
            var condition =
                    switch (argument.getValue()) {
                        case BooleanValue literal -> literal.isValue();
                        case VariableReference reference
                        when variables.get(reference.getName()) instanceof Boolean b -> b;
                        default -> throw NotProjectable.INSTANCE;
                    };
            if (directive.getName().equals("skip") == condition) {
                return false;
            }
        }
        return true;
    }

    /** Thrown through the walk when graphql-java must shape this response; carries no stack. */
    private static final class NotProjectable extends RuntimeException {
        static final NotProjectable INSTANCE = new NotProjectable();

        private NotProjectable() {
            super("not projectable", null, false, false);
        }
    }
}
