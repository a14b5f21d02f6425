package com.refractoryatlas.subgraph;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads at most {@code maxBytes} of any request body, within {@code maxReadTime}. A declared {@code Content-Length}
 * above the limit is answered 413 without reading a byte; a chunked body is cut off, and the request fails, as soon
 * as it passes the limit, so a subgraph never holds more than the limit of one request in memory. A body still
 * arriving after the read time (one byte every few seconds keeps every single read inside Tomcat's timeout) fails
 * the same way at its next byte, so a slow client cannot hold a request thread open.
 */
final class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final Duration maxReadTime;

    RequestBodyLimitFilter(long maxBytes, Duration maxReadTime) {
        this.maxBytes = maxBytes;
        this.maxReadTime = maxReadTime;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            tooLarge(response);
            return;
        }
        chain.doFilter(new Limited(request, maxBytes, System.nanoTime() + maxReadTime.toNanos()), response);
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setContentType("application/json");
        response.setHeader("Connection", "close");
        var body = "{\"errors\":[{\"message\":\"The request body is larger than " + maxBytes
                + " bytes\",\"extensions\":{\"code\":\"PAYLOAD_TOO_LARGE\"}}]}";
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    /** The request with a body stream that fails past the limit. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final long maxBytes;
        private final long deadline;
        private @Nullable ServletInputStream stream;

        Limited(HttpServletRequest request, long maxBytes, long deadline) {
            super(request);
            this.maxBytes = maxBytes;
            this.deadline = deadline;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), maxBytes, deadline);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long maxBytes;
        private final long deadline;
        private long read;

        LimitedStream(ServletInputStream in, long maxBytes, long deadline) {
            this.in = in;
            this.maxBytes = maxBytes;
            this.deadline = deadline;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > maxBytes) {
                throw new IOException("request body larger than " + maxBytes + " bytes");
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IOException("request body still arriving after its read time");
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
