package com.refractoryatlas.references;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Stands in for the catalog subgraph's GraphQL answer to {@code condition(id) { references { id } }}: another
 * service's API, not ours to run in this module. Tests set the evidence per condition or take the catalog down.
 */
public final class FakeCatalog implements AutoCloseable {

    private static final Pattern ID_VARIABLE = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]*)\"");

    private final HttpServer server;
    private final Map<String, List<String>> evidence = new ConcurrentHashMap<>();
    private volatile boolean down;
    private volatile @Nullable String lastToken;
    private volatile @Nullable String lastUserAgent;
    private volatile Duration delay = Duration.ZERO;
    private final List<Integer> clientPorts = new CopyOnWriteArrayList<>();

    public FakeCatalog() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/graphql", exchange -> {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            lastToken = exchange.getRequestHeaders().getFirst("X-Atlas-Service-Token");
            lastUserAgent = exchange.getRequestHeaders().getFirst("User-Agent");
            clientPorts.add(exchange.getRemoteAddress().getPort());
            pause(delay);
            if (down) {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            var matcher = ID_VARIABLE.matcher(body);
            var id = matcher.find() ? matcher.group(1) : "";
            var ids = evidence.get(id);
            var condition = ids == null
                    ? "null"
                    : "{\"references\":["
                            + ids.stream()
                                    .map(ref -> "{\"id\":\"" + ref + "\"}")
                                    .collect(Collectors.joining(","))
                            + "]}";
            var answer = ("{\"data\":{\"condition\":" + condition + "}}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/graphql-response+json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/graphql";
    }

    public void evidence(String conditionId, List<String> referenceIds) {
        evidence.put(conditionId, List.copyOf(referenceIds));
    }

    /** Answers every request this much later (a slow catalog). */
    public void delay(Duration delay) {
        this.delay = delay;
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void down(boolean down) {
        this.down = down;
    }

    public void reset() {
        evidence.clear();
        down = false;
        delay = Duration.ZERO;
        lastToken = null;
        lastUserAgent = null;
        clientPorts.clear();
    }

    public @Nullable String lastToken() {
        return lastToken;
    }

    public @Nullable String lastUserAgent() {
        return lastUserAgent;
    }

    /** The client port of each request, in order: the same port twice means one reused connection. */
    public List<Integer> clientPorts() {
        return List.copyOf(clientPorts);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
