package com.refractoryatlas.gateway.edge;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The id that ties a client's request to the gateway's log lines and to the subgraph calls made for it: taken from
 * the client's {@code x-request-id} when it is well-formed, generated otherwise, echoed in the response.
 */
public final class RequestIds {

    /** The request and response header. */
    public static final String HEADER = "x-request-id";

    static final String ATTRIBUTE = RequestIds.class.getName();

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestIds() {}

    /** The current request's id (one is generated if the request id filter has not run). */
    public static String of(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof String id) {
            return id;
        }
        String id = accept(request.getHeader(HEADER));
        request.setAttribute(ATTRIBUTE, id);
        return id;
    }

    /** The client's id when it is safe to echo and log, else a fresh one. */
    static String accept(@Nullable String candidate) {
        return candidate != null && WELL_FORMED.matcher(candidate).matches()
                ? candidate
                : UUID.randomUUID().toString();
    }
}
