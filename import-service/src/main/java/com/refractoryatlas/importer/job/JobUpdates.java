package com.refractoryatlas.importer.job;

import jakarta.annotation.PreDestroy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The changes of the import jobs someone follows, read from MongoDB: the worker running a job may be another
 * replica, so no event of this process could tell. One ticker reads every followed job in one query per poll
 * interval, whatever the number of followers; followers of the same job share one {@link Watch}, which remembers the
 * job's last visible state, so a change reaches each of them once and a new follower gets the latest state at once.
 * A watch ends (and is forgotten) when its job is finished or gone, or when its last follower leaves.
 */
@Component
class JobUpdates {

    private static final Logger log = LoggerFactory.getLogger(JobUpdates.class);

    private final ImportJobRepository repository;
    private final SubscriptionProperties settings;
    private final Map<String, Watch> watches = new ConcurrentHashMap<>();
    private final Map<String, Integer> perUser = new ConcurrentHashMap<>();
    private final AtomicInteger inProcess = new AtomicInteger();
    private final ScheduledExecutorService ticker;

    JobUpdates(ImportJobRepository repository, SubscriptionProperties settings) {
        this.repository = repository;
        this.settings = settings;
        this.ticker = Executors.newSingleThreadScheduledExecutor(
                Thread.ofVirtual().name("import-job-updates").factory());
        long interval = settings.pollInterval().toMillis();
        ticker.scheduleWithFixedDelay(this::tickQuietly, interval, interval, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        ticker.shutdownNow();
        watches.values().forEach(watch -> watch.sink.tryEmitComplete());
        watches.clear();
    }

    /**
     * The job's visible states from {@code current} on, ending after a finished state; at most the configured
     * lifetime. The caller has checked that the follower may see the job.
     *
     * @param user who follows it, for the per-user budget (null: the service itself)
     * @throws TooManySubscriptionsException when the user's or the process's budget is in use
     */
    Flux<ImportJob> follow(ImportJob current, @Nullable String user) {
        var key = user == null ? "" : user;
        acquire(key);
        try {
            var watch = join(current);
            return watch.sink.asFlux().take(settings.maxLifetime()).doFinally(signal -> {
                leave(watch);
                release(key);
            });
        } catch (RuntimeException e) {
            release(key);
            throw e;
        }
    }

    /** How many subscriptions this process serves now (tests, metrics). */
    int following() {
        return inProcess.get();
    }

    private void acquire(String user) {
        if (inProcess.incrementAndGet() > settings.maxPerProcess()) {
            inProcess.decrementAndGet();
            throw TooManySubscriptionsException.perProcess(settings.maxPerProcess());
        }
        var refused = new boolean[1];
        perUser.compute(user, (k, count) -> {
            int held = count == null ? 0 : count;
            if (held >= settings.maxPerUser()) {
                refused[0] = true;
                return count;
            }
            return held + 1;
        });
        if (refused[0]) {
            inProcess.decrementAndGet();
            throw TooManySubscriptionsException.perUser(settings.maxPerUser());
        }
    }

    private void release(String user) {
        perUser.computeIfPresent(user, (k, count) -> count <= 1 ? null : count - 1);
        inProcess.decrementAndGet();
    }

    private Watch join(ImportJob current) {
        return watches.compute(current.id(), (id, existing) -> {
            var watch = existing != null ? existing : new Watch(current);
            watch.followers++;
            return watch;
        });
    }

    private void leave(Watch watch) {
        watches.computeIfPresent(watch.id, (id, existing) -> {
            if (existing != watch) {
                return existing;
            }
            existing.followers--;
            return existing.followers > 0 ? existing : null;
        });
    }

    private void tickQuietly() {
        try {
            tick();
        } catch (RuntimeException e) {
            // MongoDB unreachable for a moment: the followers keep their last state and the next tick tries again
            log.warn("Reading the followed import jobs failed: {}", e.toString());
        }
    }

    /** Reads every followed job in one query and passes each change on. Runs on the ticker thread only. */
    void tick() {
        if (watches.isEmpty()) {
            return;
        }
        var ids = List.copyOf(watches.keySet());
        var found = new HashMap<String, ImportJob>();
        for (var job : repository.findAllById(ids)) {
            found.put(job.id(), job);
        }
        for (var id : ids) {
            var watch = watches.get(id);
            if (watch != null) {
                update(watch, found.get(id));
            }
        }
    }

    private void update(Watch watch, @Nullable ImportJob job) {
        if (job == null) {
            end(watch);
            return;
        }
        if (!sameState(job, watch.last)) {
            watch.last = job;
            watch.sink.tryEmitNext(job);
        }
        if (job.status().finished()) {
            end(watch);
        }
    }

    private void end(Watch watch) {
        watches.remove(watch.id, watch);
        watch.sink.tryEmitComplete();
    }

    /** The followers of one job. {@code followers} changes only inside the map's compute for the job's id. */
    private static final class Watch {
        final String id;
        final Sinks.Many<ImportJob> sink = Sinks.many().replay().latest();
        int followers;
        volatile ImportJob last;

        Watch(ImportJob current) {
            this.id = current.id();
            this.last = current;
            sink.tryEmitNext(last);
            if (current.status().finished()) {
                sink.tryEmitComplete();
            }
        }
    }

    /**
     * Whether a client sees the same job in both: a lease renewal, or another worker taking the job up, is no change,
     * and neither is {@code updatedAt} alone, which moves with every lease renewal.
     */
    static boolean sameState(ImportJob a, ImportJob b) {
        return a.status() == b.status()
                && a.progress() == b.progress()
                && a.counts().equals(b.counts())
                && a.matched().equals(b.matched())
                && a.errors().equals(b.errors())
                && a.warnings().equals(b.warnings())
                && Objects.equals(a.articleId(), b.articleId())
                && a.attempts() == b.attempts()
                && Objects.equals(a.nextAttemptAt(), b.nextAttemptAt())
                && Objects.equals(a.lastFailure(), b.lastFailure())
                && Objects.equals(a.finishedAt(), b.finishedAt());
    }
}
