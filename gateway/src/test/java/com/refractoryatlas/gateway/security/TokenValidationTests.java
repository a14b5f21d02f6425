package com.refractoryatlas.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.refractoryatlas.gateway.edge.EdgeProperties;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

class TokenValidationTests {

    private static final String SECRET = EdgeProperties.LOCAL_DEV_JWT_SECRET;
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Nested
    class Claims {

        @Test
        void refusesATokenWithoutExpiryAndSaysSo() {
            var token = token(claims -> claims.subject("alice").issueTime(Date.from(NOW)));
            assertThatThrownBy(() -> decoder(Map.of()).decode(token))
                    .isInstanceOf(JwtValidationException.class)
                    .hasMessageContaining("The token has no expiry (exp)");
        }

        @Test
        void refusesATokenValidLongerThanTheMaximumLifetime() {
            var token = token(claims -> claims.subject("alice")
                    .issueTime(Date.from(NOW))
                    .expirationTime(Date.from(NOW.plus(Duration.ofDays(30)))));
            assertThatThrownBy(() -> decoder(Map.of()).decode(token))
                    .hasMessageContaining("valid for longer (iat to exp) than the PT24H allowed");
            var withoutIssueTime =
                    token(claims -> claims.subject("alice").expirationTime(Date.from(NOW.plus(Duration.ofDays(30)))));
            assertThatThrownBy(() -> decoder(Map.of()).decode(withoutIssueTime))
                    .hasMessageContaining("expires further ahead than the PT24H allowed");
        }

        @Test
        void acceptsAnOrdinaryToken() {
            var jwt = decoder(Map.of()).decode(valid("alice"));
            assertThat(jwt.getSubject()).isEqualTo("alice");
        }

        @Test
        void refusesATokenWithoutSubjectSayingSoRatherThanAskingForAValidToken() {
            var token = token(claims ->
                    claims.issueTime(Date.from(NOW)).expirationTime(Date.from(NOW.plus(Duration.ofHours(1)))));
            assertThatThrownBy(() -> decoder(Map.of()).decode(token))
                    .hasMessageContaining("The token has no subject (sub)");
        }

        @Test
        void checksTheAudienceOnlyWhenConfigured() {
            var audience = Map.of("atlas.gateway.tokens.audience", "atlas-api");
            assertThatThrownBy(() -> decoder(audience).decode(valid("alice")))
                    .hasMessageContaining("audience (aud) does not include atlas-api");
            var meant = token(claims -> claims.subject("alice")
                    .audience(List.of("other", "atlas-api"))
                    .issueTime(Date.from(NOW))
                    .expirationTime(Date.from(NOW.plus(Duration.ofHours(1)))));
            assertThat(decoder(audience).decode(meant).getAudience()).contains("atlas-api");
            assertThat(decoder(Map.of()).decode(valid("alice")).getSubject()).isEqualTo("alice");
        }

        @Test
        void refusesAnExpiredTokenWithItsExpiry() {
            var token = token(claims -> claims.subject("alice")
                    .issueTime(Date.from(NOW.minus(Duration.ofHours(3))))
                    .expirationTime(Date.from(NOW.minus(Duration.ofHours(2)))));
            assertThatThrownBy(() -> decoder(Map.of()).decode(token)).satisfies(e -> assertThat(
                            TokenRejections.describe(new InvalidBearerTokenException(e.getMessage(), e)))
                    .startsWith("The token expired"));
        }
    }

    @Nested
    class Roles {

        @Test
        void readsATopLevelClaim() {
            assertThat(TokenRules.roles(Map.of("roles", List.of("editor", "importer")), "roles"))
                    .containsExactly("editor", "importer");
        }

        @Test
        void readsKeycloaksRealmRolesThroughAPath() {
            var claims = Map.<String, Object>of("realm_access", Map.of("roles", List.of("editor")));
            assertThat(TokenRules.roles(claims, "realm_access.roles")).containsExactly("editor");
            assertThat(TokenRules.roles(claims, "realm_access.missing")).isEmpty();
            assertThat(TokenRules.roles(claims, "realm_access.roles.deeper")).isEmpty();
        }

