package com.refractoryatlas.gateway.edge;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A token bucket per client (Bucket4j), keyed by the authenticated subject, else the client address, so that one
 * client cannot starve the others. Runs after authentication, answers 429 with {@code Retry-After}. The request
 * pays one token here; the GraphQL endpoint charges each operation of it by its cost ({@link RateLimits}), so a
 * batch of costly operations is not one token.
 */
class RateLimitFilter extends OncePerRequestFilter {

    static final String RATE_LIMITED = "RATE_LIMITED";

    private final EdgeProperties.RateLimit settings;
    private final Cache<String, Bucket> buckets;

    RateLimitFilter(EdgeProperties.RateLimit settings) {
        this.settings = settings;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(settings.maxClients())
                .expireAfterAccess(Duration.ofHours(1))
                .build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !settings.enabled() || request.getRequestURI().startsWith("/actuator");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var bucket = buckets.get(clientKey(request), key -> newBucket());
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            request.setAttribute(RateLimits.BUCKET_ATTRIBUTE, bucket);
            response.setHeader("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
            chain.doFilter(request, response);
            return;
        }
        long retryAfterSeconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        EdgeErrors.write(request, response, 429, RATE_LIMITED, "Too many requests; retry after the given seconds");
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(settings.capacity())
                        .refillGreedy(settings.refillTokens(), settings.refillPeriod())
                        .build())
                .build();
    }

    static String clientKey(HttpServletRequest request) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "subject:" + authentication.getName();
        }
        return "address:" + request.getRemoteAddr();
    }
}
