package com.refractoryatlas.importer.job;

import com.refractoryatlas.importer.ImportProperties;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Holds parsing to a budget in proportion to the document's size: wall time, and the bytes the parsing thread
 * allocates (the JVM's per-thread allocation counter, a measure of the work done and of the garbage it makes). One
 * watchdog thread checks every running parse; past its budget the parse is interrupted and {@code onExceeded} runs at
 * once (it fails the job), whether or not the parser ever looks at the interruption. Java cannot stop a thread, so a
 * parser that ignores the interruption keeps its worker until it returns; its result is then thrown away.
 */
@Component
class ParseBudget implements DisposableBean {

    static final Duration TICK = Duration.ofMillis(100);
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ParseBudget.class);

    private final ImportProperties.Budget budget;
    private final com.sun.management.@Nullable ThreadMXBean threads;
    private final Map<Thread, Watch> watches = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("import-budget").daemon().factory());

    ParseBudget(ImportProperties properties) {
        this.budget = properties.budget();
        this.threads = allocationCounter();
        watchdog.scheduleWithFixedDelay(this::check, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static com.sun.management.@Nullable ThreadMXBean allocationCounter() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean counter
                && counter.isThreadAllocatedMemorySupported()) {
            counter.setThreadAllocatedMemoryEnabled(true);
            return counter;
        }
        return null;
    }

    /** Past the budget of a document of this size; the message names the budget, never the document. */
    static final class ExceededException extends RuntimeException {
        ExceededException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Runs {@code work} on this thread within the budget for {@code bytes}.
     *
     * @throws ExceededException when the budget ran out (then {@code onExceeded} has run already)
     */
    <T> T run(long bytes, Supplier<T> work, java.util.function.Consumer<String> onExceeded) {
        var thread = Thread.currentThread();
        var watch = new Watch(
                thread,
                System.nanoTime() + budget.timeFor(bytes).toNanos(),
                allocated(thread) + budget.allocationFor(bytes),
                budget.timeFor(bytes),
                budget.allocationFor(bytes),
                onExceeded);
        watches.put(thread, watch);
        try {
            T result = work.get();
            if (watch.exceeded != null) {
                throw new ExceededException(watch.exceeded);
            }
            return result;
        } catch (RuntimeException e) {
            if (watch.exceeded != null) {
                throw new ExceededException(watch.exceeded);
            }
            throw e;
        } finally {
            watches.remove(thread);
            if (watch.exceeded != null) {
                Thread.interrupted();
            }
        }
    }

    /** Never throws: an exception would cancel the watchdog's schedule for good. */
    private void check() {
        try {
            checkAll();
        } catch (RuntimeException e) {
            log.warn("Import budget check failed: {}", e.toString());
        }
    }

    private void checkAll() {
        long now = System.nanoTime();
        for (var watch : watches.values()) {
            if (watch.exceeded != null) {
                continue;
            }
            var reason = watch.reason(now, allocated(watch.thread));
            if (reason != null) {
                watch.exceed(reason);
            }
        }
    }

    private long allocated(Thread thread) {
        var counter = threads;
        return counter == null ? 0 : counter.getThreadAllocatedBytes(thread.threadId());
    }

    @Override
    public void destroy() {
        watchdog.shutdownNow();
    }

    /** One running parse and its limits. */
    private final class Watch {
        final Thread thread;
        final long deadline;
        final long allocationLimit;
        final Duration time;
        final long allocation;
        final java.util.function.Consumer<String> onExceeded;
        volatile @Nullable String exceeded;

        Watch(
                Thread thread,
                long deadline,
                long allocationLimit,
                Duration time,
                long allocation,
                java.util.function.Consumer<String> onExceeded) {
            this.thread = thread;
            this.deadline = deadline;
            this.allocationLimit = allocationLimit;
            this.time = time;
            this.allocation = allocation;
            this.onExceeded = onExceeded;
        }

        @Nullable
        String reason(long now, long allocatedNow) {
            if (threads != null && allocatedNow > allocationLimit) {
                return "Reading the document needed more than the " + allocation / (1024 * 1024)
                        + " MB of memory allowed for a document of its size (limit: parsing memory)";
            }
            if (now - deadline > 0) {
                return "Reading the document took longer than the " + time.toMillis()
                        + " ms allowed for a document of its size (limit: parsing time)";
            }
            return null;
        }

        void exceed(String reason) {
            exceeded = reason;
            thread.interrupt();
            onExceeded.accept(reason);
        }
    }
}
