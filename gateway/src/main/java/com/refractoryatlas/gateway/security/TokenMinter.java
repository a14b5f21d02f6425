package com.refractoryatlas.gateway.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.refractoryatlas.gateway.edge.EdgeProperties;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Mints an HMAC-signed bearer token for the local stack, where there is no identity provider. Signs with
 * {@code ATLAS_JWT_SECRET} (or the local development default), exactly as the gateway validates it:
 *
 * <pre>
 * java -cp gateway/target/gateway-0.1.0-SNAPSHOT.jar \
 *   -Dloader.main=com.refractoryatlas.gateway.security.TokenMinter \
 *   org.springframework.boot.loader.launch.PropertiesLauncher --role importer --role editor --subject alice
 * </pre>
 */
public final class TokenMinter {

    private static final Duration DEFAULT_TTL = Duration.ofHours(8);

    private TokenMinter() {}

    /**
     * Prints one token to standard output. Options: {@code --role R} (repeatable), {@code --subject S}, {@code --ttl
     * PT1H}, {@code --audience A} (default {@code $ATLAS_JWT_AUDIENCE}).
     */
    public static void main(String[] args) {
        List<String> roles = new ArrayList<>();
        String subject = "local-user";
        String audience = System.getenv().getOrDefault("ATLAS_JWT_AUDIENCE", "");
        Duration ttl = DEFAULT_TTL;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--role" -> roles.add(args[i + 1]);
                case "--subject" -> subject = args[i + 1];
                case "--ttl" -> ttl = Duration.parse(args[i + 1]);
                case "--audience" -> audience = args[i + 1];
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        String secret = System.getenv().getOrDefault("ATLAS_JWT_SECRET", EdgeProperties.LOCAL_DEV_JWT_SECRET);
        System.out.println(mint(secret, subject, roles, Instant.now().plus(ttl), audience));
    }

    /** An HS256 token for {@code subject} with a {@code roles} claim, expiring at {@code expiresAt}. */
    public static String mint(String secret, String subject, List<String> roles, Instant expiresAt) {
        return mint(secret, subject, roles, expiresAt, "");
    }

    /**
     * The same with an audience ({@code aud}) when not blank: the gateway requires it once {@code ATLAS_JWT_AUDIENCE}
     * is set. Tokens always expire: the gateway refuses any without {@code exp} or valid longer than its maximum
     * lifetime (24 hours by default).
     */
    public static String mint(String secret, String subject, List<String> roles, Instant expiresAt, String audience) {
        var builder = new JWTClaimsSet.Builder()
                .subject(subject)
                .claim("roles", List.copyOf(roles))
                .issueTime(Date.from(Instant.now()))
                .expirationTime(Date.from(expiresAt));
        if (!audience.isBlank()) {
            builder.audience(audience);
        }
        var claims = builder.build();
        var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalArgumentException("Cannot sign with this secret (at least 32 bytes are needed)", e);
        }
        return jwt.serialize();
    }
}
