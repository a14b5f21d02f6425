package com.refractoryatlas.gateway.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What a bearer token must satisfy beyond its signature, and how hard a client may try invalid ones. The roles
 * claim (a path such as {@code realm_access.roles}) is {@code atlas.gateway.edge.auth.roles-claim}.
 *
 * @param audience when set, the token's {@code aud} must contain it ({@code ATLAS_JWT_AUDIENCE})
 * @param maxLifetime the longest a token may be valid: {@code exp} is required, and neither {@code exp - iat} nor
 *     {@code exp - now} may exceed this, so a leaked token cannot be valid forever
 * @param clockSkew the tolerance between our clock and the identity provider's
 * @param invalidTokens the per-client budget of rejected tokens
 */
@Validated
@ConfigurationProperties("atlas.gateway.tokens")
record TokenProperties(
        @DefaultValue("") String audience,
        @DefaultValue("24h") Duration maxLifetime,
        @DefaultValue("60s") Duration clockSkew,
        @DefaultValue @Valid InvalidTokens invalidTokens) {

    /**
     * A token bucket per client address, drawn from by every rejected token; when empty, requests carrying a bearer
     * token get 429 without being validated, until the bucket refills.
     *
     * @param capacity rejected tokens a client may send in a burst
     * @param refillPeriod the time in which the whole capacity comes back
     * @param maxClients buckets kept (least recently used dropped)
     */
    record InvalidTokens(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("20") @Min(1) long capacity,
            @DefaultValue("1m") Duration refillPeriod,
            @DefaultValue("100000") @Min(1) long maxClients) {}
}
