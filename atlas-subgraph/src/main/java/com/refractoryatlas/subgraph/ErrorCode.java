package com.refractoryatlas.subgraph;

import org.springframework.graphql.execution.ErrorType;

/** The machine-readable {@code extensions.code} values clients can rely on. */
public enum ErrorCode {
    BAD_USER_INPUT(ErrorType.BAD_REQUEST),
    NOT_FOUND(ErrorType.NOT_FOUND),
    UNAUTHENTICATED(ErrorType.UNAUTHORIZED),
    FORBIDDEN(ErrorType.FORBIDDEN),
    CONFLICT(ErrorType.BAD_REQUEST),
    UNAVAILABLE(ErrorType.INTERNAL_ERROR),
    INTERNAL_SERVER_ERROR(ErrorType.INTERNAL_ERROR);

    private final ErrorType classification;

    ErrorCode(ErrorType classification) {
        this.classification = classification;
    }

    public ErrorType classification() {
        return classification;
    }
}
