package com.refractoryatlas.systemtests;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Bearer tokens the system's gateway accepts, made as its {@code TokenMinter} makes them (HS256, one hour). */
final class GatewayTokens {

    /** The gateway's default development secret (EdgeProperties.LOCAL_DEV_JWT_SECRET). */
    private static final String JWT_SECRET = "local-dev-only-jwt-secret-do-not-use-in-production";

    private GatewayTokens() {}

    /** A token for {@code subject} with role importer. */
    static String importer(String subject) {
        var encoder = Base64.getUrlEncoder().withoutPadding();
        var header = encoder.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8));
        long exp = Instant.now().plus(Duration.ofHours(1)).getEpochSecond();
        var claims = "{\"sub\":\"" + subject + "\",\"roles\":[\"importer\"],\"exp\":" + exp + "}";
        var payload = encoder.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(JWT_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            var signature =
                    encoder.encodeToString(mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII)));
            return header + "." + payload + "." + signature;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
