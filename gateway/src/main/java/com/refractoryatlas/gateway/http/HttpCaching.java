package com.refractoryatlas.gateway.http;

import com.refractoryatlas.gateway.edge.EdgeProperties;
import com.refractoryatlas.gateway.security.UserContext;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * HTTP caching for anonymous GET reads, so that mobile clients and CDNs can reuse an answer (a persisted query sent
 * by hash is a stable URL): a successful answer without errors gets {@code Cache-Control: public, max-age} and an
 * {@code ETag} of its bytes, and a matching {@code If-None-Match} gets 304 without a body. Anything sent with
 * credentials, or with errors, keeps the default {@code no-store}.
 */
final class HttpCaching {

    private HttpCaching() {}

    static ResponseEntity<byte[]> respond(
            ServerRequest request, ResponseEntity<byte[]> answer, EdgeProperties.HttpCache settings, UserContext user) {
        byte[] body = answer.getBody();
        if (!settings.enabled()
                || user.authenticated()
                || request.headers().firstHeader(HttpHeaders.AUTHORIZATION) != null
                || answer.getStatusCode().value() != 200
                || body == null
                || hasErrors(body)) {
            return answer;
        }
        String etag = etag(body);
        var headers = new HttpHeaders();
        headers.putAll(answer.getHeaders());
        headers.setETag(etag);
        headers.setCacheControl(CacheControl.maxAge(settings.maxAge()).cachePublic());
        headers.setVary(java.util.List.of(HttpHeaders.ACCEPT));
        if (matches(request.headers().firstHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
            headers.remove(HttpHeaders.CONTENT_TYPE);
            return ResponseEntity.status(304).headers(headers).build();
        }
        return ResponseEntity.ok().headers(headers).body(body);
    }

    /** A top-level "errors" member: graphql-java and the edge both write it first, before "data". */
    private static boolean hasErrors(byte[] body) {
        if (body.length < ERRORS.length) {
            return false;
        }
        return Arrays.equals(Arrays.copyOf(body, ERRORS.length), ERRORS);
    }

    private static final byte[] ERRORS = "{\"errors\"".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /** Weak comparison (RFC 9110 8.8.3.2), which is what If-None-Match uses. */
    private static String weak(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            // weak: the same answer goes out gzipped or not (Tomcat compresses nothing with a strong ETag)
            return "W/\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static boolean matches(@Nullable String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || weak(tag).equals(weak(etag))) {
                return true;
            }
        }
        return false;
    }
}
