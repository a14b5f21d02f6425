package com.refractoryatlas.importer.job;

import com.refractoryatlas.importer.ImportProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs due jobs, at most {@code concurrency} at a time in this instance and {@code per-importer.concurrency} per
 * importer over all instances. The queue is the {@code jobs} collection itself: a dispatcher claims due jobs with a
 * lease (woken by new submissions, else every {@code poll-interval}) and hands each to a {@link JobRunner} on a
 * bounded pool of platform threads, so that parsing, which is CPU-bound, never occupies the carrier threads of the
 * virtual threads that serve HTTP requests. A heartbeat renews the leases of the jobs running here; a job whose
 * instance died is claimed again by any instance once its lease has expired.
 *
 * <p>The job threads run at the lowest priority, so that on a busy machine the CPU goes to answering requests first
 * and to parsing with what is left: two hostile documents kept both cores of a small node busy and the API's p99
 * grew tenfold. Java priorities reach the operating system only with the JVM flags
 * {@code -XX:ThreadPriorityPolicy=1 -XX:JavaPriority1_To_OSPriority=19} on Linux, with
 * {@code -XX:CompilerThreadPriority=0} so that the JIT, which HotSpot would otherwise raise above normal where it may
 * (as root), competes with requests as an equal (the launchers set them: {@code ./atlas}, the image's JVM flags, the
 * system tests); HotSpot then sets each job thread's nice value to 19. Raising one's own nice value needs no privilege, so it works as a non-root container user
 * too (HotSpot's start-up warning about permissions concerns priorities above normal, which nothing here asks for).
 */
@Component
class ImportWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);
    private static final long SHUTDOWN_WAIT_SECONDS = 10;
    private static final int RENEWALS_PER_LEASE = 3;

    private final ImportJobRepository repository;
    private final JobRunner runner;
    private final ImportProperties properties;
    private final Clock clock = Clock.systemUTC();
    private final LinkedBlockingQueue<Boolean> wakeUps = new LinkedBlockingQueue<>(1);
    private final Semaphore slots;
    private final String id = "import-worker-" + UUID.randomUUID();
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    private volatile boolean active;
    private @Nullable Thread dispatcher;
    private @Nullable ExecutorService executor;
    private @Nullable ScheduledExecutorService heartbeat;

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
        executor = Executors.newFixedThreadPool(
                properties.concurrency(),
                Thread.ofPlatform()
                        .name("import-job-", 0)
                        .daemon()
                        .priority(Thread.MIN_PRIORITY)
                        .factory());
        var beat = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("import-lease").daemon().factory());
        long period = Math.max(1, properties.lease().duration().toMillis() / RENEWALS_PER_LEASE);
        beat.scheduleWithFixedDelay(this::renewLeases, period, period, TimeUnit.MILLISECONDS);
        heartbeat = beat;
        active = true;
        dispatcher = Thread.ofPlatform().name("import-dispatcher").daemon().start(this::dispatch);
        log.info("Import worker {} started ({} at a time)", id, properties.concurrency());
    }

    @Override
    public void stop() {
        active = false;
        var thread = dispatcher;
        if (thread != null) {
            thread.interrupt();
        }
        var jobs = executor;
        if (jobs != null) {
            jobs.shutdownNow();
            try {
                if (!jobs.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    log.warn("Import jobs still running at shutdown; their leases will expire and others take them");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        var beat = heartbeat;
        if (beat != null) {
            beat.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return active;
    }

    private void dispatch() {
        while (active) {
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
            var now = now();
            var job = repository.claimNext(now, id, now.plus(properties.lease().duration()), busyImporters(now));
            if (job != null && overShare(job, now)) {
                repository.saveLeased(job.handedBack(now), id);
                return null;
            }
            return job;
        } catch (RuntimeException e) {
            log.warn("Cannot read the import queue: {}", e.getMessage());
            Thread.sleep(properties.pollInterval().toMillis());
            return null;
        }
    }

    /** The importers running as many jobs as they may, whose queued jobs wait for now. */
    private Set<String> busyImporters(Instant now) {
        int share = properties.perImporter().concurrency();
        return repository.runningBySubmitter(now).entrySet().stream()
                .filter(entry -> entry.getValue() >= share)
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    /** Another instance claimed a job of the same importer at the same moment: this claim is given back. */
    private boolean overShare(ImportJob job, Instant now) {
        var submitter = job.submittedBy();
        if (submitter == null) {
            return false;
        }
        long runningNow = repository.runningBySubmitter(now).getOrDefault(submitter, 0L);
        return runningNow > properties.perImporter().concurrency();
    }

    private void runInSlot(ImportJob job) {
        var jobs = executor;
        if (jobs == null) {
            slots.release();
            return;
        }
        running.add(job.id());
        try {
            jobs.execute(() -> {
                try {
                    runner.run(job, new JobRunner.Worker(id, () -> active));
                } finally {
                    running.remove(job.id());
                    slots.release();
                    wake();
                }
            });
        } catch (RejectedExecutionException stopping) {
            running.remove(job.id());
            slots.release();
        }
    }

    private void renewLeases() {
        var until = now().plus(properties.lease().duration());
        for (var jobId : running) {
            try {
                if (!repository.renewLease(jobId, id, until)) {
                    log.debug("Import job {} is no longer leased to {}", jobId, id);
                }
            } catch (RuntimeException e) {
                log.warn("Cannot renew the lease on import job {}: {}", jobId, e.getMessage());
            }
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
