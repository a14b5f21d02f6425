package com.refractoryatlas.gateway.subscription;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks each client message against the graphql-transport-ws message shapes before the protocol handler reads it, so
 * that a malformed one closes the connection with 4400 (the protocol's "invalid message") instead of a server error:
 * not JSON, not an object, an unknown {@code type}, a {@code subscribe} without an id or a query, a payload that is not
 * an object, binary frames. A client's {@code pong} (the answer to the gateway's keep-alive {@code ping}) ends here. The
 * first {@code connection_init}'s credentials are checked here too ({@link ConnectionInit}): a refused token closes the
 * connection with 4401 before the protocol handler sees the message.
 */
final class ProtocolGuard extends WebSocketHandlerDecorator {

    static final CloseStatus INVALID_MESSAGE = new CloseStatus(4400, "Invalid message");
    static final CloseStatus UNAUTHORIZED = new CloseStatus(4401, "Unauthorized");
    private static final String INITIALISED = ProtocolGuard.class.getName() + ".initialised";
    private static final Set<String> TYPES = Set.of("connection_init", "ping", "pong", "subscribe", "complete");
    private static final int MAX_ID_LENGTH = 256;

    private final JsonMapper json;
    private final ConnectionInit connectionInit;

    ProtocolGuard(WebSocketHandler delegate, JsonMapper json, ConnectionInit connectionInit) {
        super(delegate);
        this.json = json;
        this.connectionInit = connectionInit;
    }

    @Override
    public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) throws Exception {
        if (!(message instanceof TextMessage text)) {
            close(session);
            return;
        }
        var decoded = decode(text.getPayload());
        var type = decoded == null ? null : typeOf(decoded);
        if (type == null) {
            close(session);
            return;
        }
        if (type.equals("connection_init") && !initialise(session, decoded)) {
            session.close(UNAUTHORIZED);
            return;
        }
        if (!type.equals("pong")) {
            super.handleMessage(session, message);
        }
    }

    /**
     * Whether the first {@code connection_init}'s credentials are accepted; a second one goes on to the protocol
     * handler, which closes the connection with 4429.
     */
    private boolean initialise(WebSocketSession session, Map<?, ?> message) {
        if (session.getAttributes().putIfAbsent(INITIALISED, Boolean.TRUE) != null) {
            return true;
        }
        return !(message.get("payload") instanceof Map<?, ?> payload)
                || connectionInit.accept(payload, session.getAttributes());
    }

    private @Nullable Map<?, ?> decode(String payload) {
        try {
            return json.readValue(payload, Object.class) instanceof Map<?, ?> message ? message : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    /** The message's type when its shape is valid, else null. */
    private static @Nullable String typeOf(Map<?, ?> message) {
        if (!(message.get("type") instanceof String type)) {
            return null;
        }
        if (!TYPES.contains(type) || !optionalObject(message.get("payload"))) {
            return null;
        }
        return switch (type) {
            case "subscribe" -> validId(message.get("id")) && validSubscribe(message.get("payload")) ? type : null;
            case "complete" -> validId(message.get("id")) ? type : null;
            default -> type;
        };
    }

    private static boolean validId(Object id) {
        return id instanceof String value && !value.isEmpty() && value.length() <= MAX_ID_LENGTH;
    }

    private static boolean validSubscribe(Object payload) {
        return payload instanceof Map<?, ?> map
                && map.get("query") instanceof String
                && optionalObject(map.get("variables"))
                && optionalObject(map.get("extensions"))
                && (map.get("operationName") == null || map.get("operationName") instanceof String);
    }

    private static boolean optionalObject(Object value) {
        return value == null || value instanceof Map<?, ?>;
    }

    private static void close(WebSocketSession session) throws IOException {
        session.close(INVALID_MESSAGE);
    }
}
