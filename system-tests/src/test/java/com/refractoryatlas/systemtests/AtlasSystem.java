package com.refractoryatlas.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The whole system under test, started once per test run: one MongoDB server process (a real {@code mongod} when one
 * is on the PATH, else the embedded MongoDB-wire server, file-backed so that it can be restarted without losing data),
 * the three subgraphs and the gateway, each its own JVM on a free loopback port with a small heap. The gateway reaches
 * each subgraph through a {@link SubgraphProxy} so that tests can count, slow down and cut subgraph traffic.
 *
 * <p>Everything started is stopped by {@link #close()}, which the JUnit extension calls at the end of the run and a
 * JVM shutdown hook calls if the run is aborted.
 */
final class AtlasSystem implements AutoCloseable {

    static final String SERVICE_TOKEN = "system-test-service-token";
    static final String CATALOG = "catalog-service";
    static final String REFERENCES = "references-service";
    static final String IMPORT = "import-service";
    static final String GATEWAY = "gateway";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(Long.getLong("atlas.system.readySeconds", 480));
    private static final String READINESS = "/actuator/health/readiness";
    /** The import service's JVM flags that give its parsing threads the lowest OS priority (see ImportWorker). */
    static final List<String> IMPORT_PRIORITY_FLAGS =
            List.of("-XX:ThreadPriorityPolicy=1", "-XX:JavaPriority1_To_OSPriority=19", "-XX:CompilerThreadPriority=0");

    private static final String DEFAULT_JVM_OPTS = "-Xmx256m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1";
    /** The MongoDB-wire server's heap ({@code -Datlas.mongo.heap=16g} for the scale test's 10x sizes: 8g thrashed). */
    private static final String MONGO_HEAP = System.getProperty("atlas.mongo.heap", "256m");
    /**
     * {@code -Datlas.mongo.storage=memory}: the shared embedded server keeps its data in memory (mongo-java-server's
     * memory backend) instead of its H2 file, whose indexes compare keys by Java serialization; for benchmarks that
     * measure the services rather than the embedded server's storage. Restart tests need the file.
     */
    private static final boolean MONGO_IN_MEMORY =
            "memory".equalsIgnoreCase(System.getProperty("atlas.mongo.storage", "file"));
    /** The MongoDB-wire server's collector options ({@code -Datlas.mongo.gc="-XX:+UseG1GC -XX:MaxGCPauseMillis=20"}). */
    private static final String MONGO_GC = System.getProperty("atlas.mongo.gc", "-XX:+UseSerialGC");
    /** {@code -Datlas.system.heap.<service>=1g} gives one service JVM a bigger heap than the common options. */
    private static final String HEAP_PROPERTY = "atlas.system.heap.";
    /** {@code -Datlas.system.env.<service>=NAME=value,NAME=value} adds to (or overrides) one service's environment. */
    private static final String ENV_PROPERTY = "atlas.system.env.";

    private final Settings settings;
    private final Map<String, ServiceProcess> processes = new LinkedHashMap<>();
    private final Map<String, SubgraphProxy> proxies = new LinkedHashMap<>();
    private final Thread shutdownHook = new Thread(this::close, "atlas-system-shutdown");
    private @Nullable ServiceProcess mongo;
    private final @Nullable OtlpReceiver otlp;
    private @Nullable Process apolloGateway;
    private @Nullable URI apolloGatewayUrl;
    private boolean closed;

    /** Where things are and how to run them; read from the system properties Maven passes to the tests. */
    record Settings(
            Path repoDir,
            String version,
            Path workDir,
            Path mongoClasspathFile,
            String jvmOptions,
            boolean direct,
            boolean tracing,
            @Nullable Path mongod) {

        static Settings fromSystemProperties() {
            var repo = Path.of(System.getProperty("atlas.system.repoDir", ".."))
                    .toAbsolutePath()
                    .normalize();
            var work = Path.of(System.getProperty("atlas.system.workDir", "target"))
                    .toAbsolutePath()
                    .normalize();
            return new Settings(
                    repo,
                    System.getProperty("atlas.system.version", "0.1.0-SNAPSHOT"),
                    work,
                    Path.of(System.getProperty(
                            "atlas.system.mongoClasspathFile",
                            work.resolve("mongo-server.classpath").toString())),
                    System.getProperty("atlas.system.jvmOpts", DEFAULT_JVM_OPTS),
                    Boolean.getBoolean("atlas.system.direct"),
                    !"false".equals(System.getProperty("atlas.system.tracing")),
                    Boolean.getBoolean("atlas.system.embeddedMongoOnly") ? null : onPath("mongod"));
        }

        Path jar(String service) {
            return repoDir.resolve(service).resolve("target").resolve(service + "-" + version + ".jar");
        }

        Path logs() {
            return workDir.resolve("system-logs");
        }

        /** A service module's compiled test classes (where its data generators live). */
        Path testClasses(String service) {
            return repoDir.resolve(service).resolve("target").resolve("test-classes");
        }

        /** What is missing to run the system, if anything (the tests are skipped with this message). */
        Optional<String> missing() {
            var missing = new ArrayList<String>();
            for (var service : List.of(CATALOG, REFERENCES, IMPORT, GATEWAY)) {
                if (!Files.isRegularFile(jar(service))) {
                    missing.add(jar(service).toString());
                }
            }
            if (!Files.isRegularFile(mongoClasspathFile)) {
                missing.add(mongoClasspathFile.toString());
            }
            return missing.isEmpty()
                    ? Optional.empty()
                    : Optional.of("System tests need the service jars built first (run ./mvnw verify from the"
                            + " repository root, or ./mvnw package -DskipTests); missing: " + missing);
        }

        private static @Nullable Path onPath(String program) {
            var path = System.getenv("PATH");
            if (path == null) {
                return null;
            }
            return Stream.of(path.split(java.io.File.pathSeparator))
                    .map(dir -> Path.of(dir, program))
                    .filter(Files::isExecutable)
                    .findFirst()
                    .orElse(null);
        }
    }

    AtlasSystem(Settings settings) {
        this.settings = settings;
        this.otlp = settings.tracing() ? new OtlpReceiver() : null;
    }

    /** Starts MongoDB, the subgraphs, then the gateway; waits for each to be ready. */
    AtlasSystem start() {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            startMongo();
            startSubgraphs();
            startGateway();
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void startMongo() {
        var data = settings.workDir().resolve("system-data");
        deleteRecursively(data);
        int port = Ports.free();
        List<String> command;
        if (settings.mongod() != null) {
            var dbPath = data.resolve("mongod");
            createDirectories(dbPath);
            command = List.of(
                    settings.mongod().toString(),
                    "--port",
                    String.valueOf(port),
                    "--bind_ip",
                    "127.0.0.1",
                    "--dbpath",
                    dbPath.toString());
        } else {
            var embedded = new ArrayList<>(List.of(
                    java(),
                    "-Xmx" + MONGO_HEAP,
                    gcLogOption("mongo"),
                    "-cp",
                    readString(settings.mongoClasspathFile()).strip(),
                    "com.refractoryatlas.mongo.EmbeddedMongoServer",
                    String.valueOf(port)));
            embedded.addAll(2, List.of(MONGO_GC.trim().split("\\s+")));
            if (!MONGO_IN_MEMORY) {
                embedded.add(data.resolve("mongo").resolve("atlas.mv").toString());
            }
            command = List.copyOf(embedded);
        }
        mongo = new ServiceProcess(
                "mongo", command, Map.of(), port, settings.logs().resolve("mongo.log"), null);
        mongo.start();
        mongo.awaitReady(READY_TIMEOUT);
    }

    private void startSubgraphs() {
        var catalog = service(CATALOG, Map.of());
        var references = service(REFERENCES, Map.of());
        proxies.put(CATALOG, new SubgraphProxy(CATALOG, graphqlUrl(catalog.port())));
        proxies.put(REFERENCES, new SubgraphProxy(REFERENCES, graphqlUrl(references.port())));
        // the import service writes through the subgraphs' own APIs, not through the gateway nor the proxies
        var importer = service(
                IMPORT,
                Map.of(
                        "CATALOG_URL", graphqlUrl(catalog.port()).toString(),
                        "REFERENCES_URL", graphqlUrl(references.port()).toString()));
        proxies.put(IMPORT, new SubgraphProxy(IMPORT, graphqlUrl(importer.port())));
        List.of(catalog, references, importer).forEach(ServiceProcess::start);
        List.of(catalog, references, importer).forEach(process -> process.awaitReady(READY_TIMEOUT));
    }

    private void startGateway() {
        var gateway = service(
                GATEWAY,
                Map.of(
                        // the tests and benchmarks drive more than one client's worth of traffic from one address
                        "ATLAS_RATE_LIMIT_ENABLED",
                        "false",
                        // edge abuse limits are our policy, not federation: Apollo's gateway has none, so the
                        // differential tests and benchmarks raise them to compare the same executions (the edge's
                        // own tests cover the limits)
                        "ATLAS_MAX_COST",
                        "10000000",
                        "ATLAS_MAX_FIRST",
                        "1000",
                        "CATALOG_URL",
                        routeTo(CATALOG).toString(),
                        "REFERENCES_URL",
                        routeTo(REFERENCES).toString(),
                        "IMPORT_URL",
                        routeTo(IMPORT).toString()));
        gateway.start();
        gateway.awaitReady(READY_TIMEOUT);
    }

    /** How the gateways reach a subgraph: through its proxy, or directly for benchmarks ({@code atlas.system.direct}). */
    private URI routeTo(String subgraph) {
        return settings.direct() ? subgraphUrl(subgraph) : proxy(subgraph).url();
    }

    private ServiceProcess service(String name, Map<String, String> extraEnvironment) {
        return service(name, name, extraEnvironment);
    }

    /**
     * Starts one more process of {@code service} (same jar, same environment, so the same MongoDB database) under
     * {@code name}, as a second replica would run; stopped with the system. Returns it once it is ready.
     */
    synchronized ServiceProcess startReplica(String service, String name) {
        var existing = processes.get(name);
        if (existing != null) {
            return existing;
        }
        var replica = service(name, service, Map.of());
        replica.start();
        replica.awaitReady(READY_TIMEOUT);
        return replica;
    }

    private ServiceProcess service(String name, String jarOf, Map<String, String> extraEnvironment) {
        int port = Ports.free();
        var environment = serviceEnvironment(jarOf);
        environment.putAll(extraEnvironment);
        environment.putAll(environmentOverrides(jarOf));
        var command = new ArrayList<String>();
        command.add(java());
        command.addAll(List.of(settings.jvmOptions().trim().split("\\s+")));
        if (jarOf.equals(IMPORT)) {
            // as every launcher does: the parsing threads at nice 19 (ImportWorker)
            command.addAll(IMPORT_PRIORITY_FLAGS);
        }
        command.add(gcLogOption(name));
        var heap = System.getProperty(HEAP_PROPERTY + name);
        if (heap != null && !heap.isBlank()) {
            // the last -Xmx on the command line wins
            command.add("-Xmx" + heap.strip());
        }
        command.addAll(List.of(
                "-jar",
                settings.jar(jarOf).toString(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--spring.lifecycle.timeout-per-shutdown-phase=5s"));
        var process = new ServiceProcess(
                name, command, environment, port, settings.logs().resolve(name + ".log"), READINESS);
        processes.put(name, process);
        return process;
    }

    /** What every service process gets: the shared MongoDB server, the service token, its own data folder. */
    private LinkedHashMap<String, String> serviceEnvironment(String name) {
        var environment = new LinkedHashMap<String, String>();
        environment.put("MONGODB_URI", mongoUri());
        environment.put("ATLAS_SERVICE_TOKEN", SERVICE_TOKEN);
        environment.put("ATLAS_MONGO_STORAGE", "MEMORY");
        environment.put(
                "ATLAS_DATA_DIR",
                settings.workDir().resolve("system-data").resolve(name).toString());
        if (otlp != null) {
            // every span sampled and sent to the in-test collector (tracing is off by default in the services)
            environment.put("ATLAS_TRACING_SAMPLING", "1.0");
            environment.put(
                    "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT",
                    otlp.tracesUrl().toString());
            environment.put("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_SCHEDULE_DELAY", "1s");
        }
        return environment;
    }

    /** The {@code atlas.system.env.<service>} overrides of one service's environment, e.g. a benchmark's timeouts. */
    static Map<String, String> environmentOverrides(String name) {
        var overrides = new LinkedHashMap<String, String>();
        var value = System.getProperty(ENV_PROPERTY + name, "");
        for (var entry : value.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException(ENV_PROPERTY + name + ": expected NAME=value, got " + entry);
            }
            overrides.put(
                    entry.substring(0, equals).strip(),
                    entry.substring(equals + 1).strip());
        }
        return overrides;
    }

    /** What a one-off job printed and how it ended. */
    record JobResult(int exitCode, Duration elapsed, String output) {}

    /**
     * Runs a main class of a service module's test classes as a one-off JVM with the service's own environment (the
     * same MongoDB server and database as the running service): Spring Boot's {@code PropertiesLauncher} on the
     * service's fat jar, with {@code target/test-classes} on its loader path. Waits for it to end; the output also
     * goes to {@code system-logs/<service>-<label>.log}.
     */
    JobResult runOnServiceJar(
            String service, String mainClass, String heap, List<String> arguments, String label, Duration timeout) {
        var testClasses = settings.testClasses(service);
        if (!Files.isDirectory(testClasses)) {
            throw new IllegalStateException("No " + testClasses + ": build " + service
                    + " with its test classes (./mvnw install -DskipTests compiles them; -Dmaven.test.skip does not)");
        }
        var command = new ArrayList<String>();
        command.add(java());
        command.addAll(List.of(
                "-Xmx" + heap,
                "-XX:+UseSerialGC",
                "-Dloader.path=" + testClasses,
                "-Dloader.main=" + mainClass,
                "-cp",
                settings.jar(service).toString(),
                "org.springframework.boot.loader.launch.PropertiesLauncher"));
        command.addAll(arguments);
        var environment = serviceEnvironment(service);
        environment.putAll(environmentOverrides(service));
        var log = settings.logs().resolve(service + "-" + label + ".log");
        var started = java.time.Instant.now();
        try {
            Files.createDirectories(log.getParent());
            var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            var process = builder.start();
            try {
                if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    process.waitFor();
                    throw new IllegalStateException(
                            service + " " + label + " did not end within " + timeout + "; see " + log);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            return new JobResult(
                    process.exitValue(), Duration.between(started, java.time.Instant.now()), readString(log));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command, e);
        }
    }

    String mongoUri() {
        return "mongodb://127.0.0.1:" + requireMongo().port();
    }

    URI gatewayUrl() {
        return graphqlUrl(process(GATEWAY).port());
    }

    /** The subgraph's own endpoint, bypassing the gateway and the proxy. */
    URI subgraphUrl(String service) {
        return graphqlUrl(process(service).port());
    }

    URI baseUrl(String service) {
        return URI.create("http://127.0.0.1:" + process(service).port());
    }

    SubgraphProxy proxy(String service) {
        var proxy = proxies.get(service);
        if (proxy == null) {
            throw new IllegalArgumentException("No proxy for " + service);
        }
        return proxy;
    }

    List<SubgraphProxy> proxies() {
        return List.copyOf(proxies.values());
    }

    ServiceProcess process(String service) {
        var process = processes.get(service);
        if (process == null) {
            throw new IllegalArgumentException("No process " + service);
        }
        return process;
    }

    /** The in-test OTLP receiver, when tracing is on for this run ({@code atlas.system.tracing}, default true). */
    java.util.Optional<OtlpReceiver> otlp() {
        return java.util.Optional.ofNullable(otlp);
    }

    ServiceProcess mongo() {
        return requireMongo();
    }

    /** Kills a service like a crash ({@code kill -9}). */
    void kill(String service) {
        process(service).kill();
    }

    /** Starts a stopped or killed service again on its port and waits until it is ready. */
    void restart(String service) {
        var process = process(service);
        process.stop();
        process.start();
        process.awaitReady(READY_TIMEOUT);
    }

    /** Restarts the MongoDB server process on the same port (same files: data survives). */
    void restartMongo(Duration downtime) {
        var server = requireMongo();
        server.stop();
        ServiceProcess.sleep(downtime);
        server.start();
        server.awaitReady(READY_TIMEOUT);
    }

    void awaitAllReady() {
        processes.values().forEach(process -> process.awaitReady(READY_TIMEOUT));
    }

    Path logs() {
        return settings.logs();
    }

    /**
     * Where a process's GC log is: every JVM the harness starts logs its collections with wall-clock times
     * ({@code -Xlog:gc}, negligible cost), so that a benchmark can tell which pauses fell in its window.
     */
    Path gcLog(String process) {
        return settings.logs().resolve(process + ".gc.log");
    }

    private String gcLogOption(String process) {
        createDirectories(settings.logs());
        return "-Xlog:gc:file=" + gcLog(process) + ":time";
    }

    /**
     * Apollo's reference gateway ({@code @apollo/gateway} with {@code IntrospectAndCompose}) on a free loopback port,
     * against the same subgraph proxies as ours; started on first use, stopped with the system.
     */
    /** Every running process of the system by name (MongoDB, the services, Apollo's gateway once started). */
    synchronized Map<String, ProcessHandle> processHandles() {
        var handles = new LinkedHashMap<String, ProcessHandle>();
        if (mongo != null && mongo.alive()) {
            ProcessHandle.of(mongo.pid()).ifPresent(handle -> handles.put("mongo", handle));
        }
        processes.forEach((name, process) -> {
            if (process.alive()) {
                ProcessHandle.of(process.pid()).ifPresent(handle -> handles.put(name, handle));
            }
        });
        if (apolloGateway != null && apolloGateway.isAlive()) {
            handles.put("apollo-gateway", apolloGateway.toHandle());
        }
        return handles;
    }

    synchronized URI apolloGateway(Node node) {
        if (apolloGatewayUrl != null && apolloGateway != null && apolloGateway.isAlive()) {
            return apolloGatewayUrl;
        }
        int port = Ports.free();
        var args = new ArrayList<String>();
        args.add(String.valueOf(port));
        proxies.keySet().forEach(name -> args.add(name.replace("-service", "") + "=" + routeTo(name)));
        var log = settings.logs().resolve("apollo-gateway.log");
        // like ours, Apollo's gateway sends the internal credential: the subgraphs serve _service and _entities only
        // then
        apolloGateway = node.start(
                log, Map.of("ATLAS_SERVICE_TOKEN", SERVICE_TOKEN), "apollo-gateway.mjs", args.toArray(String[]::new));
        var url = URI.create("http://127.0.0.1:" + port + "/");
        var probe = new GraphQl(url);
        var deadline = java.time.Instant.now().plus(READY_TIMEOUT);
        while (java.time.Instant.now().isBefore(deadline)) {
            if (!apolloGateway.isAlive()) {
                throw new IllegalStateException("Apollo's gateway exited; see " + log + "\n" + GraphQl.read(log));
            }
            if (Ports.accepting(port)) {
                try {
                    if (probe.query("{ __typename }").status() == 200) {
                        apolloGatewayUrl = url;
                        return url;
                    }
                } catch (UncheckedIOException notYet) {
                    // still composing
                }
            }
            ServiceProcess.sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException("Apollo's gateway not ready after " + READY_TIMEOUT + "; see " + log);
    }

    Settings settings() {
        return settings;
    }

    private ServiceProcess requireMongo() {
        if (mongo == null) {
            throw new IllegalStateException("MongoDB is not started");
        }
        return mongo;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (apolloGateway != null) {
            apolloGateway.destroy();
            try {
                if (!apolloGateway.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                    apolloGateway.destroyForcibly();
                }
            } catch (InterruptedException e) {
                apolloGateway.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        var reversed = new ArrayList<>(processes.values());
        java.util.Collections.reverse(reversed);
        reversed.forEach(ServiceProcess::stop);
        proxies.values().forEach(SubgraphProxy::close);
        if (otlp != null) {
            otlp.close();
        }
        if (mongo != null) {
            mongo.stop();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // called from the hook itself
        }
    }

    private static URI graphqlUrl(int port) {
        return URI.create("http://127.0.0.1:" + port + "/graphql");
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
