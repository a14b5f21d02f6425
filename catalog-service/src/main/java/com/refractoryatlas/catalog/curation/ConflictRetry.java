package com.refractoryatlas.catalog.curation;

import com.refractoryatlas.catalog.CatalogProperties;
import com.refractoryatlas.mongo.WriteConflictException;
import com.refractoryatlas.subgraph.ApiException;
import com.refractoryatlas.subgraph.ErrorCode;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs a write again when it lost a race to another writer, on this replica or another: every write reads what it
 * touches, merges, and stores each document only if it is still at the version it read ({@code VersionedWrites}),
 * so a lost race changes nothing of what the other writer stored, and the next attempt merges with it. The writes
 * are idempotent, so what a failed attempt already stored is merged again unchanged. Attempts are bounded (the
 * request's budget); the pause between them grows and is randomized so that colliding writers drift apart.
 */
@Component
class ConflictRetry {

    private static final Logger log = LoggerFactory.getLogger(ConflictRetry.class);

    private final int attempts;
    private final Duration maxPause;

    ConflictRetry(CatalogProperties properties) {
        this.attempts = properties.writes().attempts();
        this.maxPause = properties.writes().maxPause();
    }

    <T> T run(Supplier<T> write) {
        for (int attempt = 1; attempt < attempts; attempt++) {
            try {
                return write.get();
            } catch (WriteConflictException conflict) {
                log.debug("Write conflict on attempt {}: {}", attempt, conflict.getMessage());
                pause(attempt);
            }
        }
        try {
            return write.get();
        } catch (WriteConflictException conflict) {
            log.warn("Write still conflicting after {} attempts: {}", attempts, conflict.getMessage());
            throw new ApiException(
                    ErrorCode.CONFLICT,
                    "Other writers kept changing the same documents; nothing of this write was lost, send it again",
                    null);
        }
    }

    private void pause(int attempt) {
        long ceiling = Math.min(maxPause.toMillis(), 1L << Math.min(attempt, 20));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(ErrorCode.UNAVAILABLE, "The write was interrupted", null);
        }
    }
}
