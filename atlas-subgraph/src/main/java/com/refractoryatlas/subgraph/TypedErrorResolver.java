package com.refractoryatlas.subgraph;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import jakarta.validation.ConstraintViolationException;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;

/**
 * Turns exceptions into GraphQL errors with an {@code extensions.code}. Unexpected exceptions are logged with an
 * error id that is also returned, so support can find the detail without the client seeing a stack trace.
 */
final class TypedErrorResolver extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(TypedErrorResolver.class);

    @Override
    protected @Nullable GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof ApiException api) {
            return GraphqlErrorBuilder.newError(env)
                    .errorType(api.code().classification())
                    .message(api.getMessage())
                    .extensions(api.extensions())
                    .build();
        }
        if (ex instanceof ConstraintViolationException violation) {
            var message = violation.getConstraintViolations().stream()
                    .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                    .sorted()
                    .reduce((a, b) -> a + "; " + b)
                    .orElse("invalid input");
            return GraphqlErrorBuilder.newError(env)
                    .errorType(ErrorCode.BAD_USER_INPUT.classification())
                    .message(message)
                    .extensions(Map.of("code", ErrorCode.BAD_USER_INPUT.name()))
                    .build();
        }
        var errorId = UUID.randomUUID().toString();
        log.error(
                "Unexpected error {} at {}", errorId, env.getExecutionStepInfo().getPath(), ex);
        return GraphqlErrorBuilder.newError(env)
                .errorType(ErrorCode.INTERNAL_SERVER_ERROR.classification())
                .message("Internal error " + errorId)
                .extensions(Map.of("code", ErrorCode.INTERNAL_SERVER_ERROR.name(), "errorId", errorId))
                .build();
    }
}
