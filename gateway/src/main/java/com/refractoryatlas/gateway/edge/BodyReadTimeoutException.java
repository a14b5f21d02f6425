package com.refractoryatlas.gateway.edge;

import java.io.IOException;
import java.time.Duration;

/** The client took longer than the body-read deadline to send its request body: answered with 408. */
public final class BodyReadTimeoutException extends IOException {

    /** The {@code extensions.code} of the answer. */
    public static final String CODE = "REQUEST_TIMEOUT";

    private final Duration timeout;

    BodyReadTimeoutException(Duration timeout) {
        super("The request body was not received within " + timeout.toSeconds() + " s", null);
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }
}
