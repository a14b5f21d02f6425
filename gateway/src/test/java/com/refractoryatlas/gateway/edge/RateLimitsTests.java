package com.refractoryatlas.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class RateLimitsTests {

    private static MockHttpServletRequest requestWithBucket(long capacity) {
        var request = new MockHttpServletRequest();
        request.setAttribute(
                RateLimits.BUCKET_ATTRIBUTE,
                Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(capacity)
                                .refillGreedy(1, Duration.ofHours(1))
                                .build())
                        .build());
        return request;
    }

    @Test
    void chargesEveryOperationAtLeastOneTokenAndCostlyOnesPerStartedTokenCost() {
        var request = requestWithBucket(12);
        for (int i = 0; i < 10; i++) {
            assertThat(RateLimits.charge(request, 661, 1000).paid()).isTrue();
        }
        assertThat(RateLimits.charge(request, 1001, 1000).paid()).isTrue();
        var refused = RateLimits.charge(request, 0, 1000);
        assertThat(refused.paid()).isFalse();
        assertThat(refused.retryAfterSeconds()).isPositive();
    }

    @Test
    void aCostlyOperationPaysForItsCost() {
        var request = requestWithBucket(7);
        assertThat(RateLimits.charge(request, 6862, 1000).paid()).isTrue();
        assertThat(RateLimits.charge(request, 1, 1000).paid()).isFalse();
    }

    @Test
    void paysNothingWhenRateLimitingIsOff() {
        assertThat(RateLimits.charge(new MockHttpServletRequest(), Long.MAX_VALUE, 1)
                        .paid())
                .isTrue();
    }
}
