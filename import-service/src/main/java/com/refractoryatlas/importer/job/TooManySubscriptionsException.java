package com.refractoryatlas.importer.job;

import com.refractoryatlas.subgraph.ApiException;
import com.refractoryatlas.subgraph.ErrorCode;
import java.util.Map;

/** A subscription over this instance's budget: the user's share, or the whole instance's, is in use. */
final class TooManySubscriptionsException extends ApiException {

    static final String CODE = "TOO_MANY_SUBSCRIPTIONS";

    private final String limit;
    private final int max;

    private TooManySubscriptionsException(String message, String limit, int max) {
        super(ErrorCode.UNAVAILABLE, message, null);
        this.limit = limit;
        this.max = max;
    }

    static TooManySubscriptionsException perUser(int max) {
        return new TooManySubscriptionsException(
                "You follow " + max + " import jobs already, the most one user may; end one first", "user", max);
    }

    static TooManySubscriptionsException perProcess(int max) {
        return new TooManySubscriptionsException(
                "The import service follows " + max + " import jobs already; try again later", "process", max);
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("code", CODE, "limit", limit, "max", max);
    }
}
