package com.refractoryatlas.importer.job;

import com.refractoryatlas.subgraph.ApiException;
import com.refractoryatlas.subgraph.ErrorCode;
import java.util.Map;

/**
 * A document refused before anything of it is stored, with a code the client can act on and, for a limit, the
 * limit's name and value in {@code extensions}.
 */
final class SubmissionRefusedException extends ApiException {

    private final Map<String, Object> extensions;

    private SubmissionRefusedException(String message, Map<String, Object> extensions) {
        super(ErrorCode.BAD_USER_INPUT, message, null);
        this.extensions = Map.copyOf(extensions);
    }

    /** The document has more bytes than the limit. */
    static SubmissionRefusedException tooLarge(long bytes, long limit) {
        return new SubmissionRefusedException(
                "The document has " + bytes + " bytes; at most " + limit + " bytes are accepted (limit: document size)",
                Map.of("code", ImportError.TOO_LARGE, "limit", "documentBytes", "max", limit));
    }

    @Override
    public Map<String, Object> extensions() {
        return extensions;
    }
}
