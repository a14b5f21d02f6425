package com.refractoryatlas.gateway.security;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The cost of an answer by the estimate's weights ({@link OperationCost#weight}), with the lists as long as they came
 * back and nothing counted below a null: what the operation really cost, next to what was estimated. Walks the answer
 * once per selection that applies to it; the guard has bounded the expanded selections before the operation ran.
 */
final class ActualCost {

    private final GraphQLSchema schema;
    private final CostDirectives directives;
    private final Map<String, FragmentDefinition> fragments = new HashMap<>();

    private ActualCost(GraphQLSchema schema, CostDirectives directives, Document document) {
        this.schema = schema;
        this.directives = directives;
        for (var fragment : document.getDefinitionsOfType(FragmentDefinition.class)) {
            fragments.putIfAbsent(fragment.getName(), fragment);
        }
    }

    static long of(
            GraphQLSchema schema,
            CostDirectives directives,
            Document document,
            @Nullable String operationName,
            @Nullable Object data) {
        var operation = document.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(candidate -> operationName == null || operationName.equals(candidate.getName()))
                .findFirst();
        if (operation.isEmpty() || !(data instanceof Map<?, ?> root)) {
            return 0;
        }
        var type =
                switch (operation.get().getOperation()) {
                    case QUERY -> schema.getQueryType();
                    case MUTATION -> schema.getMutationType();
                    case SUBSCRIPTION -> schema.getSubscriptionType();
                };
        return type == null
                ? 0
                : new ActualCost(schema, directives, document)
                        .object(operation.get().getSelectionSet(), type, root);
    }

    private long object(@Nullable SelectionSet set, GraphQLCompositeType type, Map<?, ?> value) {
        if (set == null) {
            return 0;
        }
        long total = 0;
        for (Selection<?> selection : set.getSelections()) {
            total = DocumentShape.saturatedAdd(total, selection(selection, type, value));
        }
        return total;
    }

    private long selection(Selection<?> selection, GraphQLCompositeType type, Map<?, ?> value) {
        return switch (selection) {
            case Field field -> field(field, type, value);
            case InlineFragment inline ->
                applies(
                                inline.getTypeCondition() == null
                                        ? null
                                        : inline.getTypeCondition().getName(),
                                type,
                                value)
                        ? object(
                                inline.getSelectionSet(),
                                narrow(
                                        inline.getTypeCondition() == null
                                                ? null
                                                : inline.getTypeCondition().getName(),
                                        type,
                                        value),
                                value)
                        : 0;
            case FragmentSpread spread -> {
                var definition = fragments.get(spread.getName());
                String condition = definition == null
                        ? null
                        : definition.getTypeCondition().getName();
                yield definition != null && applies(condition, type, value)
                        ? object(definition.getSelectionSet(), narrow(condition, type, value), value)
                        : 0;
            }
            default -> 0;
        };
    }

    private long field(Field field, GraphQLCompositeType type, Map<?, ?> value) {
        if (field.getName().startsWith("__") || !(type instanceof GraphQLFieldsContainer container)) {
            return 0;
        }
        var definition = container.getFieldDefinition(field.getName());
        Object answer = value.get(field.getAlias() != null ? field.getAlias() : field.getName());
        if (definition == null || answer == null) {
            return 0;
        }
        var unwrapped = GraphQLTypeUtil.unwrapAll(definition.getType());
        long weight = OperationCost.weight(schema, directives, container.getName(), definition, unwrapped);
        return items(field, weight, unwrapped instanceof GraphQLCompositeType composite ? composite : null, answer);
    }

    private long items(Field field, long weight, @Nullable GraphQLCompositeType type, Object answer) {
        if (answer instanceof List<?> list) {
            long total = 0;
            for (Object item : list) {
                total = item == null ? total : DocumentShape.saturatedAdd(total, items(field, weight, type, item));
            }
            return total;
        }
        long below = type != null && answer instanceof Map<?, ?> map ? object(field.getSelectionSet(), type, map) : 0;
        return DocumentShape.saturatedAdd(weight, below);
    }

    /** Whether a fragment's type condition applies to the object, by its {@code __typename} when it was asked. */
    private boolean applies(@Nullable String condition, GraphQLCompositeType type, Map<?, ?> value) {
        if (condition == null || condition.equals(type.getName())) {
            return true;
        }
        if (value.get("__typename") instanceof String typename) {
            return typename.equals(condition)
                    || (schema.getType(condition) instanceof GraphQLCompositeType abstractType
                            && schema.getType(typename) instanceof GraphQLObjectType object
                            && schema.isPossibleType(abstractType, object));
        }
        return true;
    }

    private GraphQLCompositeType narrow(@Nullable String condition, GraphQLCompositeType type, Map<?, ?> value) {
        if (value.get("__typename") instanceof String typename
                && schema.getType(typename) instanceof GraphQLObjectType object) {
            return object;
        }
        return condition != null && schema.getType(condition) instanceof GraphQLCompositeType narrowed
                ? narrowed
                : type;
    }
}
