package com.refractoryatlas.subgraph;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;
import org.jspecify.annotations.Nullable;

/**
 * Ends an exchange that has not finished (answer read to its end, or closed) within the deadline, however the time
 * went: waiting for the answer, or reading an answer that trickles in slower than the response timeout notices. This
 * keeps the meaning our timeouts had on the JDK client through Spring's factory: one bound on the whole call. The
 * connection is closed from the JDK's shared delay thread ({@link CompletableFuture#completeOnTimeout}); the caller
 * then sees a {@link SocketTimeoutException}.
 */
final class ExchangeDeadline implements ExecChainHandler {

    private final Duration deadline;

    ExchangeDeadline(Duration deadline) {
        this.deadline = deadline;
    }

    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        var expiry = new Expiry(new CompletableFuture<>(), System.nanoTime());
        expiry.timer()
                .completeOnTimeout(null, deadline.toNanos(), TimeUnit.NANOSECONDS)
                .thenRun(scope.execRuntime::discardEndpoint);
        ClassicHttpResponse response;
        try {
            response = chain.proceed(request, scope);
        } catch (IOException | RuntimeException failure) {
            // closing the connection under the exchange fails it in many ways, depending on where it was
            boolean expired = expiry.passed(deadline);
            expiry.end();
            if (expired) {
                throw timeout();
            }
            throw failure;
        } catch (HttpException failure) {
            expiry.end();
            throw failure;
        }
        var entity = response.getEntity();
        if (entity == null) {
            expiry.end();
            return response;
        }
        // the body still to be read keeps the deadline running until it is closed
        response.setEntity(new BoundedEntity(entity, expiry));
        return response;
    }

    /**
     * Without a cause: "socket closed" (or "endpoint already released") is only how the deadline ended the call, and
     * would hide it from whoever reports the root cause.
     */
    private SocketTimeoutException timeout() {
        return new SocketTimeoutException("no complete answer within " + deadline);
    }

    /** The failure itself, as an {@link IOException} whatever it is, for a read to throw. */
    private static IOException rethrown(Exception failure) {
        if (failure instanceof IOException io) {
            return io;
        }
        throw (RuntimeException) failure;
    }

    /** One exchange's timer (completed when the deadline passes, cancelled when the exchange ends) and start. */
    private record Expiry(CompletableFuture<@Nullable Void> timer, long startNanos) {

        boolean passed(Duration deadline) {
            boolean fired = timer.isDone() && !timer.isCompletedExceptionally();
            return fired || System.nanoTime() - startNanos >= deadline.toNanos();
        }

        void end() {
            timer.cancel(false);
        }
    }

    /** An answer whose reads fail as timeouts once the deadline has passed, and whose closing ends the deadline. */
    private final class BoundedEntity extends HttpEntityWrapper {

        private final Expiry expiry;

        BoundedEntity(HttpEntity entity, Expiry expiry) {
            super(entity);
            this.expiry = expiry;
        }

        @Override
        public InputStream getContent() throws IOException {
            return new BoundedStream(super.getContent());
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                expiry.end();
            }
        }

        private final class BoundedStream extends FilterInputStream {

            BoundedStream(InputStream in) {
                super(in);
            }

            @Override
            public int read() throws IOException {
                try {
                    return super.read();
                } catch (IOException | RuntimeException failure) {
                    throw expiry.passed(deadline) ? timeout() : rethrown(failure);
                }
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                try {
                    return super.read(buffer, offset, length);
                } catch (IOException | RuntimeException failure) {
                    throw expiry.passed(deadline) ? timeout() : rethrown(failure);
                }
            }

            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    expiry.end();
                }
            }
        }
    }
}
