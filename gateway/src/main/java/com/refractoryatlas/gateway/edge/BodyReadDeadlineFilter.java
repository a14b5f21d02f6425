package com.refractoryatlas.gateway.edge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A total deadline for reading the request body. Tomcat's own timeout ({@code server.tomcat.connection-timeout})
 * applies to each read, so a client sending one byte every few seconds (slowloris) would hold a connection and a
 * thread for as long as it likes; here every read after the deadline fails with {@link BodyReadTimeoutException},
 * which the endpoint answers with 408. A body is therefore cut at most one idle timeout after the deadline.
 */
class BodyReadDeadlineFilter extends OncePerRequestFilter {

    private final long timeoutNanos;

    BodyReadDeadlineFilter(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getContentLengthLong() == 0 || "GET".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new DeadlineRequest(request, System.nanoTime() + timeoutNanos, timeoutNanos), response);
    }

    private static final class DeadlineRequest extends HttpServletRequestWrapper {

        private final long deadlineNanos;
        private final long timeoutNanos;

        DeadlineRequest(HttpServletRequest request, long deadlineNanos, long timeoutNanos) {
            super(request);
            this.deadlineNanos = deadlineNanos;
            this.timeoutNanos = timeoutNanos;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            return new DeadlineInputStream(super.getInputStream(), deadlineNanos, timeoutNanos);
        }
    }

    private static final class DeadlineInputStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long deadlineNanos;
        private final long timeoutNanos;

        DeadlineInputStream(ServletInputStream in, long deadlineNanos, long timeoutNanos) {
            this.in = in;
            this.deadlineNanos = deadlineNanos;
            this.timeoutNanos = timeoutNanos;
        }

        @Override
        public int read() throws IOException {
            check();
            int b = in.read();
            check();
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            check();
            int n = in.read(buffer, offset, length);
            check();
            return n;
        }

        private void check() throws BodyReadTimeoutException {
            if (System.nanoTime() - deadlineNanos > 0) {
                throw new BodyReadTimeoutException(Duration.ofNanos(timeoutNanos));
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

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
