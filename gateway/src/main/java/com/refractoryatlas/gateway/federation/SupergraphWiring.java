package com.refractoryatlas.gateway.federation;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.Coercing;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLScalarType;
import graphql.schema.TypeResolver;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.ScalarInfo;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.TypeRuntimeWiring;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    static final TypeResolver TYPENAME_RESOLVER = env -> {
        if (env.getObject() instanceof Map<?, ?> object && object.get("__typename") instanceof String typename) {
            return env.getSchema().getObjectType(typename);
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
