package com.refractoryatlas.gateway.security;

import com.refractoryatlas.gateway.edge.EdgeErrors;
import com.refractoryatlas.gateway.edge.EdgeProperties;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Bearer JWT authentication (a JWK set in production, an HMAC secret on the local stack), anonymous access for
 * queries unless configured otherwise, and the security headers every response carries. Authorization of
 * mutations happens per operation in {@link OperationGuard}, which can see what the operation is.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TokenProperties.class)
class SecurityConfiguration {

    static final int MIN_SECRET_BYTES = 32;

    /** Same-origin assets only; GraphiQL needs inline styles, its bootstrap script is a same-origin file. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, EdgeProperties properties, TokenProperties tokens)
            throws Exception {
        var throttle = new InvalidTokenThrottle(tokens.invalidTokens());
        var entryPoint = entryPoint(throttle);
        http.addFilterBefore(throttle, BearerTokenAuthenticationFilter.class);
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .cors(Customizer.withDefaults())
                .authorizeHttpRequests(requests -> {
                    if (properties.auth().requireAuth()) {
                        requests.requestMatchers("/graphql").authenticated();
                    }
                    requests.anyRequest().permitAll();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(authenticationConverter(properties)))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDeniedHandler()))
                .exceptionHandling(errors ->
                        errors.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDeniedHandler()))
                .headers(headers -> {
                    headers.contentTypeOptions(Customizer.withDefaults())
                            .frameOptions(frame -> frame.deny())
                            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                            .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY));
                    var hsts = properties.hsts();
                    if (hsts.enabled()) {
                        headers.httpStrictTransportSecurity(
                                strict -> strict.maxAgeInSeconds(hsts.maxAge().toSeconds())
                                        .includeSubDomains(hsts.includeSubDomains()));
                    } else {
                        headers.httpStrictTransportSecurity(strict -> strict.disable());
                    }
                });
        return http.build();
    }

    @Bean
    JwtDecoder jwtDecoder(EdgeProperties properties, TokenProperties tokens) {
        var auth = properties.auth();
        NimbusJwtDecoder decoder;
        if (!auth.jwkSetUri().isBlank()) {
            decoder = NimbusJwtDecoder.withJwkSetUri(auth.jwkSetUri()).build();
        } else {
            byte[] secret = auth.jwtSecret().getBytes(StandardCharsets.UTF_8);
            if (secret.length < MIN_SECRET_BYTES) {
                throw new IllegalStateException(
                        "ATLAS_JWT_SECRET must be at least " + MIN_SECRET_BYTES + " bytes long");
            }
            decoder = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(secret, "HmacSHA256"))
                    .macAlgorithm(MacAlgorithm.HS256)
                    .build();
        }
        decoder.setJwtValidator(validator(properties, tokens, Clock.systemUTC()));
        return decoder;
    }

    /**
     * Signature aside, what a token must satisfy: not expired nor used early, an expiry within the maximum lifetime,
     * a subject, and the configured issuer and audience.
     */
    static OAuth2TokenValidator<Jwt> validator(EdgeProperties properties, TokenProperties tokens, Clock clock) {
        var timestamps = new JwtTimestampValidator(tokens.clockSkew());
        timestamps.setClock(clock);
        var rules = new ArrayList<OAuth2TokenValidator<Jwt>>();
        rules.add(timestamps);
        rules.add(TokenRules.boundedLifetime(tokens.maxLifetime(), tokens.clockSkew(), clock));
        rules.add(TokenRules.subjectRequired());
        String issuer = properties.issuerOrNull();
        if (issuer != null) {
            rules.add(TokenRules.issuer(issuer));
        }
        if (!tokens.audience().isBlank()) {
            rules.add(TokenRules.audience(tokens.audience()));
        }
        return new DelegatingOAuth2TokenValidator<>(rules);
    }

    /** Roles from the configured claim path ({@code roles}, {@code realm_access.roles}, a namespaced claim). */
    static JwtAuthenticationConverter authenticationConverter(EdgeProperties properties) {
        var path = properties.auth().rolesClaim();
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> TokenRules.roles(jwt.getClaims(), path).stream()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority(UserContext.ROLE_PREFIX + role))
                .toList());
        return converter;
    }

    /** 401 saying what is wrong with the token (or that one is needed); every rejected token counts against its sender. */
    private static AuthenticationEntryPoint entryPoint(InvalidTokenThrottle throttle) {
        return (request, response, exception) -> {
            var description = TokenRejections.describe(exception);
            if (exception instanceof InvalidBearerTokenException) {
                throttle.rejected(request);
                response.setHeader(
                        HttpHeaders.WWW_AUTHENTICATE,
                        "Bearer error=\"invalid_token\", error_description=\"" + description.replace("\"", "'") + "\"");
            } else {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            }
            EdgeErrors.write(request, response, 401, "UNAUTHENTICATED", description);
        };
    }

    private static AccessDeniedHandler accessDeniedHandler() {
        return (request, response, exception) ->
                EdgeErrors.write(request, response, 403, "FORBIDDEN", "The bearer token does not allow this request");
    }
}
