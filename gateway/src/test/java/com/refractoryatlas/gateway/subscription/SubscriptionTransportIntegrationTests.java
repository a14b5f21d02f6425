package com.refractoryatlas.gateway.subscription;

import static com.refractoryatlas.gateway.GatewayClient.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.gateway.GatewayIntegrationTest;
import com.refractoryatlas.gateway.TestFederationEngine;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's streaming transports on {@code /graphql}: graphql-transport-ws over WebSocket (its message rules and
 * close codes, auth from {@code connection_init}, the budget per connection) and GraphQL over SSE, with the test
 * engine behind them; a plain POST of a subscription is refused with a typed error.
 */
@GatewayIntegrationTest
class SubscriptionTransportIntegrationTests {

    private static final JsonMapper JSON = new JsonMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SUBSCRIPTION = "subscription Follow { importJobUpdated(id: \"job-1\") { id status } }";
    private static final String HOLD_OPEN = "subscription " + TestFederationEngine.HOLD_OPEN_OPERATION
            + " { importJobUpdated(id: \"job-1\") { status } }";

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient http;

    /** A raw graphql-transport-ws client: every message received, and how the socket closed. */
    static final class Socket extends TextWebSocketHandler {
        final BlockingQueue<Map<String, Object>> received = new LinkedBlockingQueue<>();
        final CompletableFuture<CloseStatus> closed = new CompletableFuture<>();
        WebSocketSession session;

        @Override
        @SuppressWarnings("unchecked")
        protected void handleTextMessage(WebSocketSession session, TextMessage message) {
            received.add(JSON.readValue(message.getPayload(), Map.class));
        }

        @Override
        public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
            closed.complete(status);
        }

        void send(Object message) throws Exception {
            session.sendMessage(
                    new TextMessage(message instanceof String text ? text : JSON.writeValueAsString(message)));
        }

        Map<String, Object> next() throws InterruptedException {
            var message = received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(message).as("a message within " + WAIT).isNotNull();
            return message;
        }

