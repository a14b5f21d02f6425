package com.refractoryatlas.mongo;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the commands the driver sends, by name. Tests use it to prove that a request costs a constant number of
 * queries (no N+1), whatever the size of the lists it returns.
 */
public final class MongoCommandCounter implements CommandListener {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        counts.computeIfAbsent(event.getCommandName(), name -> new LongAdder()).increment();
    }

    /** Commands sent since the last reset, excluding the driver's own handshakes and heartbeats. */
    public long total() {
        return counts.entrySet().stream()
                .filter(entry -> !isHousekeeping(entry.getKey()))
                .mapToLong(entry -> entry.getValue().sum())
                .sum();
    }

    /** Commands of one name ({@code find}, {@code aggregate}, {@code update}, ...) since the last reset. */
    public long count(String commandName) {
        var adder = counts.get(commandName);
        return adder == null ? 0 : adder.sum();
    }

    public void reset() {
        counts.clear();
    }

    private static boolean isHousekeeping(String commandName) {
        return switch (commandName) {
            case "hello", "isMaster", "ismaster", "ping", "buildInfo", "buildinfo", "endSessions" -> true;
            default -> false;
        };
    }
}
