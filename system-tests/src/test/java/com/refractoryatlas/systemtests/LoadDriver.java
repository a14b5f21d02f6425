package com.refractoryatlas.systemtests;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Closed-loop load: a fixed number of clients (virtual threads), each sending its next request as soon as the last
 * one answered, recording every outcome. Used for steady load under faults and for the mixed-workload load test.
 */
final class LoadDriver implements AutoCloseable {

    /** One request's outcome; {@code sequence} is the number the request function was called with. */
    record Sample(long sequence, Instant at, long nanos, int status, boolean hasErrors, String body) {}

    private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong sequence = new AtomicLong();
    private final java.util.concurrent.ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
    private final boolean keepBodies;

    /** Starts {@code concurrency} clients; each request is {@code request.apply(sequenceNumber)}. */
    LoadDriver(int concurrency, boolean keepBodies, Function<Long, GraphQl.Response> request) {
        this.keepBodies = keepBodies;
        for (int i = 0; i < concurrency; i++) {
            clients.submit(() -> loop(request));
        }
    }

    private void loop(Function<Long, GraphQl.Response> request) {
        while (running.get()) {
            var start = System.nanoTime();
            var at = Instant.now();
            long number = sequence.getAndIncrement();
            try {
                var response = request.apply(number);
                samples.add(new Sample(
                        number,
                        at,
                        System.nanoTime() - start,
                        response.status(),
                        !response.errors().isMissingNode() && !response.errors().isEmpty(),
                        keepBodies ? response.body() : ""));
            } catch (RuntimeException e) {
                samples.add(new Sample(number, at, System.nanoTime() - start, -1, true, String.valueOf(e)));
            }
        }
    }

    List<Sample> samples() {
        return new ArrayList<>(samples);
    }

    List<Sample> samplesBetween(Instant from, Instant to) {
        return samples.stream()
                .filter(s -> !s.at().isBefore(from) && s.at().isBefore(to))
                .toList();
    }

    void clear() {
        samples.clear();
    }

    @Override
    public void close() {
        running.set(false);
        clients.shutdown();
        try {
            if (!clients.awaitTermination(
                    Duration.ofSeconds(60).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                clients.shutdownNow();
            }
        } catch (InterruptedException e) {
            clients.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Latency percentile in milliseconds over the samples. */
    static double percentileMillis(List<Sample> samples, double percentile) {
        if (samples.isEmpty()) {
            return Double.NaN;
        }
        var nanos = samples.stream().mapToLong(Sample::nanos).toArray();
        Arrays.sort(nanos);
        int index = (int) Math.ceil(percentile / 100.0 * nanos.length) - 1;
        return nanos[Math.max(0, Math.min(index, nanos.length - 1))] / 1_000_000.0;
    }
}
