package com.refractoryatlas.gateway.edge;

import io.github.bucket4j.Bucket;
import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Charges the operations of a request to its client's token bucket once their cost is known, which is only after
 * the body is parsed: one token per started {@code tokenCost} of estimated cost, at least one per operation.
 */
public final class RateLimits {

    static final String BUCKET_ATTRIBUTE = RateLimits.class.getName() + ".bucket";

    private RateLimits() {}

    /** What a charge did: {@code retryAfterSeconds} is set when the bucket could not pay. */
    public record Charge(boolean paid, long retryAfterSeconds) {}

    /** Takes the operation's tokens from the request's bucket; paid when rate limiting is off for the request. */
    public static Charge charge(HttpServletRequest request, long estimatedCost, long tokenCost) {
        return charge(bucketOf(request), estimatedCost, tokenCost);
    }

    /**
     * The request's bucket, kept by a transport that charges later operations to it (a WebSocket connection charges
     * each subscribe to the bucket of its handshake); null when rate limiting is off for the request.
     */
    public static @Nullable Object bucketOf(HttpServletRequest request) {
        return request.getAttribute(BUCKET_ATTRIBUTE);
    }

    /** Takes the operation's tokens from a bucket {@link #bucketOf} gave; paid when there is none. */
    public static Charge charge(@Nullable Object bucketOrNull, long estimatedCost, long tokenCost) {
        if (!(bucketOrNull instanceof Bucket bucket)) {
            return new Charge(true, 0);
        }
        long tokens = Math.max(1, (Math.max(0, estimatedCost) + tokenCost - 1) / tokenCost);
        var probe = bucket.tryConsumeAndReturnRemaining(tokens);
        if (probe.isConsumed()) {
            return new Charge(true, 0);
        }
        return new Charge(false, Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1));
    }
}
