package com.refractoryatlas.systemtests;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP proxy in front of one subgraph: the gateways (ours and Apollo's) reach the subgraph through it. It
 * records every GraphQL request (to count subgraph round trips per operation without trusting the gateway's own
 * numbers), injects latency on demand (slow-subgraph faults) and answers 502 while the subgraph process is down,
 * as a load balancer in front of a dead pod would.
 */
final class SubgraphProxy implements AutoCloseable {

    private static final Set<String> NOT_FORWARDED =
            Set.of("connection", "content-length", "expect", "host", "upgrade", "keep-alive", "transfer-encoding");
    private static final int BAD_GATEWAY = 502;
    private static final Duration UPSTREAM_TIMEOUT = Duration.ofSeconds(60);

    /** One request the gateway sent: its body and headers. */
    record Exchange(String body, Map<String, List<String>> headers) {

        boolean isSchemaFetch() {
            return body.contains("_service");
        }
    }

    private final String name;
    private final URI upstream;
    private final HttpServer server;
    private final HttpClient client;
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    private volatile Duration delay = Duration.ZERO;

    SubgraphProxy(String name, URI upstream) {
        this.name = name;
        this.upstream = upstream;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the proxy for " + name, e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::forward);
        server.start();
    }

    String name() {
        return name;
    }

    /** The URL the gateways use for this subgraph. */
    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + upstream.getPath());
    }

    void delay(Duration delay) {
        this.delay = delay;
    }

    void reset() {
        exchanges.clear();
    }

    /** The GraphQL requests seen since the last {@link #reset()}, schema fetches excluded. */
    List<Exchange> operations() {
        return exchanges.stream().filter(e -> !e.isSchemaFetch()).toList();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            var body = exchange.getRequestBody().readAllBytes();
            var headers = exchange.getRequestHeaders();
            // recorded on arrival: a request the gateway gave up on (timeout) still counts as sent
            exchanges.add(new Exchange(
                    new String(body, StandardCharsets.UTF_8), Map.copyOf(new java.util.TreeMap<>(headers))));
            if (!delay.isZero()) {
                ServiceProcess.sleep(delay);
            }
            var request = HttpRequest.newBuilder(upstream.resolve(exchange.getRequestURI()))
                    .timeout(UPSTREAM_TIMEOUT)
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach((header, values) -> {
                if (!NOT_FORWARDED.contains(header.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> request.header(header, value));
                }
            });
            if (streaming(headers)) {
                stream(exchange, request.build());
                return;
            }
            int status;
            byte[] answer;
            Map<String, List<String>> answerHeaders;
            try {
                var response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                status = response.statusCode();
                answer = response.body();
                answerHeaders = response.headers().map();
            } catch (IOException e) {
                status = BAD_GATEWAY;
                answer = new byte[0];
                answerHeaders = Map.of();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            answerHeaders.forEach((header, values) -> {
                if (!NOT_FORWARDED.contains(header.toLowerCase(Locale.ROOT)) && !header.startsWith(":")) {
                    exchange.getResponseHeaders().put(header, new ArrayList<>(values));
                }
            });
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
        }
    }

    /** A subscription over GraphQL over SSE: its events pass on as they come, not once the stream has ended. */
    private static boolean streaming(com.sun.net.httpserver.Headers headers) {
        var accept = headers.getFirst("Accept");
        return accept != null && accept.contains("text/event-stream");
    }

    private void stream(HttpExchange exchange, HttpRequest request) throws IOException {
        HttpResponse<java.io.InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            exchange.sendResponseHeaders(BAD_GATEWAY, -1);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        response.headers().map().forEach((header, values) -> {
            if (!NOT_FORWARDED.contains(header.toLowerCase(Locale.ROOT)) && !header.startsWith(":")) {
                exchange.getResponseHeaders().put(header, new ArrayList<>(values));
            }
        });
        exchange.sendResponseHeaders(response.statusCode(), 0);
        try (var in = response.body();
                var out = exchange.getResponseBody()) {
            var buffer = new byte[8192];
            for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
                out.write(buffer, 0, read);
                out.flush();
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        client.close();
    }
}
