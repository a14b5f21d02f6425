package com.refractoryatlas.importer.system;

import com.refractoryatlas.importer.ImportApplication;
import com.refractoryatlas.mongo.EmbeddedMongoServer;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real system for the acceptance tests and the benchmark, started once per test JVM and shared: one in-memory
 * MongoDB-wire server in this JVM (so that a service restarted by a test finds its data again), the catalog and
 * references services as separate processes from their built jars, and the import service as an application
 * context in this JVM that a test may close and create again on the same database.
 */
public final class RunningSystem {

    static final String TOKEN = "local-dev-service-token";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static @Nullable RunningSystem instance;

    private final EmbeddedMongoServer mongo;
    private final Map<String, Service> services = new LinkedHashMap<>();
    private @Nullable ConfigurableApplicationContext importService;
    private final List<String> importArguments = new ArrayList<>();

    /** A service run from its jar on a fixed port, so that a restart keeps its URL. */
    static final class Service {
        final String name;
        final Path jar;
        final int port;
        final List<String> arguments;

        @Nullable
        Process process;

        Service(String name, Path jar, int port, List<String> arguments) {
            this.name = name;
            this.jar = jar;
            this.port = port;
            this.arguments = arguments;
        }

        String url() {
            return "http://127.0.0.1:" + port + "/graphql";
        }
    }

    private RunningSystem() {
        this.mongo = EmbeddedMongoServer.inMemory();
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown));
    }

    /** The jars of the other services, when they have been built. */
    static Optional<String> missingJars() {
        for (var name : List.of("catalog-service", "references-service")) {
            if (jarOf(name) == null) {
                return Optional.of(name + "/target/" + name + "-*.jar is missing: build it first (./mvnw -pl " + name
                        + " -am package -DskipTests)");
            }
        }
        return Optional.empty();
    }

    /** The shared system, started at the first call. */
    public static synchronized RunningSystem get() {
        if (instance == null) {
            var system = new RunningSystem();
            try {
                system.startServices();
            } catch (RuntimeException e) {
                system.shutdown();
                throw e;
            }
            instance = system;
        }
        return instance;
    }

    private void startServices() {
        int catalogPort = freePort();
        int referencesPort = freePort();
        var catalogUrl = "http://127.0.0.1:" + catalogPort + "/graphql";
        var referencesUrl = "http://127.0.0.1:" + referencesPort + "/graphql";
        services.put(
                "catalog",
                new Service(
                        "catalog",
                        jarOrFail("catalog-service"),
                        catalogPort,
                        List.of("--atlas.mongo.database=catalog", "--REFERENCES_URL=" + referencesUrl)));
        services.put(
                "references",
                new Service(
                        "references",
                        jarOrFail("references-service"),
                        referencesPort,
                        List.of("--atlas.mongo.database=references", "--CATALOG_URL=" + catalogUrl)));
        services.values().forEach(this::launch);
        services.values().forEach(RunningSystem::awaitReady);
    }

    public String catalogUrl() {
        return services.get("catalog").url();
    }

    public String referencesUrl() {
        return services.get("references").url();
    }

    public String mongoUri() {
        return mongo.connectionString();
    }

    /** Stops a service (SIGTERM, then kill) and waits until it is gone. */
    public void stop(String name) {
        var service = services.get(name);
        var process = service.process;
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        service.process = null;
    }

    /** Starts a stopped service again on its port and waits for its readiness. */
    public void start(String name) {
        var service = services.get(name);
        if (service.process == null) {
            launch(service);
            awaitReady(service);
        }
    }

    /** The import service, started with {@code extra} arguments when none runs (an existing one is returned). */
    public synchronized ConfigurableApplicationContext importService(String... extra) {
        return importService(List.of(), extra);
    }

    /**
     * The import service with more configuration classes ({@code sources}, e.g. a test's fault injection), started
     * with {@code extra} arguments when none runs (an existing one is returned).
     */
    public synchronized ConfigurableApplicationContext importService(List<Class<?>> sources, String... extra) {
        if (importService == null || !importService.isActive()) {
            var arguments = new ArrayList<>(List.of(
                    "--server.port=0",
                    "--atlas.mongo.uri=" + mongo.connectionString(),
                    "--atlas.mongo.database=imports",
                    "--atlas.import.services.catalog-url=" + catalogUrl(),
                    "--atlas.import.services.references-url=" + referencesUrl(),
                    "--atlas.import.concurrency=2",
                    "--atlas.import.queue-capacity=2000",
                    "--atlas.import.limits.document-bytes=5MB",
                    "--atlas.import.retry.initial-backoff=200ms",
                    "--atlas.import.retry.max-backoff=1s"));
            arguments.addAll(List.of(extra));
            importArguments.clear();
            importArguments.addAll(arguments);
            var classes = new ArrayList<Class<?>>(List.of(ImportApplication.class));
            classes.addAll(sources);
            importService = new SpringApplicationBuilder(classes.toArray(Class<?>[]::new))
                    .run(arguments.toArray(String[]::new));
        }
        return importService;
    }

    /** Closes the import service's context, as a restart would, leaving its database as it is. */
    public synchronized void stopImportService() {
        if (importService != null) {
            importService.close();
            importService = null;
        }
    }

    /** Drops every database: the next test starts from an empty system. */
    public void wipe() {
        try (var client = com.mongodb.client.MongoClients.create(mongo.connectionString())) {
            for (var database : List.of("catalog", "references", "imports")) {
                client.getDatabase(database).drop();
            }
        }
    }

    private void launch(Service service) {
        var java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<>(List.of(
                java,
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xss512k",
                "-Xmx384m",
                "-jar",
                service.jar.toString(),
                "--server.port=" + service.port,
                "--atlas.mongo.uri=" + mongo.connectionString(),
                "--atlas.security.service-token=" + TOKEN));
        command.addAll(service.arguments);
        var log = Path.of("target", "system", service.name + ".log").toFile();
        try {
            Files.createDirectories(log.toPath().getParent());
            service.process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + service.name, e);
        }
    }

    private static void awaitReady(Service service) {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + service.port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            var process = service.process;
            if (process == null || !process.isAlive()) {
                throw new IllegalStateException(
                        service.name + " stopped while starting; see target/system/" + service.name + ".log");
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException(service.name + " not ready after " + READY_TIMEOUT);
    }

    /** Stops the import service, kills the service processes and stops the database. */
    public synchronized void shutdownNow() {
        shutdown();
    }

    private boolean stopped;

    private synchronized void shutdown() {
        if (stopped) {
            return;
        }
        stopped = true;
        stopImportService();
        for (var name : services.keySet()) {
            stop(name);
        }
        mongo.close();
    }

    private static Path jarOrFail(String module) {
        var jar = jarOf(module);
        if (jar == null) {
            throw new IllegalStateException(missingJars().orElse(module + " jar missing"));
        }
        return jar;
    }

    private static @Nullable Path jarOf(String module) {
        File[] jars = ROOT.resolve(module)
                .resolve("target")
                .toFile()
                .listFiles((dir, name) -> name.startsWith(module + "-")
                        && name.endsWith(".jar")
                        && !name.contains("plain")
                        && !name.contains("sources"));
        return jars == null || jars.length == 0 ? null : jars[0].toPath();
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
