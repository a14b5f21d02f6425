package com.refractoryatlas.gateway.security;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * What a client is told when its token is refused: the rule it broke, never the decoder's raw text (which can hold
 * the identity provider's address or library internals).
 */
final class TokenRejections {

    private static final String DECODER_PREFIX = "An error occurred while attempting to decode the Jwt: ";

    private TokenRejections() {}

    static String describe(AuthenticationException exception) {
        if (!(exception instanceof InvalidBearerTokenException)) {
            return "A bearer token is required for this request";
        }
        var message = String.valueOf(exception.getMessage());
        if (message.startsWith(DECODER_PREFIX)) {
            message = message.substring(DECODER_PREFIX.length());
        }
        if (message.startsWith("The token")) {
            return message;
        }
        return known(message);
    }

    private static String known(String message) {
        if (message.startsWith("Jwt expired at")) {
            return "The token expired (" + message.substring("Jwt ".length()) + ")";
        }
        if (message.startsWith("Jwt used before")) {
            return "The token is not valid yet (nbf)";
        }
        if (message.contains("signature") || message.contains("Signed JWT rejected")) {
            return "The token's signature is not trusted";
        }
        if (message.contains("JWK") || message.contains("jwk")) {
            return "The token could not be checked against the identity provider's keys; try again later";
        }
        if (message.contains("Malformed") || message.contains("Invalid JWT") || message.contains("parse")) {
            return "The token is not a well-formed signed JWT";
        }
        return "The token is not valid";
    }
}
