package com.refractoryatlas.subgraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

class PooledHttpClientTests {

    private static final Duration SHORT = Duration.ofMillis(300);
    /** Far longer than any timeout under test: a call that waits for it shows the timeout was not applied. */
    private static final long HOLD_SECONDS = 20;

    private static final Duration TRICKLE_INTERVAL = Duration.ofMillis(100);
    /** Trickled over twenty seconds. */
    private static final int TRICKLED_BYTES = 200;

    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch slowCallArrived = new CountDownLatch(1);
    private final List<String> userAgents = new CopyOnWriteArrayList<>();
    private final List<Integer> clientPorts = new CopyOnWriteArrayList<>();
    private final HttpServer server = server();
    private final HttpComponentsClientHttpRequestFactory requests =
            new PooledHttpClient(SHORT, SHORT, 1, 2).requestFactory();

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        requests.destroy();
        server.stop(0);
    }

    private HttpServer server() {
        try {
            var http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            http.createContext("/fast", exchange -> {
                userAgents.add(exchange.getRequestHeaders().getFirst("User-Agent"));
                clientPorts.add(exchange.getRemoteAddress().getPort());
                exchange.getRequestBody().readAllBytes();
                var body = "{\"data\":{}}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            http.createContext("/slow", exchange -> {
                slowCallArrived.countDown();
                try {
                    release.await(HOLD_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            http.createContext("/trickle", exchange -> {
                // one byte every tenth of a second: never silent for as long as the response timeout
                exchange.sendResponseHeaders(200, 0);
                var body = exchange.getResponseBody();
                for (int i = 0; i < TRICKLED_BYTES && release.getCount() > 0; i++) {
                    body.write('x');
                    body.flush();
                    sleep(TRICKLE_INTERVAL);
                }
                exchange.close();
            });
            http.start();
            return http;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<Throwable> causes(Throwable failure) {
        var chain = new ArrayList<Throwable>();
        for (Throwable t = failure; t != null && chain.size() < 20; t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private String post(String path) {
        return post(requests, server.getAddress().getPort(), path);
    }

    private String post(HttpComponentsClientHttpRequestFactory factory, String path) {
        return post(factory, server.getAddress().getPort(), path);
    }

    private static String post(HttpComponentsClientHttpRequestFactory factory, int port, String path) {
        return RestClient.builder()
                .requestFactory(factory)
                .build()
                .post()
                .uri("http://127.0.0.1:" + port + path)
                .body("{\"query\":\"{__typename}\"}")
                .retrieve()
                .body(String.class);
    }

    @Test
    void aDeadlinePassingAtAnyStepOfTheCallFailsItAsATimeout() throws Exception {
        // deadlines of 1 to 15 ms pass while leasing, connecting, sending or waiting, each ending the call its own way
        for (int attempt = 0; attempt < 60; attempt++) {
            var hurried = new PooledHttpClient(
                            Duration.ofSeconds(HOLD_SECONDS), Duration.ofMillis(1 + attempt % 15), 1, 1)
                    .requestFactory();
            try {
                assertThatThrownBy(() -> post(hurried, "/slow"))
                        .satisfies(e -> assertThat(causes(e)).hasAtLeastOneElementOfType(SocketTimeoutException.class));
            } finally {
                hurried.destroy();
            }
        }
    }

    @Test
    void callsThroughApacheHttpClient5OnOneReusedConnection() throws Exception {
        // a call past its deadline loses its connection even when answered: leave room for a cold JVM
        var unhurried = new PooledHttpClient(SHORT, Duration.ofSeconds(HOLD_SECONDS), 1, 1).requestFactory();
        try {
            for (int call = 0; call < 3; call++) {
                assertThat(post(unhurried, "/fast")).isEqualTo("{\"data\":{}}");
            }
        } finally {
            unhurried.destroy();
        }

        assertThat(userAgents).allSatisfy(agent -> assertThat(agent).startsWith("Apache-HttpClient/5."));
        assertThat(clientPorts).as("one keep-alive connection for three calls").hasSize(3);
        assertThat(clientPorts.stream().distinct()).hasSize(1);
    }

    @Test
    void anAnswerSlowerThanTheResponseTimeoutFailsAsAnUnreachableService() {
        assertThatThrownBy(() -> post("/slow"))
                .isInstanceOf(ResourceAccessException.class)
                .satisfies(e -> assertThat(causes(e)).hasAtLeastOneElementOfType(SocketTimeoutException.class));
    }

    @Test
    void anAnswerThatTricklesInPastTheResponseTimeoutFailsAsATimeout() {
        // the body is read by Spring's message converter, which reports any failure as a RestClientException
        assertThatThrownBy(() -> post("/trickle"))
                .isInstanceOf(RestClientException.class)
                .hasStackTraceContaining("no complete answer within PT0.3S")
                .satisfies(e -> assertThat(causes(e)).hasAtLeastOneElementOfType(SocketTimeoutException.class));
    }

    @Test
    void aServerThatNeverAcceptsTheConnectionFailsAfterTheConnectTimeout() throws Exception {
        // a listening socket that accepts nothing, its backlog filled: the kernel drops further connection attempts
        try (var silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                var first = new Socket();
                var second = new Socket()) {
            var address = new InetSocketAddress(silent.getInetAddress(), silent.getLocalPort());
            first.connect(address);
            second.connect(address);

            // a long response timeout, so that the connect timeout is what ends the call; without it, HttpClient's
            // own 3 minutes would apply
            var patient = new PooledHttpClient(SHORT, Duration.ofSeconds(HOLD_SECONDS), 1, 1).requestFactory();
            try {
                assertTimeoutPreemptively(Duration.ofSeconds(HOLD_SECONDS), () -> assertThatThrownBy(
                                () -> post(patient, silent.getLocalPort(), "/fast"))
                        .isInstanceOf(ResourceAccessException.class)
                        .hasCauseInstanceOf(ConnectTimeoutException.class));
            } finally {
                patient.destroy();
            }
        }
    }

    @Test
    void aCallWaitsForAFreePooledConnectionNoLongerThanTheConnectTimeout() throws Exception {
        var onePerServer = new PooledHttpClient(SHORT, Duration.ofSeconds(HOLD_SECONDS), 1, 1).requestFactory();
        try (var calls = Executors.newVirtualThreadPerTaskExecutor()) {
            calls.submit(() -> post(onePerServer, "/slow"));
            assertThat(slowCallArrived.await(HOLD_SECONDS, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> post(onePerServer, "/fast"))
                    .as("the one connection to this server is taken by the slow call")
                    .isInstanceOf(ResourceAccessException.class)
                    .hasCauseInstanceOf(ConnectionRequestTimeoutException.class);
            release.countDown();
        } finally {
            onePerServer.destroy();
        }
    }

    @Test
    void aDestroyedFactoryHasClosedItsPool() throws Exception {
        var closed = new PooledHttpClient(SHORT, SHORT, 1, 1).requestFactory();
        assertThat(post(closed, "/fast")).isEqualTo("{\"data\":{}}");

        closed.destroy();

        assertThatThrownBy(() -> post(closed, "/fast")).hasStackTraceContaining("shut down");
    }

    @Test
    void refusesTimeoutsThatWouldWaitForeverAndPoolsThatCannotHoldAConnection() {
        assertThatThrownBy(() -> new PooledHttpClient(Duration.ZERO, SHORT, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> new PooledHttpClient(SHORT, Duration.ofSeconds(-1), 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("responseTimeout");
        assertThatThrownBy(() -> new PooledHttpClient(SHORT, SHORT, 4, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
