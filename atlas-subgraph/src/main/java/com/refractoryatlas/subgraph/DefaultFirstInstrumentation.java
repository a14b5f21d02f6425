package com.refractoryatlas.subgraph;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.VariableReference;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import java.util.LinkedHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Lets a connection declare {@code first: Int = 20} (the contract's default, shown by introspection) and still read
 * backward: a {@code first} the client did not write arrives as 20 like any default, so a request for {@code last: 5}
 * would look like {@code first: 20, last: 5} and be refused by {@link PageRequest}. When a field is asked with
 * {@code last} and without {@code first} (not written, or a variable the request leaves out), the default is dropped
 * before the controller sees the arguments; a {@code first} the client wrote is kept, so {@code first} and
 * {@code last} together are still refused.
 */
final class DefaultFirstInstrumentation extends SimplePerformantInstrumentation {

    static final String FIRST = "first";
    static final String LAST = "last";

    @Override
    public DataFetcher<?> instrumentDataFetcher(
            DataFetcher<?> dataFetcher,
            InstrumentationFieldFetchParameters parameters,
            @Nullable InstrumentationState state) {
        var environment = parameters.getEnvironment();
        var arguments = environment.getArguments();
        if (arguments.get(LAST) == null || arguments.get(FIRST) == null || written(environment)) {
            return dataFetcher;
        }
        var withoutDefault = new LinkedHashMap<>(arguments);
        withoutDefault.remove(FIRST);
        var changed = DataFetchingEnvironmentImpl.newDataFetchingEnvironment(environment)
                .arguments(withoutDefault)
                .build();
        return ignored -> dataFetcher.get(changed);
    }

    /** Whether the client gave {@code first}: written in the operation, with a value if it is a variable. */
    private static boolean written(DataFetchingEnvironment environment) {
        var argument = environment.getField().getArguments().stream()
                .filter(a -> a.getName().equals(FIRST))
                .findFirst();
        if (argument.isEmpty()) {
            return false;
        }
        return !(argument.get().getValue() instanceof VariableReference variable)
                || environment.getVariables().containsKey(variable.getName());
    }
}
