package com.refractoryatlas.gateway.federation;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.Document;
import graphql.language.EnumValue;
import graphql.language.Field;
import graphql.language.FloatValue;
import graphql.language.FragmentDefinition;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition;
import graphql.language.SelectionSet;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.Coercing;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.LightDataFetcher;
import graphql.schema.TypeResolver;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.ScalarInfo;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.TypeRuntimeWiring;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Makes the supergraph API schema executable over the merged subgraph results: every field reads its response key
 * from the parent map, abstract types resolve by {@code __typename}, custom scalars pass through unchanged (the
 * owning subgraph already validated them).
 */
final class SupergraphWiring {

    private SupergraphWiring() {}

    static final DataFetcher<Object> RESULT_FIELD_FETCHER = env -> {
        if (!(env.getSource() instanceof Map<?, ?> source)) {
            return null;
        }
        var value = source.get(env.getField().getResultKey());
        if (value instanceof FieldFailure failure) {
            throw failure.exception();
        }
        return value;
    };

    /**
     * The same read as {@link #RESULT_FIELD_FETCHER} for operations without aliases, where every response key is the
     * field's name: graphql-java then calls it without building a {@code DataFetchingEnvironment} per field, which is
     * a large share of the CPU that shaping a response costs.
     */
    static final LightDataFetcher<Object> UNALIASED_FIELD_FETCHER = new LightDataFetcher<>() {
        @Override
        public @Nullable Object get(
                GraphQLFieldDefinition fieldDefinition,
                Object sourceObject,
                Supplier<DataFetchingEnvironment> environment) {
            if (!(sourceObject instanceof Map<?, ?> source)) {
                return null;
            }
            var value = source.get(fieldDefinition.getName());
            if (value instanceof FieldFailure failure) {
                throw failure.exception();
            }
            return value;
        }

        @Override
        public @Nullable Object get(DataFetchingEnvironment environment) throws Exception {
            return RESULT_FIELD_FETCHER.get(environment);
        }
    };

    /** The schema executing with {@link #UNALIASED_FIELD_FETCHER}: only for operations that use no alias. */
    static GraphQLSchema unaliased(GraphQLSchema schema) {
        var registry = schema.getCodeRegistry()
                .transform(builder -> builder.defaultDataFetcher(environment -> UNALIASED_FIELD_FETCHER));
        return schema.transform(builder -> builder.codeRegistry(registry));
    }

    /** Whether any field of the document (operations and fragments) has an alias. */
    static boolean usesAliases(Document document) {
        for (var definition : document.getDefinitions()) {
            var selections =
                    switch (definition) {
                        case OperationDefinition operation -> operation.getSelectionSet();
                        case FragmentDefinition fragment -> fragment.getSelectionSet();
                        default -> null;
                    };
            if (usesAliases(selections)) {
                return true;
            }
        }
        return false;
    }

    private static boolean usesAliases(@Nullable SelectionSet selections) {
        if (selections == null) {
            return false;
        }
        for (var selection : selections.getSelections()) {
            var aliased =
                    switch (selection) {
                        case Field field -> field.getAlias() != null || usesAliases(field.getSelectionSet());
                        case InlineFragment fragment -> usesAliases(fragment.getSelectionSet());
                        default -> false;
                    };
            if (aliased) {
                return true;
            }
        }
        return false;
    }

    static final TypeResolver TYPENAME_RESOLVER = env -> {
        if (env.getObject() instanceof Map<?, ?> object && object.get("__typename") instanceof String typename) {
            // an unresolved @interfaceObject still carries the interface's name: no object type
            return env.getSchema().getType(typename) instanceof graphql.schema.GraphQLObjectType objectType
                    ? objectType
                    : null;
        }
        return null;
    };

    static RuntimeWiring wiring(TypeDefinitionRegistry registry) {
        var wiring = RuntimeWiring.newRuntimeWiring()
                .codeRegistry(GraphQLCodeRegistry.newCodeRegistry().defaultDataFetcher(env -> RESULT_FIELD_FETCHER));
        registry.scalars().keySet().stream()
                .filter(name -> !ScalarInfo.isGraphqlSpecifiedScalar(name))
                .forEach(name -> wiring.scalar(passThroughScalar(name)));
        registry.getTypes(graphql.language.InterfaceTypeDefinition.class)
                .forEach(t ->
                        wiring.type(TypeRuntimeWiring.newTypeWiring(t.getName()).typeResolver(TYPENAME_RESOLVER)));
        registry.getTypes(graphql.language.UnionTypeDefinition.class)
                .forEach(t ->
                        wiring.type(TypeRuntimeWiring.newTypeWiring(t.getName()).typeResolver(TYPENAME_RESOLVER)));
        return wiring.build();
    }

    private static GraphQLScalarType passThroughScalar(String name) {
        return GraphQLScalarType.newScalar()
                .name(name)
                .coercing(new PassThroughCoercing())
                .build();
    }

    /** A scalar the gateway does not interpret: values travel between client and subgraph as they are. */
    private static final class PassThroughCoercing implements Coercing<Object, Object> {

        @Override
        public Object serialize(Object dataFetcherResult, GraphQLContext context, Locale locale) {
            return dataFetcherResult;
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale) {
            return input;
        }

        @Override
        public @Nullable Object parseLiteral(
                Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            return literal(input, variables.toMap());
        }

        private static @Nullable Object literal(Value<?> value, Map<String, Object> variables) {
            return switch (value) {
                case StringValue s -> s.getValue();
                case IntValue i -> i.getValue();
                case FloatValue f -> f.getValue();
                case BooleanValue b -> b.isValue();
                case EnumValue e -> e.getName();
                case NullValue ignored -> null;
                case VariableReference v -> variables.get(v.getName());
                case ArrayValue a ->
                    a.getValues().stream().map(v -> literal(v, variables)).toList();
                case ObjectValue o -> {
                    var map = new LinkedHashMap<String, @Nullable Object>();
                    o.getObjectFields().forEach(f -> map.put(f.getName(), literal(f.getValue(), variables)));
                    yield map;
                }
                default -> List.of();
            };
        }
    }
}
