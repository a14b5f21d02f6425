package com.refractoryatlas.gateway.tracing;

import io.micrometer.tracing.Tracer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes the gateway's current span the parent of the subgraph calls: the edge forwards the request's
 * {@code traceparent} to the subgraphs, so this filter (running inside the server observation) presents the
 * gateway's own span context as that header, and answers the trace id in {@code X-Trace-Id} (errors included) so a
 * client can quote it. Without a tracer (tracing off) it does nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class TraceContextFilter extends OncePerRequestFilter {

    static final String TRACEPARENT = "traceparent";
    static final String TRACE_ID_HEADER = "X-Trace-Id";

    private final ObjectProvider<Tracer> tracer;

    TraceContextFilter(ObjectProvider<Tracer> tracer) {
        this.tracer = tracer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var traceparent = currentTraceparent();
        if (traceparent == null) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(TRACE_ID_HEADER, traceparent.split("-")[1]);
        chain.doFilter(new TraceparentRequest(request, traceparent), response);
    }

    private @Nullable String currentTraceparent() {
        var current = tracer.getIfAvailable();
        var span = current == null ? null : current.currentSpan();
        if (span == null) {
            return null;
        }
        var context = span.context();
        var flags = Boolean.TRUE.equals(context.sampled()) ? "01" : "00";
        return "00-" + context.traceId() + "-" + context.spanId() + "-" + flags;
    }

    /** The request as the edge sees it: its {@code traceparent} is the gateway's current span. */
    private static final class TraceparentRequest extends HttpServletRequestWrapper {

        private final String traceparent;

        TraceparentRequest(HttpServletRequest request, String traceparent) {
            super(request);
            this.traceparent = traceparent;
        }

        @Override
        public @Nullable String getHeader(String name) {
            return isTraceparent(name) ? traceparent : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return isTraceparent(name)
                    ? Collections.enumeration(java.util.List.of(traceparent))
                    : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            var names = new ArrayList<String>();
            var original = super.getHeaderNames();
            while (original.hasMoreElements()) {
                var name = original.nextElement();
                if (!isTraceparent(name)) {
                    names.add(name);
                }
            }
            names.add(TRACEPARENT);
            return Collections.enumeration(names);
        }

        private static boolean isTraceparent(String name) {
            return TRACEPARENT.equals(name.toLowerCase(Locale.ROOT));
        }
    }
}
