package com.refractoryatlas.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limits invalid bearer tokens per client address (Bucket4j): each rejected token takes one from the client's
 * bucket, and while it is empty a request carrying a bearer token is answered 429 before its token is even
 * validated, which bounds guessing and the signature checks a client can make us do. Requests without a token, and
 * clients that send valid ones, never draw from it. Buckets live in this replica only: N replicas allow N times the
 * burst, which still bounds guessing; a shared store would need a shared cache this system does not run.
 */
final class InvalidTokenThrottle extends OncePerRequestFilter {

    private final TokenProperties.InvalidTokens settings;
    private final Cache<String, Bucket> buckets;

    InvalidTokenThrottle(TokenProperties.InvalidTokens settings) {
        this.settings = settings;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(settings.maxClients())
                .expireAfterAccess(settings.refillPeriod().multipliedBy(2))
                .build();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (settings.enabled() && carriesBearerToken(request) && exhausted(request)) {
            response.setHeader(
                    HttpHeaders.RETRY_AFTER,
                    String.valueOf(settings.refillPeriod().toSeconds()));
            com.refractoryatlas.gateway.edge.EdgeErrors.write(
                    request,
                    response,
                    429,
                    "RATE_LIMITED",
                    "Too many invalid bearer tokens from this client; wait before sending another");
            return;
        }
        chain.doFilter(request, response);
    }

    /** Records one rejected token of this client. */
    void rejected(HttpServletRequest request) {
        if (settings.enabled()) {
            bucket(request).tryConsume(1);
        }
    }

    private boolean exhausted(HttpServletRequest request) {
        var bucket = buckets.getIfPresent(request.getRemoteAddr());
        return bucket != null && bucket.getAvailableTokens() <= 0;
    }

    private Bucket bucket(HttpServletRequest request) {
        return buckets.get(request.getRemoteAddr(), address -> Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(settings.capacity())
                        .refillGreedy(settings.capacity(), settings.refillPeriod())
                        .build())
                .build());
    }

    private static boolean carriesBearerToken(HttpServletRequest request) {
        var authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }
}
