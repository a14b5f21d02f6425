package com.refractoryatlas.gateway.subscription;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Counts the subscriptions this instance serves, per user and in all. The per-connection share is counted by the
 * connection itself ({@link Subscriptions}).
 */
final class SubscriptionBudget {

    private final int maxPerProcess;
    private final int maxPerUser;
    private final AtomicInteger inProcess = new AtomicInteger();
    private final Map<String, Integer> perUser = new ConcurrentHashMap<>();

    SubscriptionBudget(int maxPerProcess, int maxPerUser) {
        this.maxPerProcess = maxPerProcess;
        this.maxPerUser = maxPerUser;
    }

    /** Takes a slot for the user; the refusal's reason when none is free (then nothing is taken). */
    @Nullable
    String acquire(String user) {
        if (inProcess.incrementAndGet() > maxPerProcess) {
            inProcess.decrementAndGet();
            return "The gateway serves " + maxPerProcess + " subscriptions already; try again later";
        }
        var refused = new boolean[1];
        perUser.compute(user, (key, held) -> {
            int count = held == null ? 0 : held;
            refused[0] = count >= maxPerUser;
            return refused[0] ? held : count + 1;
        });
        if (refused[0]) {
            inProcess.decrementAndGet();
            return "You hold " + maxPerUser + " subscriptions already, the most one user may; end one first";
        }
        return null;
    }

    void release(String user) {
        perUser.computeIfPresent(user, (key, held) -> held <= 1 ? null : held - 1);
        inProcess.decrementAndGet();
    }

    int active() {
        return inProcess.get();
    }
}
