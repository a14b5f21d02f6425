package com.refractoryatlas.gateway.security;

import com.refractoryatlas.gateway.edge.RequestIds;
import java.util.Map;
import java.util.TreeSet;

/**
 * Who a subgraph call is made for, in the headers every transport sends (GraphQL over HTTP, WebSocket, SSE): the
 * request id, the internal credential, the user's roles and, for a signed-in user, their id. One place, so that a
 * subscription's calls carry exactly what a query's do.
 */
public final class SubgraphIdentity {

    public static final String SERVICE_TOKEN_HEADER = "X-Atlas-Service-Token";
    public static final String USER_ROLES_HEADER = "X-Atlas-User-Roles";
    /** The authenticated user's id (the token's subject), e.g. for the import service's per-importer jobs. */
    public static final String USER_ID_HEADER = "X-Atlas-User-Id";

    /** Sent as the roles of a caller without a token, so that a subgraph never mistakes it for one of our services. */
    static final String ANONYMOUS_ROLE = "anonymous";
    /** Sent as the roles of an authenticated caller holding none. */
    static final String USER_ROLE = "user";

    private SubgraphIdentity() {}

    /** Adds the identity headers to {@code headers}, after whatever the caller put there first. */
    public static void add(Map<String, String> headers, UserContext user, String requestId, String serviceToken) {
        headers.put(RequestIds.HEADER, requestId);
        headers.put(SERVICE_TOKEN_HEADER, serviceToken);
        headers.put(USER_ROLES_HEADER, roles(user));
        if (user.authenticated() && user.subject() != null) {
            headers.put(USER_ID_HEADER, user.subject());
        }
    }

    /** Never empty: a subgraph treats a credential without roles as one of our own services acting for itself. */
    static String roles(UserContext user) {
        if (!user.authenticated()) {
            return ANONYMOUS_ROLE;
        }
        return user.roles().isEmpty() ? USER_ROLE : String.join(",", new TreeSet<>(user.roles()));
    }
}
