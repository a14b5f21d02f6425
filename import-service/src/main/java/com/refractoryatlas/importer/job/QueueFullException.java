package com.refractoryatlas.importer.job;

import com.refractoryatlas.subgraph.ApiException;
import com.refractoryatlas.subgraph.ErrorCode;
import java.util.Map;

/** The import queue holds as many unfinished jobs as it may: the client should try again later. */
final class QueueFullException extends ApiException {

    static final String CODE = "QUEUE_FULL";

    QueueFullException(int capacity) {
        super(
                ErrorCode.UNAVAILABLE,
                "The import queue is full (" + capacity + " unfinished jobs); try again when some have finished",
                null);
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("code", CODE);
    }
}
