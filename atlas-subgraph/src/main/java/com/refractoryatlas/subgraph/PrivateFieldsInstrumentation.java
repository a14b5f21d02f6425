package com.refractoryatlas.subgraph;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLObjectType;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Keeps a subgraph's federation and schema fields private: {@code _entities} (look-up of any entity by key),
 * {@code _service} (the SDL) and introspection ({@code __schema}, {@code __type}) answer only callers holding the
 * internal service credential, that is the gateway and our services. {@code __typename} stays open: it reveals
 * nothing and clients and gateways use it everywhere.
 */
final class PrivateFieldsInstrumentation extends SimplePerformantInstrumentation {

    static final Set<String> PRIVATE_ROOT_FIELDS = Set.of("_entities", "_service", "__schema", "__type");

    @Override
    public DataFetcher<?> instrumentDataFetcher(
            DataFetcher<?> dataFetcher,
            InstrumentationFieldFetchParameters parameters,
            @Nullable InstrumentationState state) {
        var environment = parameters.getEnvironment();
        var field = environment.getField().getName();
        if (!PRIVATE_ROOT_FIELDS.contains(field) || !isQueryRoot(environment.getParentType())) {
            return dataFetcher;
        }
        var caller = Caller.from(environment.getGraphQlContext());
        if (caller.kind() == Caller.Kind.SERVICE) {
            return dataFetcher;
        }
        return refused -> {
            throw caller.kind() == Caller.Kind.ANONYMOUS
                    ? new ApiException(
                            ErrorCode.UNAUTHENTICATED, field + " needs the internal service credential", null)
                    : new ApiException(ErrorCode.FORBIDDEN, "The internal service credential is not valid", null);
        };
    }

    private static boolean isQueryRoot(graphql.schema.GraphQLType parent) {
        return parent instanceof GraphQLObjectType object && object.getName().equals("Query");
    }
}
