package com.refractoryatlas.gateway.edge;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Typed GraphQL error bodies for requests the edge turns away before any GraphQL runs (too large, too many, not
 * authenticated), so that clients parse one error shape whatever layer answered.
 */
public final class EdgeErrors {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EdgeErrors() {}

    /** One GraphQL error with {@code extensions.code} and {@code extensions.requestId}. */
    public static Map<String, Object> error(String message, String code, String requestId) {
        var extensions = new LinkedHashMap<String, Object>();
        extensions.put("code", code);
        extensions.put("requestId", requestId);
        var error = new LinkedHashMap<String, Object>();
        error.put("message", message);
        error.put("extensions", extensions);
        return error;
    }

    /** A GraphQL response holding only errors. */
    public static Map<String, Object> response(List<Map<String, Object>> errors) {
        return Map.of("errors", errors);
    }

    /** Writes a response with one typed error and the given status. */
    /**
     * The message for a request body over the limit, in the words of the docs: the limit by name and size, and what
     * it means for a document (sent as base64, it takes 4/3 of its size).
     */
    public static String bodyTooLarge(long maxBytes) {
        return String.format(
                java.util.Locale.ROOT,
                "The request body is larger than %,d bytes (limit: request bytes); a document sent to importDocument"
                        + " as base64 takes 4/3 of its size",
                maxBytes);
    }

    public static void write(
            HttpServletRequest request, HttpServletResponse response, int status, String code, String message)
            throws IOException {
        String requestId = RequestIds.of(request);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader(RequestIds.HEADER, requestId);
        response.getOutputStream().write(JSON.writeValueAsBytes(response(List.of(error(message, code, requestId)))));
    }
}
