package com.refractoryatlas.gateway.subscription;

import com.refractoryatlas.gateway.edge.RateLimits;
import com.refractoryatlas.gateway.edge.RequestIds;
import com.refractoryatlas.gateway.security.UserContext;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * What a WebSocket connection keeps from its handshake, in the session's attributes: the user of a valid
 * {@code Authorization} header (replaced by the token of {@code connection_init} when it carries one), the client's
 * rate-limit bucket, a request id and its subscription count.
 */
final class ConnectionAttributes implements HandshakeInterceptor {

    static final String USER = ConnectionAttributes.class.getName() + ".user";
    static final String AUTHORIZATION = ConnectionAttributes.class.getName() + ".authorization";
    static final String BUCKET = ConnectionAttributes.class.getName() + ".bucket";
    static final String REQUEST_ID = ConnectionAttributes.class.getName() + ".requestId";
    static final String SUBSCRIPTIONS = ConnectionAttributes.class.getName() + ".subscriptions";

    @Override
    public boolean beforeHandshake(
            ServerHttpRequest request,
            ServerHttpResponse response,
            WebSocketHandler handler,
            Map<String, Object> attributes) {
        var user = UserContext.current();
        attributes.put(USER, user);
        var authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (user.authenticated() && authorization != null) {
            attributes.put(AUTHORIZATION, authorization);
        }
        if (request instanceof ServletServerHttpRequest servlet) {
            var bucket = RateLimits.bucketOf(servlet.getServletRequest());
            if (bucket != null) {
                attributes.put(BUCKET, bucket);
            }
            attributes.put(REQUEST_ID, RequestIds.of(servlet.getServletRequest()));
        }
        attributes.put(SUBSCRIPTIONS, new AtomicInteger());
        return true;
    }

    @Override
    public void afterHandshake(
            ServerHttpRequest request,
            ServerHttpResponse response,
            WebSocketHandler handler,
            @Nullable Exception exception) {}

    static UserContext user(Map<String, Object> attributes) {
        return attributes.get(USER) instanceof UserContext user ? user : UserContext.anonymous();
    }

    static @Nullable String authorization(Map<String, Object> attributes) {
        return attributes.get(AUTHORIZATION) instanceof String value ? value : null;
    }

    static String requestId(Map<String, Object> attributes) {
        return attributes.get(REQUEST_ID) instanceof String id ? id : "ws";
    }
}
