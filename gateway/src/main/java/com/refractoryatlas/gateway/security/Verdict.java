package com.refractoryatlas.gateway.security;

import com.refractoryatlas.gateway.edge.EdgeErrors;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What {@link OperationGuard} decided about one operation: run it, or turn it away with typed errors. */
public sealed interface Verdict {

    /**
     * The operation may run.
     *
     * @param estimatedCost its demand-control estimate ({@link OperationCost}), what the rate limit charges
     * @param document the parsed document, to weigh the actual cost of its answer
     */
    record Allowed(OperationDefinition.Operation kind, long estimatedCost, Document document) implements Verdict {}

    /** The operation must not run; {@code problems} say why, each with an {@code extensions.code}. */
    record Rejected(Reason reason, List<Problem> problems) implements Verdict {

        public Rejected {
            problems = List.copyOf(problems);
        }

        static Rejected of(Reason reason, String code, String message) {
            return new Rejected(reason, List.of(new Problem(message, code, List.of())));
        }

        /** The problems as GraphQL errors, each with its code, the request id and, where it has one, its place. */
        public List<Map<String, Object>> errors(String requestId) {
            var errors = new ArrayList<Map<String, Object>>(problems.size());
            for (var problem : problems) {
                var error = EdgeErrors.error(problem.message(), problem.code(), requestId);
                if (!problem.locations().isEmpty()) {
                    error.put("locations", problem.locations());
                }
                errors.add(error);
            }
            return errors;
        }
    }

    /** Why an operation was turned away, which decides the HTTP status where the transport cares. */
    enum Reason {
        /** The document does not parse, validate or stay within the limits. */
        INVALID_REQUEST,
        /** A write without a valid token. */
        UNAUTHENTICATED,
        /** A write the user's roles do not allow, or an internal mutation. */
        FORBIDDEN,
        /** A mutation sent with GET. */
        METHOD_NOT_ALLOWED
    }

    /**
     * One typed error.
     *
     * @param locations {@code line}/{@code column} pairs in the document, when the problem has a place
     */
    record Problem(String message, String code, List<Map<String, Integer>> locations) {

        public Problem {
            locations = List.copyOf(locations);
        }

        static Problem at(String message, String code, graphql.language.@Nullable SourceLocation location) {
            return new Problem(
                    message,
                    code,
                    location == null
                            ? List.of()
                            : List.of(Map.of("line", location.getLine(), "column", location.getColumn())));
        }
    }
}