        @Test
        void readsANamespacedClaimWhoseNameHasDots() {
            var claims = Map.<String, Object>of("https://atlas.example.com/roles", "editor importer");
            assertThat(TokenRules.roles(claims, "https://atlas.example.com/roles"))
                    .containsExactly("editor", "importer");
        }

        @Test
        void givesTheConverterRolesAsAuthorities() {
            var properties = edge(Map.of("atlas.gateway.edge.auth.roles-claim", "realm_access.roles"));
            var jwt = Jwt.withTokenValue("t")
                    .header("alg", "HS256")
                    .subject("alice")
                    .claim("realm_access", Map.of("roles", List.of("editor")))
                    .build();
            var authentication =
                    SecurityConfiguration.authenticationConverter(properties).convert(jwt);
            assertThat(UserContext.from(authentication).roles()).containsExactly("editor");
        }
    }

    @Nested
    class Rejections {

        @Test
        void neverShowsTheDecodersRawText() {
            var raw = new InvalidBearerTokenException("An error occurred while attempting to decode the Jwt: Couldn't"
                    + " retrieve remote JWK set: Connect to http://10.0.0.7:8443 failed");
            assertThat(TokenRejections.describe(raw)).doesNotContain("10.0.0.7").contains("identity provider's keys");
            var signature = new InvalidBearerTokenException(
                    "An error occurred while attempting to decode the Jwt: Signed JWT rejected: Invalid signature");
            assertThat(TokenRejections.describe(signature)).isEqualTo("The token's signature is not trusted");
        }

        @Test
        void throttlesAClientSendingInvalidTokens() throws Exception {
            var throttle =
                    new InvalidTokenThrottle(new TokenProperties.InvalidTokens(true, 3, Duration.ofMinutes(1), 10));
            for (int i = 0; i < 3; i++) {
                assertThat(send(throttle, "Bearer guess").getStatus()).isEqualTo(200);
                throttle.rejected(request("Bearer guess"));
            }
            var blocked = send(throttle, "Bearer guess");
            assertThat(blocked.getStatus()).isEqualTo(429);
            assertThat(blocked.getHeader("Retry-After")).isEqualTo("60");
            assertThat(send(throttle, null).getStatus())
                    .as("no token: not throttled")
                    .isEqualTo(200);
        }

        private MockHttpServletResponse send(InvalidTokenThrottle throttle, String authorization) throws Exception {
            var response = new MockHttpServletResponse();
            throttle.doFilter(request(authorization), response, new MockFilterChain());
            return response;
        }

        private MockHttpServletRequest request(String authorization) {
            var request = new MockHttpServletRequest("POST", "/graphql");
            request.setRemoteAddr("203.0.113.9");
            if (authorization != null) {
                request.addHeader("Authorization", authorization);
            }
            return request;
        }
    }

    static NimbusJwtDecoder decoder(Map<String, String> settings) {
        var decoder = NimbusJwtDecoder.withSecretKey(
                        new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        var tokens = new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("atlas.gateway.tokens", TokenProperties.class);
        decoder.setJwtValidator(
                SecurityConfiguration.validator(edge(settings), tokens, Clock.fixed(NOW, ZoneOffset.UTC)));
        return decoder;
    }

    static EdgeProperties edge(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("atlas.gateway.edge", EdgeProperties.class);
    }

    static String valid(String subject) {
        return token(claims -> claims.subject(subject)
                .issueTime(Date.from(NOW))
                .expirationTime(Date.from(NOW.plus(Duration.ofHours(1)))));
    }

    static String token(Consumer<JWTClaimsSet.Builder> claims) {
        try {
            var builder = new JWTClaimsSet.Builder();
            claims.accept(builder);
            var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), builder.build());
            jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
