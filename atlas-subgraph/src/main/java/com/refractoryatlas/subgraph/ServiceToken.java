package com.refractoryatlas.subgraph;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Where the internal service credential comes from. There is a well-known development token, but only the
 * {@code local} profile (which {@code ./atlas up} activates) may fall back to it: anywhere else a subgraph without a
 * configured secret refuses to start, because with a guessable token anyone who reaches it could write.
 */
final class ServiceToken {

    /** The token of the local stack and the tests; never accepted outside the {@code local} profile by default. */
    static final String LOCAL_DEVELOPMENT_TOKEN = "local-dev-service-token";

    static final String PROPERTY = "atlas.security.service-token";
    static final String LOCAL_PROFILE = "local";

    private static final Logger log = LoggerFactory.getLogger(ServiceToken.class);

    private ServiceToken() {}

    static String resolve(Environment environment) {
        var configured = environment.getProperty(PROPERTY, environment.getProperty("ATLAS_SERVICE_TOKEN", ""));
        if (!configured.isBlank()) {
            return configured;
        }
        if (environment.acceptsProfiles(Profiles.of(LOCAL_PROFILE))) {
            log.warn("No ATLAS_SERVICE_TOKEN set: using the local development token (profile 'local' only)");
            return LOCAL_DEVELOPMENT_TOKEN;
        }
        throw new IllegalStateException("No internal service credential configured. Set ATLAS_SERVICE_TOKEN (or "
                + PROPERTY + ") to the secret shared by the gateway and the services; the development token is only"
                + " used with the 'local' profile (SPRING_PROFILES_ACTIVE=local, as ./atlas up does).");
    }
}
