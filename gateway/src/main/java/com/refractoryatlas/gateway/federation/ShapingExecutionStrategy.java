package com.refractoryatlas.gateway.federation;

import com.refractoryatlas.gateway.federation.FieldFailure.SubgraphFieldException;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategyParameters;
import graphql.execution.NonNullableFieldWasNullException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Executes the client's operation with graphql-java over the merged subgraph results: the plan's fetches run first
 * (after graphql-java has validated the document and coerced the variables), then graphql-java shapes the response,
 * which gives the specification's field order, aliases, {@code @include}/{@code @skip}, {@code __typename},
 * introspection and non-null propagation for free.
 */
final class ShapingExecutionStrategy extends AsyncExecutionStrategy {

    /** GraphQLContext key of the {@link PlannedRequest} of the current execution. */
    static final String PLANNED_REQUEST = ShapingExecutionStrategy.class.getName() + ".plannedRequest";

    private final PlanExecutor executor;

    ShapingExecutionStrategy(PlanExecutor executor) {
        super(new SubgraphErrorHandler());
        this.executor = executor;
    }

    /**
     * What the strategy needs to fetch: the plan and the raw request; {@code fetched} when the plan already ran (the
     * engine tried to project the response itself and could not), so that no subgraph is asked twice.
     */
    record PlannedRequest(
            QueryPlan plan,
            FederationEngine.Request request,
            PlanExecutor.@org.jspecify.annotations.Nullable Outcome fetched) {}

    @Override
    public CompletableFuture<ExecutionResult> execute(ExecutionContext context, ExecutionStrategyParameters parameters)
            throws NonNullableFieldWasNullException {
        PlannedRequest planned = context.getGraphQLContext().get(PLANNED_REQUEST);
        if (planned == null || !parameters.getPath().isRootPath()) {
            return super.execute(context, parameters);
        }
        var outcome = planned.fetched() != null
                ? planned.fetched()
                : executor.run(
                        planned.plan(),
                        planned.request().variables(),
                        context.getCoercedVariables().toMap(),
                        planned.request().headers());
        outcome.errors().forEach(context::addError);
        return super.execute(context, parameters.transform(b -> b.source(outcome.data())));
    }

    /** Turns a field's subgraph failure into an error at the client's path, with the subgraph's extensions. */
    private static final class SubgraphErrorHandler implements DataFetcherExceptionHandler {

        @Override
        public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(
                DataFetcherExceptionHandlerParameters parameters) {
            var builder = GraphqlErrorBuilder.newError()
                    .location(parameters.getSourceLocation())
                    .path(parameters.getPath());
            if (parameters.getException() instanceof SubgraphFieldException exception) {
                var failure = exception.failure();
                builder.message(failure.message()).extensions(failure.extensions());
                if (failure.path() != null) {
                    builder.path(failure.path());
                }
            } else {
                builder.message("Internal error while shaping the response")
                        .extensions(Map.of("code", "INTERNAL_SERVER_ERROR"));
            }
            return CompletableFuture.completedFuture(
                    DataFetcherExceptionHandlerResult.newResult(builder.build()).build());
        }
    }
}
