package com.refractoryatlas.gateway.security;

import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The end user behind a request, as established by a validated bearer token; anonymous when there was none. The
 * roles are what the gateway forwards to the subgraphs, which trust them only with the internal credential.
 *
 * @param subject the token's subject, absent for anonymous clients
 * @param roles the roles from the token's roles claim
 */
public record UserContext(@Nullable String subject, Set<String> roles) {

    static final String ROLE_PREFIX = "ROLE_";

    private static final UserContext ANONYMOUS = new UserContext(null, Set.of());

    public UserContext {
        roles = Set.copyOf(roles);
    }

    /** A client without a token. */
    public static UserContext anonymous() {
        return ANONYMOUS;
    }

    /** The user of the current request thread, from Spring Security's context. */
    public static UserContext current() {
        return from(SecurityContextHolder.getContext().getAuthentication());
    }

    static UserContext from(@Nullable Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken jwt) || !jwt.isAuthenticated()) {
            return ANONYMOUS;
        }
        Set<String> roles = jwt.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith(ROLE_PREFIX))
                .map(authority -> authority.substring(ROLE_PREFIX.length()))
                .collect(Collectors.toUnmodifiableSet());
        return new UserContext(jwt.getName(), roles);
    }

    /** True when a valid token came with the request. */
    public boolean authenticated() {
        return subject != null;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
