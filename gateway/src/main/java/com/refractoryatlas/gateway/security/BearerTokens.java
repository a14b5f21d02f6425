package com.refractoryatlas.gateway.security;

import com.refractoryatlas.gateway.edge.EdgeProperties;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

/**
 * Validates a bearer token that did not come in an {@code Authorization} header, such as the one a WebSocket client
 * sends in its {@code connection_init} payload (browsers cannot set headers on a WebSocket), by exactly the rules of
 * the HTTP requests: the same decoder, validators and roles claim.
 */
@Component
public class BearerTokens {

    private final JwtDecoder decoder;
    private final org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter
            converter;

    BearerTokens(JwtDecoder decoder, EdgeProperties properties) {
        this.decoder = decoder;
        this.converter = SecurityConfiguration.authenticationConverter(properties);
    }

    /**
     * The user the token stands for.
     *
     * @throws InvalidTokenException when the token is malformed, forged, expired or otherwise refused
     */
    public UserContext authenticate(String token) {
        try {
            return UserContext.from(converter.convert(decoder.decode(token)));
        } catch (JwtException e) {
            throw new InvalidTokenException(e.getMessage());
        }
    }

    /** A token the gateway does not accept. */
    public static final class InvalidTokenException extends RuntimeException {
        InvalidTokenException(String message) {
            super(message);
        }
    }
}
