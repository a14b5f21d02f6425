package com.refractoryatlas.gateway.security;

import com.refractoryatlas.gateway.edge.EdgeProperties;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.language.Document;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The estimated number of objects an operation fetches: every object-typed field counts the product of the list
 * sizes above it and its own. A paginated field counts its {@code first} (the configured default when absent), the
 * list directly under a paginated field (a connection's {@code edges}) counts once, any other list counts the
 * configured estimate. Also reports the largest {@code first} asked for.
 */
record OperationCost(long cost, long largestFirst) {

    static final String FIRST = "first";

    static OperationCost of(
            GraphQLSchema schema,
            Document document,
            @Nullable String operationName,
            Map<String, Object> variables,
            EdgeProperties.Limits limits) {
        var visitor = new Visitor(limits);
        QueryTraverser.newQueryTraverser()
                .schema(schema)
                .document(document)
                .operationName(operationName)
                .variables(variables)
                .build()
                .visitPreOrder(visitor);
        return new OperationCost(visitor.cost, visitor.largestFirst);
    }

    private static final class Visitor extends QueryVisitorStub {
        private final EdgeProperties.Limits limits;
        private long cost;
        private long largestFirst;

        Visitor(EdgeProperties.Limits limits) {
            this.limits = limits;
        }

        @Override
        public void visitField(QueryVisitorFieldEnvironment env) {
            if (env.isTypeNameIntrospectionField()
                    || env.getFieldDefinition().getName().startsWith("__")
                    || env.getFieldsContainer().getName().startsWith("__")) {
                return;
            }
            if (env.getFieldDefinition().getArgument(FIRST) != null) {
                largestFirst = Math.max(largestFirst, first(env));
            }
            if (GraphQLTypeUtil.isLeaf(
                    GraphQLTypeUtil.unwrapAll(env.getFieldDefinition().getType()))) {
                return;
            }
            cost = DocumentShape.saturatedAdd(cost, multiplicity(env));
        }

        private long multiplicity(@Nullable QueryVisitorFieldEnvironment env) {
            long product = 1;
            for (var current = env; current != null; current = current.getParentEnvironment()) {
                product = saturatedMultiply(product, factor(current));
            }
            return product;
        }

        private long factor(QueryVisitorFieldEnvironment env) {
            GraphQLFieldDefinition definition = env.getFieldDefinition();
            if (definition.getArgument(FIRST) != null) {
                return Math.max(0, first(env));
            }
            if (!(GraphQLTypeUtil.unwrapNonNull(definition.getType()) instanceof GraphQLList)) {
                return 1;
            }
            var parent = env.getParentEnvironment();
            boolean underPaginatedField =
                    parent != null && parent.getFieldDefinition().getArgument(FIRST) != null;
            return underPaginatedField ? 1 : limits.unpaginatedListSize();
        }

        private long first(QueryVisitorFieldEnvironment env) {
            return env.getArguments().get(FIRST) instanceof Number number ? number.longValue() : limits.defaultFirst();
        }

        private static long saturatedMultiply(long a, long b) {
            long high = Math.multiplyHigh(a, b);
            long product = a * b;
            return high != 0 || product < 0 ? Long.MAX_VALUE : product;
        }
    }
}
