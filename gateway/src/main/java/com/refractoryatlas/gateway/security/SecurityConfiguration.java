package com.refractoryatlas.gateway.security;

import com.refractoryatlas.gateway.edge.EdgeErrors;
import com.refractoryatlas.gateway.edge.EdgeProperties;
import java.nio.charset.StandardCharsets;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
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
class SecurityConfiguration {

    static final int MIN_SECRET_BYTES = 32;

    /** Same-origin assets only; GraphiQL needs inline styles, its bootstrap script is a same-origin file. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, EdgeProperties properties) throws Exception {
        var entryPoint = entryPoint();
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
    JwtDecoder jwtDecoder(EdgeProperties properties) {
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
        String issuer = properties.issuerOrNull();
        decoder.setJwtValidator(
                issuer == null ? JwtValidators.createDefault() : JwtValidators.createDefaultWithIssuer(issuer));
        return decoder;
    }

    private static JwtAuthenticationConverter authenticationConverter(EdgeProperties properties) {
        var authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(properties.auth().rolesClaim());
        authorities.setAuthorityPrefix(UserContext.ROLE_PREFIX);
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

    private static AuthenticationEntryPoint entryPoint() {
        var bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, exception) -> {
            bearer.commence(request, response, exception);
            EdgeErrors.write(
                    request,
                    response,
                    response.getStatus(),
                    "UNAUTHENTICATED",
                    "A valid bearer token is required; the one sent is missing, expired or not trusted");
        };
    }

    private static AccessDeniedHandler accessDeniedHandler() {
        return (request, response, exception) ->
                EdgeErrors.write(request, response, 403, "FORBIDDEN", "The bearer token does not allow this request");
    }
}
