package com.refractoryatlas.gateway.subscription;

import com.refractoryatlas.gateway.security.BearerTokens;
import java.util.Map;

/**
 * Authenticates a WebSocket connection from its {@code connection_init} payload, {@code {"Authorization": "Bearer
 * <token>"}} (the key case-insensitive), which is how browser clients such as graphql-ws and Apollo's GraphQLWsLink
 * send a token ({@code connectionParams}). A token there replaces one of the handshake's {@code Authorization} header
 * in the session's attributes; a malformed or refused one is refused, and {@link ProtocolGuard} closes the connection
 * with 4401 on the thread that read the message (closing it from Spring for GraphQL's session thread raced with that
 * thread's own shutdown, and the close frame was sometimes lost: clients saw 1006).
 */
final class ConnectionInit {

    private static final String BEARER = "Bearer ";

    private final BearerTokens tokens;

    ConnectionInit(BearerTokens tokens) {
        this.tokens = tokens;
    }

    /** Whether the payload's credentials, if any, are accepted; accepted ones are stored in the attributes. */
    boolean accept(Map<?, ?> payload, Map<String, Object> attributes) {
        Object value = null;
        for (var entry : payload.entrySet()) {
            if (entry.getKey() instanceof String key && key.equalsIgnoreCase("authorization")) {
                value = entry.getValue();
            }
        }
        if (value == null) {
            return true;
        }
        if (!(value instanceof String header) || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        var token = header.substring(BEARER.length()).strip();
        try {
            attributes.put(ConnectionAttributes.USER, tokens.authenticate(token));
            attributes.put(ConnectionAttributes.AUTHORIZATION, BEARER + token);
            return true;
        } catch (BearerTokens.InvalidTokenException e) {
            return false;
        }
    }
}
