package com.refractoryatlas.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The claims rules every bearer token passes, each failing with a sentence that says what is wrong (they all start
 * with "The token", which is how {@link TokenRejections} knows they are safe to show), and the roles claim read
 * through a path.
 */
final class TokenRules {

    private TokenRules() {}

    /** {@code exp} present and within {@code maxLifetime} of {@code iat} and of now. */
    static OAuth2TokenValidator<Jwt> boundedLifetime(Duration maxLifetime, Duration clockSkew, Clock clock) {
        return jwt -> {
            Instant expiresAt = jwt.getExpiresAt();
            if (expiresAt == null) {
                return failure("The token has no expiry (exp); tokens without one are not accepted");
            }
            Instant issuedAt = jwt.getIssuedAt();
            if (issuedAt != null && Duration.between(issuedAt, expiresAt).compareTo(maxLifetime) > 0) {
                return failure("The token is valid for longer (iat to exp) than the " + maxLifetime + " allowed");
            }
            if (Duration.between(clock.instant(), expiresAt).compareTo(maxLifetime.plus(clockSkew)) > 0) {
                return failure("The token expires further ahead than the " + maxLifetime + " allowed");
            }
            return OAuth2TokenValidatorResult.success();
        };
    }

    static OAuth2TokenValidator<Jwt> subjectRequired() {
        return jwt -> jwt.getSubject() == null || jwt.getSubject().isBlank()
                ? failure("The token has no subject (sub): it names no user")
                : OAuth2TokenValidatorResult.success();
    }

    static OAuth2TokenValidator<Jwt> audience(String audience) {
        return jwt -> {
            var audiences = jwt.getAudience();
            return audiences != null && audiences.contains(audience)
                    ? OAuth2TokenValidatorResult.success()
                    : failure("The token is not meant for this API: its audience (aud) does not include " + audience);
        };
    }

    static OAuth2TokenValidator<Jwt> issuer(String issuer) {
        return jwt -> issuer.equals(jwt.getClaimAsString("iss"))
                ? OAuth2TokenValidatorResult.success()
                : failure("The token's issuer (iss) is not the trusted one");
    }

    /**
     * The roles at {@code path}: a top-level claim of that exact name first (namespaced claims such as
     * {@code https://example.com/roles} contain dots), else the dot-separated path through nested objects
     * ({@code realm_access.roles} in Keycloak). A list of strings, or one string of space- or comma-separated roles.
     */
    static List<String> roles(Map<String, Object> claims, String path) {
        Object value = claims.containsKey(path) ? claims.get(path) : walk(claims, path);
        if (value instanceof Collection<?> list) {
            var roles = new ArrayList<String>();
            list.stream()
                    .filter(String.class::isInstance)
                    .map(String.class::cast)
                    .forEach(roles::add);
            return List.copyOf(roles);
        }
        if (value instanceof String text) {
            return List.of(text.trim().split("[\\s,]+")).stream()
                    .filter(role -> !role.isEmpty())
                    .toList();
        }
        return List.of();
    }

    private static @Nullable Object walk(Map<String, Object> claims, String path) {
        Object current = claims;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    private static OAuth2TokenValidatorResult failure(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
