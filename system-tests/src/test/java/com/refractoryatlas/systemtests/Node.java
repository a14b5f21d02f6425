package com.refractoryatlas.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Apollo's reference tooling (composition, gateway, graphql-http audit) from
 * {@code src/test/node/package.json} and its committed lock file, installed with {@code npm ci} into
 * {@code target/node} once per build. Tests that need it are skipped, with the reason, when node or npm is absent or
 * the install fails (no registry).
 */
final class Node {

    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static final List<String> FILES = List.of(
            "package.json",
            "package-lock.json",
            "compose.mjs",
            "apollo-gateway.mjs",
            "audit.mjs",
            "guild-subgraphs.mjs",
            "interface-object-subgraphs.mjs",
            "introspection.mjs",
            "subscriptions.mjs");
    /** Hive Gateway and its Rust planner: large, so installed only for the benchmark that compares with them. */
    private static final List<String> GATEWAY_FILES =
            List.of("package.json", "package-lock.json", "gateway.config.mjs");

    private static volatile Node installed;
    private static volatile Node installedGateways;

    private final Path dir;

    private Node(Path dir) {
        this.dir = dir;
    }

    /** The installed tooling, or the calling test is skipped with the reason. */
    static synchronized Node require() {
        if (installed == null) {
            var source = Path.of(System.getProperty("atlas.system.nodeDir", "src/test/node"));
            installed = install(source, "node", FILES);
        }
        return installed;
    }

    /**
     * The reference gateways of the federation benchmark ({@code src/test/node-gateways}: {@code @graphql-hive/gateway}
     * and {@code @graphql-hive/router-runtime}), or the calling test is skipped with the reason.
     */
    static synchronized Node requireGateways() {
        if (installedGateways == null) {
            var tooling = Path.of(System.getProperty("atlas.system.nodeDir", "src/test/node"));
            var source = tooling.toAbsolutePath().getParent().resolve("node-gateways");
            installedGateways = install(source, "node-gateways", GATEWAY_FILES);
        }
        return installedGateways;
    }

    private static Node install(Path source, String name, List<String> files) {
        var target =
                Path.of(System.getProperty("atlas.system.workDir", "target")).resolve(name);
        Assumptions.assumeTrue(
                runs("node", "--version") && runs("npm", "--version"),
                "Skipped: node and npm are needed on the PATH for Apollo's reference tooling (src/test/node)");
        try {
            Files.createDirectories(target);
            boolean changed = false;
            for (var file : files) {
                var from = source.resolve(file);
                var to = target.resolve(file);
                if (!Files.exists(to) || Files.mismatch(from, to) != -1) {
                    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
                    changed |= file.startsWith("package");
                }
            }
            if (changed || !Files.isDirectory(target.resolve("node_modules"))) {
                var result = exec(
                        target,
                        INSTALL_TIMEOUT,
                        "npm",
                        "ci",
                        "--no-audit",
                        "--no-fund",
                        "--ignore-scripts",
                        "--prefix",
                        target.toString());
                Assumptions.assumeTrue(
                        result.exitCode() == 0,
                        () -> "Skipped: npm ci of " + source + " failed (no npm registry?):\n" + result.output());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Node(target);
    }

    Path dir() {
        return dir;
    }

    /** Runs one of our scripts to completion. */
    Result run(Duration timeout, String script, String... args) {
        var command = new ArrayList<String>(List.of("node", dir.resolve(script).toString()));
        command.addAll(List.of(args));
        return exec(dir, timeout, command.toArray(String[]::new));
    }

    /** Starts one of our scripts as a long-running process (e.g. Apollo's gateway), its output in {@code log}. */
    Process start(Path log, String script, String... args) {
        return start(log, Map.of(), script, args);
    }

    /** Like {@link #start(Path, String, String...)} with extra environment variables (e.g. a credential). */
    Process start(Path log, Map<String, String> environment, String script, String... args) {
        var command = new ArrayList<String>(List.of("node", dir.resolve(script).toString()));
        command.addAll(List.of(args));
        try {
            Files.createDirectories(log.getParent());
            var builder = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a program installed in {@code node_modules/.bin} (e.g. Hive Gateway's CLI), its output in {@code log}. */
    Process startBin(Path log, Map<String, String> environment, String program, String... args) {
        var command = new ArrayList<String>(List.of(
                dir.resolve("node_modules").resolve(".bin").resolve(program).toString()));
        command.addAll(List.of(args));
        try {
            Files.createDirectories(log.getParent());
            var builder = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A finished command: its exit code and combined output. */
    record Result(int exitCode, String output) {}

    static Result exec(Path dir, Duration timeout, String... command) {
        return exec(dir, timeout, Map.of(), command);
    }

    /** Runs a command to completion with extra environment variables. */
    static Result exec(Path dir, Duration timeout, Map<String, String> environment, String... command) {
        try {
            var output = Files.createTempFile("atlas-node", ".log");
            try {
                var builder = new ProcessBuilder(command)
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile());
                builder.environment().putAll(environment);
                var process = builder.start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    return new Result(-1, "timed out after " + timeout + ": " + Files.readString(output));
                }
                return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            return new Result(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    private static boolean runs(String... command) {
        return exec(Path.of("."), Duration.ofSeconds(30), command).exitCode() == 0;
    }
}
