package com.refractoryatlas.importer.job;

import com.refractoryatlas.importer.ImportProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs due jobs, at most {@code concurrency} at a time. The queue is the {@code jobs} collection itself: at start the
 * jobs a previous run left running are queued again, then a dispatcher claims due jobs (woken by new submissions,
 * else every {@code poll-interval}) and hands each to a {@link JobRunner} on a virtual thread.
 */
@Component
class ImportWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);
    private static final long SHUTDOWN_WAIT_SECONDS = 10;

    private final ImportJobRepository repository;
    private final JobRunner runner;
    private final ImportProperties properties;
    private final Clock clock = Clock.systemUTC();
    private final LinkedBlockingQueue<Boolean> wakeUps = new LinkedBlockingQueue<>(1);
    private final Semaphore slots;

    private volatile boolean running;
    private @Nullable Thread dispatcher;
    private @Nullable ExecutorService executor;

    ImportWorker(ImportJobRepository repository, JobRunner runner, ImportProperties properties) {
        this.repository = repository;
        this.runner = runner;
        this.properties = properties;
        this.slots = new Semaphore(properties.concurrency());
    }

    /** Tells the dispatcher that a job may be waiting, so that it need not wait for the next poll. */
    void wake() {
        wakeUps.offer(Boolean.TRUE);
    }

    @Override
    public void start() {
        long requeued = repository.requeueInterrupted(now());
        if (requeued > 0) {
            log.info("Resuming {} import job(s) interrupted by the previous shutdown", requeued);
        }
        executor = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("import-job-", 0).factory());
        running = true;
        dispatcher = Thread.ofPlatform().name("import-dispatcher").daemon().start(this::dispatch);
    }

    @Override
    public void stop() {
        running = false;
        var thread = dispatcher;
        if (thread != null) {
            thread.interrupt();
        }
        var jobs = executor;
        if (jobs != null) {
            jobs.shutdownNow();
            try {
                if (!jobs.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    log.warn("Import jobs still running at shutdown; they resume at the next start");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void dispatch() {
        while (running) {
            try {
                slots.acquire();
                var job = claim();
                if (job == null) {
                    slots.release();
                    wakeUps.poll(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    continue;
                }
                runInSlot(job);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private @Nullable ImportJob claim() throws InterruptedException {
        try {
            return repository.claimNext(now());
        } catch (RuntimeException e) {
            log.warn("Cannot read the import queue: {}", e.getMessage());
            Thread.sleep(properties.pollInterval().toMillis());
            return null;
        }
    }

    private void runInSlot(ImportJob job) {
        var jobs = executor;
        if (jobs == null) {
            slots.release();
            return;
        }
        try {
            jobs.execute(() -> {
                try {
                    runner.run(job, () -> running);
                } finally {
                    slots.release();
                    wake();
                }
            });
        } catch (RejectedExecutionException stopping) {
            slots.release();
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
