package com.refractoryatlas.subgraph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestIdFilterTests {

    private final RequestIdFilter filter = new RequestIdFilter();

    @Test
    void logsAndEchoesTheGatewaysRequestId() throws Exception {
        var seen = new AtomicReference<String>();
        var request = new MockHttpServletRequest("POST", "/graphql");
        request.addHeader(RequestIdFilter.HEADER, "req-42:abc");
        var response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> seen.set(MDC.get(RequestIdFilter.MDC_KEY)));
        assertThat(seen).hasValue("req-42:abc");
        assertThat(response.getHeader(RequestIdFilter.HEADER)).isEqualTo("req-42:abc");
        assertThat(MDC.get(RequestIdFilter.MDC_KEY))
                .as("cleared after the request")
                .isNull();
    }

    @Test
    void replacesAMalformedIdRatherThanLoggingIt() throws Exception {
        var seen = new AtomicReference<String>();
        var request = new MockHttpServletRequest("POST", "/graphql");
        request.addHeader(RequestIdFilter.HEADER, "evil\n{\"level\":\"ERROR\"}");
        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> seen.set(MDC.get("requestId")));
        assertThat(seen.get()).matches("[0-9a-f-]{36}");
    }
}
