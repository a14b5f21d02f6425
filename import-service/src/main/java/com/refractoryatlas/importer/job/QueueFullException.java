package com.refractoryatlas.importer.job;

import com.refractoryatlas.subgraph.ApiException;
import com.refractoryatlas.subgraph.ErrorCode;
import java.util.Map;

/** The import queue, or the importer's share of it, holds as many unfinished jobs as it may: try again later. */
final class QueueFullException extends ApiException {

    static final String CODE = "QUEUE_FULL";

    private final boolean perImporter;
    private final int capacity;

    QueueFullException(int capacity, boolean perImporter) {
        super(
                ErrorCode.UNAVAILABLE,
                perImporter
                        ? "You have " + capacity + " unfinished imports, the most one importer may have; try again"
                                + " when some have finished"
                        : "The import queue is full (" + capacity + " unfinished jobs); try again when some have"
                                + " finished",
                null);
        this.perImporter = perImporter;
        this.capacity = capacity;
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("code", CODE, "limit", perImporter ? "importerQueue" : "queue", "max", capacity);
    }
}
