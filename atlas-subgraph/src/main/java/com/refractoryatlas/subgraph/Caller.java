package com.refractoryatlas.subgraph;

import graphql.GraphQLContext;
import java.util.Set;

/**
 * Who sent a GraphQL request to this subgraph, as established by {@link ServiceCredentialInterceptor}. Subgraphs
 * accept writes only from callers holding the internal service credential (the gateway and the import service), so
 * a request sent straight to a subgraph from outside cannot write. End-user roles are trusted only when they come
 * with that credential: the gateway sets them after validating the user's token.
 *
 * @param kind whether and how the caller presented the internal credential
 * @param roles end-user roles forwarded by the gateway ({@code importer}, {@code editor}), empty otherwise
 */
public record Caller(Kind kind, Set<String> roles) {

    /** The header carrying the internal service credential. */
    public static final String SERVICE_TOKEN_HEADER = "X-Atlas-Service-Token";

    /** The header carrying the end user's roles, comma-separated; trusted only with a valid service token. */
    public static final String USER_ROLES_HEADER = "X-Atlas-User-Roles";

    static final String CONTEXT_KEY = Caller.class.getName();

    private static final Caller ANONYMOUS = new Caller(Kind.ANONYMOUS, Set.of());

    public Caller {
        roles = Set.copyOf(roles);
    }

    /** How the caller authenticated. */
    public enum Kind {
        /** No credential presented. */
        ANONYMOUS,
        /** A credential was presented but it is not the internal one. */
        INVALID_CREDENTIAL,
        /** The gateway or another of our services. */
        SERVICE
    }

    /** The caller of the current request; anonymous when the request did not pass through the interceptor. */
    public static Caller from(GraphQLContext context) {
        return context.getOrDefault(CONTEXT_KEY, ANONYMOUS);
    }

    /** Throws UNAUTHENTICATED or FORBIDDEN unless the caller holds the internal service credential. */
    public void requireService() {
        switch (kind) {
            case SERVICE -> {}
            case ANONYMOUS ->
                throw new ApiException(
                        ErrorCode.UNAUTHENTICATED, "This mutation needs the internal service credential", null);
            case INVALID_CREDENTIAL ->
                throw new ApiException(ErrorCode.FORBIDDEN, "The internal service credential is not valid", null);
        }
    }

    /**
     * Throws unless the caller is one of our services acting for a user holding {@code role} (or acting on its own
     * behalf when {@code allowServiceItself}, as the import service does).
     */
    public void requireRole(String role, boolean allowServiceItself) {
        requireService();
        if (roles.contains(role) || (allowServiceItself && roles.isEmpty())) {
            return;
        }
        throw new ApiException(ErrorCode.FORBIDDEN, "This mutation needs the role '" + role + "'", null);
    }
}