        int closeCode() throws Exception {
            return closed.get(WAIT.toSeconds(), TimeUnit.SECONDS).getCode();
        }
    }

    private Socket open() throws Exception {
        var socket = new Socket();
        var headers = new WebSocketHttpHeaders();
        headers.setSecWebSocketProtocol("graphql-transport-ws");
        socket.session = new StandardWebSocketClient()
                .execute(socket, headers, URI.create("ws://127.0.0.1:" + port + "/graphql"))
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return socket;
    }

    private Socket connected(@Nullable String token) throws Exception {
        var socket = open();
        socket.send(
                token == null
                        ? Map.of("type", "connection_init")
                        : Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer " + token)));
        assertThat(socket.next()).containsEntry("type", "connection_ack");
        return socket;
    }

    private static Map<String, Object> subscribe(String id, String query) {
        return Map.of("type", "subscribe", "id", id, "payload", Map.of("query", query));
    }

    @SuppressWarnings("unchecked")
    private static String firstCode(Map<String, Object> message) {
        var payload = message.get("payload");
        var errors = payload instanceof Map<?, ?> map
                ? (java.util.List<Object>) map.get("errors")
                : (java.util.List<Object>) payload;
        var extensions = (Map<String, Object>) ((Map<String, Object>) errors.getFirst()).get("extensions");
        return (String) extensions.get("code");
    }

    @Test
    void negotiatesTheGraphqlTransportWsProtocol() throws Exception {
        var socket = open();
        assertThat(socket.session.getAcceptedProtocol()).isEqualTo("graphql-transport-ws");
        socket.session.close();
    }

    @Test
    void followsASubscriptionToItsEndWithATokenFromConnectionInit() throws Exception {
        var socket = connected(token("importer"));
        socket.send(subscribe("1", SUBSCRIPTION));

        var next = socket.next();
        assertThat(next).containsEntry("type", "next").containsEntry("id", "1");
        assertThat(JSON.writeValueAsString(next.get("payload"))).contains("\"status\":\"QUEUED\"");
        assertThat(socket.next()).containsEntry("type", "complete").containsEntry("id", "1");
        socket.session.close();
    }

    @Test
    void refusesAnAnonymousSubscriptionWithATypedError() throws Exception {
        var socket = connected(null);
        socket.send(subscribe("1", SUBSCRIPTION));

        var error = socket.next();
        assertThat(error).containsEntry("type", "error").containsEntry("id", "1");
        assertThat(firstCode(error)).isEqualTo("UNAUTHENTICATED");
        socket.session.close();
    }

    @Test
    void runsAQueryAsOneNextAndComplete() throws Exception {
        var socket = connected(null);
        socket.send(subscribe("q", "{ condition(id: \"depression\") { name } }"));

        var next = socket.next();
        assertThat(next).containsEntry("type", "next");
        assertThat(JSON.writeValueAsString(next.get("payload"))).contains("\"condition\"");
        assertThat(socket.next()).containsEntry("type", "complete");
        socket.session.close();
    }

    @Test
    void answersPingWithPongAndIgnoresPong() throws Exception {
        var socket = connected(null);
        socket.send(Map.of("type", "pong"));
        socket.send(Map.of("type", "ping"));

        assertThat(socket.next()).containsEntry("type", "pong");
        socket.session.close();
    }

    @Test
    void closesWithInvalidMessageOnMalformedOrUnknownMessages() throws Exception {
        for (var bad : new Object[] {
            "{\"type\": \"subscribe\", ",
            "[1, 2]",
            Map.of("type", "bogus"),
            Map.of("type", "subscribe", "id", "1", "payload", Map.of("variables", Map.of())),
            Map.of("type", "subscribe", "payload", Map.of("query", "{ __typename }"))
        }) {
            var socket = connected(null);
            socket.send(bad);
            assertThat(socket.closeCode()).as(String.valueOf(bad)).isEqualTo(4400);
        }
    }

    @Test
    void closesWithUnauthorizedOnASubscribeBeforeTheAck() throws Exception {
        var socket = open();
        socket.send(subscribe("1", SUBSCRIPTION));

        assertThat(socket.closeCode()).isEqualTo(4401);
    }

    @Test
    void closesOnAConnectionInitWithARefusedToken() throws Exception {
        var socket = open();
        socket.send(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer forged.token.here")));

        assertThat(socket.closeCode()).isEqualTo(4401);
        assertThat(socket.received).noneMatch(message -> "connection_ack".equals(message.get("type")));
    }

    @Test
    void closesWithTooManyInitialisationRequestsOnASecondInit() throws Exception {
        var socket = connected(null);
        socket.send(Map.of("type", "connection_init"));

        assertThat(socket.closeCode()).isEqualTo(4429);
    }

    @Test
    void closesWithConflictOnASecondSubscribeWithTheSameId() throws Exception {
        var socket = connected(token("importer"));
        socket.send(subscribe("same", HOLD_OPEN));
        assertThat(socket.next()).containsEntry("type", "next");
        socket.send(subscribe("same", HOLD_OPEN));

        assertThat(socket.closeCode()).isEqualTo(4409);
    }

    @Test
    void refusesASubscriptionAboveTheConnectionsShareAndFreesItOnComplete() throws Exception {
        var socket = connected(token("importer"));
        for (int i = 0; i < 10; i++) {
            socket.send(subscribe("s" + i, HOLD_OPEN));
            assertThat(socket.next()).containsEntry("type", "next");
        }
        socket.send(subscribe("over", HOLD_OPEN));
        var refused = socket.next();
        assertThat(refused).containsEntry("type", "error").containsEntry("id", "over");
        assertThat(firstCode(refused)).isEqualTo(Subscriptions.TOO_MANY_SUBSCRIPTIONS);

        socket.send(Map.of("type", "complete", "id", "s0"));
        Thread.sleep(500);
        socket.send(subscribe("again", HOLD_OPEN));
        assertThat(socket.next()).containsEntry("type", "next").containsEntry("id", "again");
        socket.session.close();
    }

    @Test
    void refusesASubscriptionSentAsAPlainPost() {
        var body = http.post()
                .uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + token("importer"))
                .bodyValue(Map.of("query", SUBSCRIPTION))
                .exchange()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(body).contains("STREAMING_TRANSPORT_REQUIRED").doesNotContain("\"data\"");
    }

    @Test
    void followsASubscriptionOverSse() {
        var body = http.post()
                .uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .header("Authorization", "Bearer " + token("importer"))
                .bodyValue(Map.of("query", SUBSCRIPTION))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(body)
                .contains("event:next")
                .contains("\"status\":\"QUEUED\"")
                .contains("event:complete");
    }

    @Test
    void refusesAnAnonymousSubscriptionOverSseWithATypedError() {
        var body = http.post()
                .uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .bodyValue(Map.of("query", SUBSCRIPTION))
                .exchange()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(body).contains("event:next").contains("UNAUTHENTICATED").contains("event:complete");
    }
}
