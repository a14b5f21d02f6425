package com.refractoryatlas.subgraph;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionResult;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Document;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * graphql-java's {@link MaxQueryDepthInstrumentation}, which walks the whole operation on every execution, remembering
 * the operations that passed: {@link DocumentCache} hands out the same parsed {@link Document} for the same text, so
 * the gateway's few repeated operations are walked once each instead of once a request. Only an operation whose text
 * holds no {@code @skip} or {@code @include} is remembered, since those make the depth depend on the variables; any
 * other operation, and every one that is too deep, is walked each time as before. Documents are held weakly.
 */
final class DepthLimitInstrumentation extends MaxQueryDepthInstrumentation {

    private static final String NO_NAME = "";

    /** Per passed document, the operation of it that passed. */
    private final Cache<Document, String> passed =
            Caffeine.newBuilder().weakKeys().maximumSize(1000).build();

    DepthLimitInstrumentation(int maxDepth) {
        super(maxDepth);
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, @Nullable InstrumentationState state) {
        var context = parameters.getExecutionContext();
        var document = context.getDocument();
        var operation = Objects.requireNonNullElse(context.getExecutionInput().getOperationName(), NO_NAME);
        if (operation.equals(passed.getIfPresent(document))) {
            return SimpleInstrumentationContext.noOp();
        }
        var checked = super.beginExecuteOperation(parameters, state);
        var query = context.getExecutionInput().getQuery();
        if (!query.contains("@skip") && !query.contains("@include")) {
            passed.put(document, operation);
        }
        return checked;
    }

    /** How many documents are remembered (tests). */
    long remembered() {
        passed.cleanUp();
        return passed.estimatedSize();
    }
}
