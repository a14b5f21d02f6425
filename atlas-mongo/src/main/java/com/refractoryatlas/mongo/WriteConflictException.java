package com.refractoryatlas.mongo;

/**
 * Another writer changed (or created, or claimed) a document between this writer's read and its write, so the write
 * did not happen. The caller re-reads and merges again; a conflict never leaves a half-merged document behind.
 */
public class WriteConflictException extends RuntimeException {

    public WriteConflictException(String message) {
        super(message);
    }

    public WriteConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
