package com.refractoryatlas.subgraph;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An error meant for the client: its message is safe to show and its code is stable. Anything else thrown from a
 * data fetcher is masked as {@link ErrorCode#INTERNAL_SERVER_ERROR}.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final @Nullable String field;

    public ApiException(ErrorCode code, String message, @Nullable String field) {
        super(message);
        this.code = code;
        this.field = field;
    }

    public static ApiException badUserInput(String field, String message) {
        return new ApiException(ErrorCode.BAD_USER_INPUT, field + ": " + message, field);
    }

    public static ApiException notFound(String what) {
        return new ApiException(ErrorCode.NOT_FOUND, what + " not found", null);
    }

    public ErrorCode code() {
        return code;
    }

    public @Nullable String field() {
        return field;
    }

    /** The {@code extensions} of the GraphQL error this exception becomes. */
    public Map<String, Object> extensions() {
        return field == null ? Map.of("code", code.name()) : Map.of("code", code.name(), "field", field);
    }
}
