package com.refractoryatlas.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A replica of The Guild's federation gateway benchmark ({@code graphql-hive/graphql-gateways-benchmark}) on loopback:
 * its four subgraphs (accounts, inventory, products, reviews; {@code src/test/node/guild-subgraphs.mjs}, answering
 * each distinct request from memory) with the SDL in the Federation 2 or the Federation 1 form, and the gateways put
 * in front of them on demand: ours (the built jar, composing from the subgraphs' {@code _service { sdl }}),
 * {@code @apollo/gateway} (composing the same way) and {@code @graphql-hive/gateway}, with or without its Rust query
 * planner, serving the supergraph {@code @apollo/composition} makes of the same SDLs. Everything started is stopped by
 * {@link #close()}.
 */
final class GuildSystem implements AutoCloseable {

    static final List<String> SUBGRAPHS = List.of("accounts", "inventory", "products", "reviews");
    private static final String RESOURCES = "src/test/resources/guild-benchmark";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(Long.getLong("atlas.system.readySeconds", 480));
    private static final Duration COMPOSE_TIMEOUT = Duration.ofMinutes(2);

    /** Which form of the subgraph SDL the subgraphs serve. */
    enum Federation {
        V1("federation1"),
        V2("federation2");

        private final String folder;

        Federation(String folder) {
            this.folder = folder;
        }

        static Federation of(String version) {
            return "1".equals(version.strip()) ? V1 : V2;
        }
    }

    /** A Hive Gateway flavour: plain graphql-js execution, or the Rust query planner; client deduplication or not. */
    record Hive(boolean routerRuntime, boolean deduplication) {}

    /** Our gateway's deduplication settings (subgraph requests, client operations). */
    record Deduplication(boolean subgraphRequests, boolean clientOperations) {}

    private final AtlasSystem.Settings settings;
    private final Federation federation;
    private final Node node;
    private final ServiceProcess subgraphs;
    private final List<ServiceProcess> started = new ArrayList<>();
    private final Map<String, ServiceProcess> gateways = new LinkedHashMap<>();

    private GuildSystem(AtlasSystem.Settings settings, Federation federation, Node node, ServiceProcess subgraphs) {
        this.settings = settings;
        this.federation = federation;
        this.node = node;
        this.subgraphs = subgraphs;
    }

    /** Starts the four subgraphs; skips the calling test when the gateway jar or node is missing. */
    static GuildSystem start(Federation federation) {
        var settings = AtlasSystem.Settings.fromSystemProperties();
        Assumptions.assumeTrue(
                Files.isRegularFile(settings.jar(AtlasSystem.GATEWAY)),
                () -> "The Guild benchmark needs the gateway jar built first (./mvnw -pl gateway -am package"
                        + " -DskipTests); missing: " + settings.jar(AtlasSystem.GATEWAY));
        var node = Node.require();
        int port = Ports.free();
        var command = new ArrayList<>(List.of(
                "node",
                node.dir().resolve("guild-subgraphs.mjs").toString(),
                String.valueOf(port),
                resource(federation.folder).toString(),
                "--replay",
                recorded(federation).toString()));
        if (Boolean.getBoolean("atlas.guild.record")) {
            command.addAll(List.of("--record", recorded(federation).toString()));
        }
        var workers = Integer.getInteger("atlas.guild.subgraphWorkers", 1);
        if (workers > 1) {
            command.addAll(List.of("--workers", String.valueOf(workers)));
        }
        var process = new ServiceProcess(
                "guild-subgraphs", command, Map.of(), port, settings.logs().resolve("guild-subgraphs.log"), "/health");
        var system = new GuildSystem(settings, federation, node, process);
        system.started.add(process);
        try {
            process.start();
            process.awaitReady(READY_TIMEOUT);
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
        return system;
    }

    /**
     * The answers recorded for one SDL form ({@code -Datlas.guild.record=true} appends what a run computes): one file
     * per form, since {@code _service { sdl }} answers differ between them.
     */
    private static Path recorded(Federation federation) {
        return resource("recorded-answers-" + federation.folder + ".jsonl");
    }

    Federation federation() {
        return federation;
    }

    /** The query of the benchmark, verbatim from its {@code k6.js}. */
    static String testQuery() {
        return read(resource("test-query.graphql"));
    }

    /** The operations of the differential corpus for these subgraphs ({@code guild-benchmark/operations}). */
    static Map<String, String> operations() {
        var operations = new LinkedHashMap<String, String>();
        operations.put("test-query", testQuery());
        try (Stream<Path> files = Files.list(resource("operations"))) {
            files.sorted()
                    .forEach(
                            file -> operations.put(file.getFileName().toString().replace(".graphql", ""), read(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return operations;
    }

    URI subgraph(String name) {
        return URI.create("http://127.0.0.1:" + subgraphs.port() + "/" + name);
    }

    /** The subgraphs' process (for its CPU and memory), and its replay statistics. */
    ServiceProcess subgraphProcess() {
        return subgraphs;
    }

    String subgraphStats() {
        try (var client = java.net.http.HttpClient.newHttpClient()) {
            var request = java.net.http.HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + subgraphs.port() + "/stats"))
                    .build();
            return client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (IOException e) {
            return "(no stats: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }

    /** Our gateway in front of the four subgraphs (started on first use per deduplication setting). */
    synchronized URI ours(Deduplication deduplication) {
        return ours(deduplication, true);
    }

    /**
     * Our gateway, with responses shaped by its projection ({@code projectResponses}) or by graphql-java for every
     * request ({@code ATLAS_PROJECT_RESPONSES=false}), to measure the two in one run.
     */
    synchronized URI ours(Deduplication deduplication, boolean projectResponses) {
        var name = "ours-" + (deduplication.subgraphRequests() ? "d" : "n")
                + (deduplication.clientOperations() ? "d" : "n") + (projectResponses ? "" : "-graphql-java");
        var existing = gateways.get(name);
        if (existing == null) {
            int port = Ports.free();
            var command = new ArrayList<String>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(List.of(settings.jvmOptions().trim().split("\\s+")));
            command.addAll(List.of(
                    "-jar",
                    settings.jar(AtlasSystem.GATEWAY).toString(),
                    "--server.port=" + port,
                    "--server.address=127.0.0.1"));
            for (var i = 0; i < SUBGRAPHS.size(); i++) {
                command.add("--atlas.gateway.subgraphs[%d].name=%s".formatted(i, SUBGRAPHS.get(i)));
                command.add("--atlas.gateway.subgraphs[%d].url=%s".formatted(i, subgraph(SUBGRAPHS.get(i))));
            }
            var environment = new LinkedHashMap<String, String>();
            environment.put("ATLAS_SERVICE_TOKEN", AtlasSystem.SERVICE_TOKEN);
            environment.put("ATLAS_RATE_LIMIT_ENABLED", "false");
            // the edge's abuse limits are our policy, not federation: the reference gateways have none
            environment.put("ATLAS_MAX_COST", "10000000");
            environment.put("ATLAS_MAX_DEPTH", "20");
            environment.put("ATLAS_DEDUPLICATE_SUBGRAPH_REQUESTS", String.valueOf(deduplication.subgraphRequests()));
            environment.put("ATLAS_DEDUPLICATE_OPERATIONS", String.valueOf(deduplication.clientOperations()));
            environment.put("ATLAS_PROJECT_RESPONSES", String.valueOf(projectResponses));
            environment.putAll(AtlasSystem.environmentOverrides(AtlasSystem.GATEWAY));
            existing = launch(new ServiceProcess(
                    name,
                    command,
                    environment,
                    port,
                    settings.logs().resolve("guild-" + name + ".log"),
                    "/actuator/health/readiness"));
        }
        return URI.create("http://127.0.0.1:" + existing.port() + "/graphql");
    }

    /** {@code @apollo/gateway} 2.14.4 with {@code IntrospectAndCompose} in front of the four subgraphs. */
    synchronized URI apollo() {
        var existing = gateways.get("apollo");
        if (existing == null) {
            int port = Ports.free();
            var command = new ArrayList<>(
                    List.of("node", node.dir().resolve("apollo-gateway.mjs").toString(), String.valueOf(port)));
            SUBGRAPHS.forEach(name -> command.add(name + "=" + subgraph(name)));
            existing = launch(new ServiceProcess(
                    "apollo",
                    command,
                    Map.of("NODE_ENV", "production"),
                    port,
                    settings.logs().resolve("guild-apollo.log"),
                    null));
            awaitGraphQl(existing, URI.create("http://127.0.0.1:" + port + "/"));
        }
        return URI.create("http://127.0.0.1:" + existing.port() + "/");
    }

    /** {@code @graphql-hive/gateway} 2.15.1 serving the supergraph {@code @apollo/composition} composes. */
    synchronized URI hive(Hive hive) {
        var name = "hive" + (hive.routerRuntime() ? "-router-runtime" : "") + (hive.deduplication() ? "-dedup" : "");
        var existing = gateways.get(name);
        if (existing == null) {
            var gateways = Node.requireGateways();
            var supergraph = composeSupergraph();
            int port = Ports.free();
            var command = new ArrayList<>(List.of(
                    gateways.dir()
                            .resolve("node_modules")
                            .resolve(".bin")
                            .resolve("hive-gateway")
                            .toString(),
                    "--config-path",
                    gateways.dir().resolve("gateway.config.mjs").toString(),
                    "--fork",
                    String.valueOf(Integer.getInteger("atlas.guild.hiveForks", 1)),
                    "supergraph",
                    supergraph.toString(),
                    "--host",
                    "127.0.0.1",
                    "--port",
                    String.valueOf(port)));
            if (!hive.routerRuntime()) {
                // as The Guild's benchmark runs the graphql-js flavour
                command.add("--jit");
            }
            existing = launch(new ServiceProcess(
                    name,
                    command,
                    Map.of(
                            "NODE_ENV", "production",
                            "HIVE_ROUTER_RUNTIME", String.valueOf(hive.routerRuntime()),
                            "HIVE_DEDUPLICATION", String.valueOf(hive.deduplication())),
                    port,
                    settings.logs().resolve("guild-" + name + ".log"),
                    // no HTTP readiness probe: the JDK client's h2c upgrade request is taken by Hive's WebSocket
                    // server and never answered; the GraphQL probe below speaks HTTP/1.1
                    null));
            awaitGraphQl(existing, URI.create("http://127.0.0.1:" + port + "/graphql"));
        }
        return URI.create("http://127.0.0.1:" + existing.port() + "/graphql");
    }

    /** The gateway processes started so far, by name. */
    synchronized Map<String, ServiceProcess> gateways() {
        return Map.copyOf(gateways);
    }

    private Path composeSupergraph() {
        var out = settings.workDir().resolve("guild-supergraph-" + federation.folder + ".graphql");
        var args = new ArrayList<String>();
        for (var name : SUBGRAPHS) {
            args.add(name + "=" + resource(federation.folder).resolve(name + ".graphql") + "=" + subgraph(name));
        }
        args.addAll(List.of("--out", out.toString()));
        var result = node.run(COMPOSE_TIMEOUT, "compose.mjs", args.toArray(String[]::new));
        if (result.exitCode() != 0) {
            throw new IllegalStateException("@apollo/composition rejected the subgraphs:\n" + result.output());
        }
        return out;
    }

    private ServiceProcess launch(ServiceProcess process) {
        started.add(process);
        gateways.put(process.name(), process);
        process.start();
        process.awaitReady(READY_TIMEOUT);
        return process;
    }

    /** Waits until {@code url} answers a GraphQL query, failing when the process exits or the ready timeout passes. */
    static void awaitGraphQl(ServiceProcess process, URI url) {
        var probe = new GraphQl(url);
        var deadline = java.time.Instant.now().plus(READY_TIMEOUT);
        while (java.time.Instant.now().isBefore(deadline)) {
            try {
                if (probe.query("{ __typename }").status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // still composing
            }
            if (!process.alive()) {
                throw new IllegalStateException(
                        process.name() + " exited; see " + process.log() + "\n" + process.tail());
            }
            ServiceProcess.sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException(process.name() + " not ready; see " + process.log());
    }

    static Path resource(String name) {
        return Path.of(RESOURCES).resolve(name).toAbsolutePath();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        var reversed = new ArrayList<>(started);
        java.util.Collections.reverse(reversed);
        reversed.forEach(ServiceProcess::stop);
        started.clear();
        gateways.clear();
    }
}
