package com.refractoryatlas.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.gateway.TestProperties;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

class RateLimitFilterTests {

    final RateLimitFilter filter = new RateLimitFilter(TestProperties.edge(Map.of(
                    "atlas.gateway.edge.rate-limit.capacity", "2",
                    "atlas.gateway.edge.rate-limit.refill-tokens", "1",
                    "atlas.gateway.edge.rate-limit.refill-period", "1h"))
            .rateLimit());

    @AfterEach
    void clearContext() {
        SecurityContextHolder.clearContext();
    }

    private MockHttpServletResponse send(String address) throws Exception {
        var request = new MockHttpServletRequest("POST", "/graphql");
        request.setRemoteAddr(address);
        var response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void answers429WithRetryAfterOnceTheBucketIsEmpty() throws Exception {
        assertThat(send("10.0.0.1").getStatus()).isEqualTo(200);
        assertThat(send("10.0.0.1").getStatus()).isEqualTo(200);
        var limited = send("10.0.0.1");
        assertThat(limited.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(limited.getHeader("Retry-After"))).isBetween(1L, 3600L);
        assertThat(limited.getContentAsString()).contains("RATE_LIMITED").contains("requestId");
    }

    @Test
    void keepsOneBucketPerClientAddress() throws Exception {
        send("10.0.0.2");
        send("10.0.0.2");
        assertThat(send("10.0.0.2").getStatus()).isEqualTo(429);
        assertThat(send("10.0.0.3").getStatus()).isEqualTo(200);
    }

    @Test
    void keysAuthenticatedClientsByTheirSubjectWhateverTheirAddress() throws Exception {
        var authentication = new TestingAuthenticationToken("alice", null, "ROLE_editor");
        SecurityContextHolder.getContext().setAuthentication(authentication);
        send("10.0.0.4");
        send("10.0.0.5");
        assertThat(send("10.0.0.6").getStatus()).isEqualTo(429);
        SecurityContextHolder.clearContext();
        assertThat(send("10.0.0.6").getStatus()).isEqualTo(200);
    }
}
