package com.refractoryatlas.catalog.curation;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Runs the catalog's writes one at a time. Every write reads what it touches, merges in memory and replaces the
 * documents (the embedded server has no transactions), so two concurrent batches touching the same treatment would
 * otherwise lose one another's evidence. One lock per instance: with several replicas the importer's bounded
 * concurrency and idempotent retries keep the window small, see the module README.
 */
@Component
class SerializedWrites {

    private final ReentrantLock lock = new ReentrantLock(true);

    <T> T run(Supplier<T> write) {
        lock.lock();
        try {
            return write.get();
        } finally {
            lock.unlock();
        }
    }
}
