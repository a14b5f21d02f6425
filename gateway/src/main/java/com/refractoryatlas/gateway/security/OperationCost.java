package com.refractoryatlas.gateway.security;

import com.refractoryatlas.gateway.edge.EdgeProperties;
import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The estimated cost of an operation on the IBM GraphQL cost directive specification (the model Apollo Router's
 * and Hive Router's demand control implement): a field costs its weight — {@code @cost(weight:)}, else its type's,
 * else 1 for an object and 0 for a scalar or enum, 10 for a mutation root field — plus the weights of the arguments
 * given, plus its selections; a list multiplies that by its size — {@code @listSize}: the largest slicing argument
 * given ({@code first}, ...), else {@code assumedSize}, else the configured estimate — and with {@code sizedFields}
 * the size multiplies those child fields ({@code edges}) instead. A connection field without directives (a
 * {@code first} argument and an {@code edges} child) is sized the same way.
 *
 * <p>Fragments count as expanded where they are spread but each is computed once per sizing context and memoized,
 * so the estimate is linear in the document: a fragment bomb is priced, never expanded. Introspection is measured
 * by {@link DocumentShape} instead. Also reports the largest slicing argument asked for.
 */
record OperationCost(long cost, long largestFirst) {

    static final String FIRST = "first";
    static final long MUTATION_WEIGHT = 10;

    /** The operation asks for a list in a way its {@code @listSize} forbids. */
    static final class InvalidSlicingException extends IllegalArgumentException {
        InvalidSlicingException(String message) {
            super(message, null);
        }
    }

    static OperationCost of(
            GraphQLSchema schema,
            CostDirectives directives,
            Document document,
            @Nullable String operationName,
            Map<String, Object> variables,
            EdgeProperties.Limits limits) {
        var operation = document.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(candidate -> operationName == null || operationName.equals(candidate.getName()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no such operation"));
        var root =
                switch (operation.getOperation()) {
                    case QUERY -> schema.getQueryType();
                    case MUTATION -> schema.getMutationType();
                    case SUBSCRIPTION -> schema.getSubscriptionType();
                };
        if (root == null) {
            return new OperationCost(0, 0);
        }
        var estimator = new Estimator(schema, directives, document, operation, variables, limits);
        var part = estimator.selections(operation.getSelectionSet(), root, Set.of());
        return new OperationCost(DocumentShape.saturatedAdd(part.fixed(), part.sized()), estimator.largestFirst);
    }

    /**
     * A selection set's cost split in what does not depend on the enclosing field's size and what the size
     * multiplies (the {@code sizedFields} among the selections).
     */
    private record Part(long fixed, long sized) {
        static final Part ZERO = new Part(0, 0);

        Part plus(Part other) {
            return new Part(
                    DocumentShape.saturatedAdd(fixed, other.fixed), DocumentShape.saturatedAdd(sized, other.sized));
        }
    }

    private record FragmentKey(String name, Set<String> sizedFields) {}

    /** A field's own weight: declared on it, 10 for a mutation, declared on its type, else 1 for objects, 0 else. */
    static long weight(
            GraphQLSchema schema,
            CostDirectives directives,
            String type,
            GraphQLFieldDefinition definition,
            GraphQLType unwrapped) {
        var declared = directives.fieldWeight(type, definition.getName());
        if (declared.isPresent()) {
            return declared.getAsLong();
        }
        var mutation = schema.getMutationType();
        if (mutation != null && mutation.getName().equals(type)) {
            return MUTATION_WEIGHT;
        }
        var ofType = directives.typeWeight(GraphQLTypeUtil.simplePrint(unwrapped));
        if (ofType.isPresent()) {
            return ofType.getAsLong();
        }
        return unwrapped instanceof GraphQLCompositeType ? 1 : 0;
    }

    private static final class Estimator {
        private final GraphQLSchema schema;
        private final CostDirectives directives;
        private final EdgeProperties.Limits limits;
        private final Map<String, Object> variables;
        private final Map<String, FragmentDefinition> fragments = new HashMap<>();
        private final Map<String, VariableDefinition> variableDefinitions = new HashMap<>();
        private final Map<FragmentKey, Part> measured = new HashMap<>();
        private final Set<FragmentKey> inProgress = new HashSet<>();
        private long largestFirst;

        Estimator(
                GraphQLSchema schema,
                CostDirectives directives,
                Document document,
                OperationDefinition operation,
                Map<String, Object> variables,
                EdgeProperties.Limits limits) {
            this.schema = schema;
            this.directives = directives;
            this.limits = limits;
            this.variables = variables;
            for (var fragment : document.getDefinitionsOfType(FragmentDefinition.class)) {
                fragments.putIfAbsent(fragment.getName(), fragment);
            }
            for (var variable : operation.getVariableDefinitions()) {
                variableDefinitions.put(variable.getName(), variable);
            }
        }

        Part selections(@Nullable SelectionSet set, GraphQLCompositeType parent, Set<String> sizedFields) {
            if (set == null) {
                return Part.ZERO;
            }
            Part total = Part.ZERO;
            for (Selection<?> selection : set.getSelections()) {
                total = total.plus(selection(selection, parent, sizedFields));
            }
            return total;
        }

        private Part selection(Selection<?> selection, GraphQLCompositeType parent, Set<String> sizedFields) {
            return switch (selection) {
                case Field field -> {
                    boolean sized = sizedFields.contains(field.getName());
                    long cost = field(field, parent, sized);
                    yield sized ? new Part(0, cost) : new Part(cost, 0);
                }
                case InlineFragment inline ->
                    selections(
                            inline.getSelectionSet(),
                            inline.getTypeCondition() == null
                                    ? parent
                                    : composite(inline.getTypeCondition().getName(), parent),
                            sizedFields);
                case FragmentSpread spread -> fragment(spread.getName(), parent, sizedFields);
                default -> Part.ZERO;
            };
        }

        private Part fragment(String name, GraphQLCompositeType parent, Set<String> sizedFields) {
            var key = new FragmentKey(name, sizedFields);
            Part known = measured.get(key);
            if (known != null) {
                return known;
            }
            FragmentDefinition definition = fragments.get(name);
            if (definition == null || !inProgress.add(key)) {
                return Part.ZERO;
            }
            var type = composite(definition.getTypeCondition().getName(), parent);
            Part part = selections(definition.getSelectionSet(), type, sizedFields);
            inProgress.remove(key);
            measured.put(key, part);
            return part;
        }

        private GraphQLCompositeType composite(String name, GraphQLCompositeType fallback) {
            return schema.getType(name) instanceof GraphQLCompositeType type ? type : fallback;
        }

        /** One field's cost; a sized field's is per item, the enclosing field multiplies it by its size. */
        private long field(Field field, GraphQLCompositeType parent, boolean sizedByParent) {
            if (field.getName().startsWith("__") || !(parent instanceof GraphQLFieldsContainer container)) {
                return 0;
            }
            GraphQLFieldDefinition definition = container.getFieldDefinition(field.getName());
            if (definition == null) {
                return 0;
            }
            String type = container.getName();
            GraphQLType unwrapped = GraphQLTypeUtil.unwrapAll(definition.getType());
            long weight = DocumentShape.saturatedAdd(weight(type, definition, unwrapped), argumentWeights(type, field));
            var listSize = listSize(type, definition, unwrapped);
            trackSlicing(field, definition, listSize);
            Part children = unwrapped instanceof GraphQLCompositeType composite
                    ? selections(
                            field.getSelectionSet(),
                            composite,
                            listSize == null ? Set.of() : Set.copyOf(listSize.sizedFields()))
                    : Part.ZERO;
            boolean list =
                    !sizedByParent && GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(definition.getType()));
            if (listSize != null && !listSize.sizedFields().isEmpty()) {
                long size = size(field, definition, listSize);
                long own = DocumentShape.saturatedAdd(
                        DocumentShape.saturatedAdd(weight, children.fixed()), multiply(size, children.sized()));
                return list ? multiply(assumedOrDefault(listSize), own) : own;
            }
            long own =
                    DocumentShape.saturatedAdd(DocumentShape.saturatedAdd(weight, children.fixed()), children.sized());
            if (!list) {
                return own;
            }
            return multiply(listSize == null ? limits.unpaginatedListSize() : size(field, definition, listSize), own);
        }

        private long weight(String type, GraphQLFieldDefinition definition, GraphQLType unwrapped) {
            return OperationCost.weight(schema, directives, type, definition, unwrapped);
        }

        private long argumentWeights(String type, Field field) {
            long total = 0;
            for (Argument argument : field.getArguments()) {
                total = DocumentShape.saturatedAdd(
                        total, directives.argumentWeight(type, field.getName(), argument.getName()));
            }
            return total;
        }

        /** The declared size, else a connection's implied one: sliced by {@code first}, sizing its {@code edges}. */
        private CostDirectives.@Nullable ListSize listSize(
                String type, GraphQLFieldDefinition definition, GraphQLType unwrapped) {
            var declared = directives.listSize(type, definition.getName());
            if (declared != null) {
                return declared;
            }
            if (definition.getArgument(FIRST) == null) {
                return null;
            }
            boolean connection = unwrapped instanceof GraphQLFieldsContainer container
                    && container.getFieldDefinition("edges") != null;
            return new CostDirectives.ListSize(null, List.of(FIRST), connection ? List.of("edges") : List.of(), false);
        }

        private void trackSlicing(
                Field field, GraphQLFieldDefinition definition, CostDirectives.@Nullable ListSize size) {
            var names = size == null ? List.of(FIRST) : size.slicingArguments();
            for (String name : names) {
                var argument = definition.getArgument(name);
                if (argument != null) {
                    Long value = value(field, argument);
                    largestFirst = Math.max(largestFirst, value == null ? 0 : value);
                }
            }
        }

        private long size(Field field, GraphQLFieldDefinition definition, CostDirectives.ListSize listSize) {
            long largest = -1;
            int given = 0;
            for (String name : listSize.slicingArguments()) {
                var argument = definition.getArgument(name);
                if (argument == null || !given(field, argument)) {
                    continue;
                }
                given++;
                Long value = value(field, argument);
                largest = value == null ? largest : Math.max(largest, value);
            }
            if (listSize.requireOneSlicingArgument()
                    && !listSize.slicingArguments().isEmpty()
                    && given != 1) {
                throw new InvalidSlicingException("'" + field.getName() + "' needs exactly one of "
                        + listSize.slicingArguments() + ", got " + given);
            }
            if (largest >= 0) {
                return largest;
            }
            return listSize.assumedSize() != null
                    ? listSize.assumedSize()
                    : listSize.slicingArguments().isEmpty() ? limits.unpaginatedListSize() : limits.defaultFirst();
        }

        private long assumedOrDefault(CostDirectives.ListSize listSize) {
            return listSize.assumedSize() != null ? listSize.assumedSize() : limits.unpaginatedListSize();
        }

        /** Whether the argument has a value: in the operation (not a variable the request leaves out) or by default. */
        private boolean given(Field field, GraphQLArgument argument) {
            var literal = field.getArguments().stream()
                    .filter(candidate -> candidate.getName().equals(argument.getName()))
                    .findFirst();
            if (literal.isEmpty()) {
                return argument.hasSetDefaultValue();
            }
            if (!(literal.get().getValue() instanceof VariableReference reference)) {
                return true;
            }
            var definition = variableDefinitions.get(reference.getName());
            return variables.get(reference.getName()) != null
                    || (definition != null && definition.getDefaultValue() != null)
                    || argument.hasSetDefaultValue();
        }

        /** The argument's value: given literally, through a variable (or its default), else the schema default. */
        private @Nullable Long value(Field field, GraphQLArgument argument) {
            var given = field.getArguments().stream()
                    .filter(candidate -> candidate.getName().equals(argument.getName()))
                    .findFirst();
            if (given.isPresent()) {
                return literal(given.get().getValue());
            }
            if (argument.hasSetDefaultValue()) {
                Object value = argument.getArgumentDefaultValue().getValue();
                return value instanceof graphql.language.Value<?> literal ? literal(literal) : number(value);
            }
            return null;
        }

        private @Nullable Long literal(graphql.language.Value<?> value) {
            if (value instanceof IntValue number) {
                return number.getValue().longValue();
            }
            if (value instanceof VariableReference reference) {
                if (variables.containsKey(reference.getName())) {
                    return number(variables.get(reference.getName()));
                }
                var definition = variableDefinitions.get(reference.getName());
                return definition == null || definition.getDefaultValue() == null
                        ? null
                        : literal(definition.getDefaultValue());
            }
            return null;
        }

        private static @Nullable Long number(@Nullable Object value) {
            return value instanceof Number number ? number.longValue() : null;
        }

        private static long multiply(long a, long b) {
            long high = Math.multiplyHigh(a, b);
            long product = a * b;
            return high != 0 || product < 0 ? Long.MAX_VALUE : product;
        }
    }
}
