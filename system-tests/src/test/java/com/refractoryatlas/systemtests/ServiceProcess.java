package com.refractoryatlas.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One JVM (or mongod) process of the system under test. It can be stopped gracefully, killed like a crash
 * ({@code kill -9}) and started again on the same port, which is what the fault tests need; its output is appended
 * to one log file per process so that a failing test can be diagnosed after the run.
 */
final class ServiceProcess {

    private static final Duration GRACE = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final int port;
    private final Path log;
    private final @Nullable String readinessPath;
    private @Nullable Process process;

    ServiceProcess(
            String name,
            List<String> command,
            Map<String, String> environment,
            int port,
            Path log,
            @Nullable String readinessPath) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.port = port;
        this.log = log;
        this.readinessPath = readinessPath;
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    synchronized void start() {
        if (alive()) {
            throw new IllegalStateException(name + " is already running");
        }
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(
                    log,
                    "%n==== %s starting %s on port %d%n".formatted(Instant.now(), name, port),
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            var builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name + ": " + command, e);
        }
    }

    synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    synchronized int exitCode() {
        return process == null || process.isAlive() ? -1 : process.exitValue();
    }

    synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** Waits until the readiness probe answers 200 (or, without one, until the port accepts connections). */
    void awaitReady(Duration timeout) {
        var deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!alive()) {
                throw new IllegalStateException(
                        name + " exited while starting (exit code " + exitCode() + "); see " + log + "\n" + tail());
            }
            if (ready()) {
                return;
            }
            sleep(POLL);
        }
        throw new IllegalStateException(name + " not ready after " + timeout + "; see " + log + "\n" + tail());
    }

    boolean ready() {
        if (readinessPath == null) {
            return Ports.accepting(port);
        }
        try {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + readinessPath))
                    .timeout(Duration.ofSeconds(2))
                    .GET()
                    .build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Like a crash: SIGKILL, no shutdown hooks, no graceful shutdown. */
    synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        waitFor(process, GRACE);
    }

    /** SIGTERM, then SIGKILL after a grace period. */
    synchronized void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!waitFor(process, GRACE)) {
            process.destroyForcibly();
            waitFor(process, GRACE);
        }
    }

    String tail() {
        try {
            var lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
