package com.refractoryatlas.gateway.subscription;

import com.refractoryatlas.gateway.security.BearerTokens;
import java.util.Map;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketSessionInfo;
import reactor.core.publisher.Mono;

/**
 * Authenticates a WebSocket connection from its {@code connection_init} payload, {@code {"Authorization": "Bearer
 * <token>"}} (the key case-insensitive), which is how browser clients such as graphql-ws and Apollo's GraphQLWsLink
 * send a token ({@code connectionParams}). A token there replaces one of the handshake's {@code Authorization} header;
 * a malformed or refused token closes the connection (Spring for GraphQL closes it with 4401 Unauthorized).
 */
final class ConnectionInitInterceptor implements WebSocketGraphQlInterceptor {

    private static final String BEARER = "Bearer ";

    private final BearerTokens tokens;

    ConnectionInitInterceptor(BearerTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo info, Map<String, Object> payload) {
        Object value = null;
        for (var entry : payload.entrySet()) {
            if (entry.getKey().equalsIgnoreCase("authorization")) {
                value = entry.getValue();
            }
        }
        if (value == null) {
            return Mono.empty();
        }
        if (!(value instanceof String header) || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Mono.error(new IllegalArgumentException("connection_init Authorization must be 'Bearer <token>'"));
        }
        var token = header.substring(BEARER.length()).strip();
        try {
            var user = tokens.authenticate(token);
            info.getAttributes().put(ConnectionAttributes.USER, user);
            info.getAttributes().put(ConnectionAttributes.AUTHORIZATION, BEARER + token);
            return Mono.empty();
        } catch (BearerTokens.InvalidTokenException e) {
            return Mono.error(e);
        }
    }
}
