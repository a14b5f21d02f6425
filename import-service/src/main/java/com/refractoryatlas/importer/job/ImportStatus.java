package com.refractoryatlas.importer.job;

import java.util.Set;

/** Where an import job is: QUEUED → PARSING → WRITING → SUCCEEDED / FAILED, RETRYING while a service is down. */
public enum ImportStatus {
    QUEUED,
    PARSING,
    WRITING,
    RETRYING,
    SUCCEEDED,
    FAILED;

    /** The statuses of a job that still has work to do; they count against the queue capacity. */
    public static final Set<ImportStatus> UNFINISHED = Set.of(QUEUED, PARSING, WRITING, RETRYING);

    /** The statuses of a job a worker was running: after a restart such a job is queued again. */
    static final Set<ImportStatus> RUNNING = Set.of(PARSING, WRITING);

    public boolean finished() {
        return !UNFINISHED.contains(this);
    }
}
