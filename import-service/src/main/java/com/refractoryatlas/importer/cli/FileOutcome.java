package com.refractoryatlas.importer.cli;

import com.refractoryatlas.importer.cli.AtlasClient.Job;

/** What became of one file of an import: a closed set, one summary line each. */
sealed interface FileOutcome {

    /** The file's name as the job shows it. */
    String source();

    /** Whether this outcome makes the command exit non-zero. */
    boolean failed();

    /** Sent and followed: the job's status says how it ended (or that it has not yet). */
    record Submitted(String source, Job job) implements FileOutcome {
        @Override
        public boolean failed() {
            return "FAILED".equals(job.status());
        }
    }

    /** Not sent again: a job had already imported exactly these bytes. */
    record AlreadyImported(String source, Job job) implements FileOutcome {
        @Override
        public boolean failed() {
            return false;
        }
    }

    /** The service refused the file before making a job (too large, not readable, ...). */
    record Refused(String source, String code, String message) implements FileOutcome {
        @Override
        public boolean failed() {
            return true;
        }
    }

    /** Passed over without asking the service (not a document type the import reads, unreadable file). */
    record Skipped(String source, String reason) implements FileOutcome {
        @Override
        public boolean failed() {
            return false;
        }
    }
}
