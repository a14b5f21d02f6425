package com.refractoryatlas.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.gateway.GatewayIntegrationTest;
import com.refractoryatlas.gateway.TestFederationEngine;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Slowloris over a real socket: the body trickles in one byte at a time, each gap shorter than Tomcat's idle read
 * timeout, so only the gateway's total body-read deadline (10 s by default) can end it.
 */
@GatewayIntegrationTest
class SlowUploadIntegrationTests {

    private static final Duration GAP = Duration.ofSeconds(2);

    @LocalServerPort
    int port;

    @Autowired
    TestFederationEngine engine;

    @Test
    void cutsABodyTrickledOneByteAtATimeWithATyped408() throws Exception {
        engine.forget();
        byte[] body = "{\"query\":\"{ condition(id: \\\"x\\\") { name } }\"}"
                .repeat(4)
                .getBytes(StandardCharsets.UTF_8);
        try (var socket = new Socket("127.0.0.1", port);
                var trickler = Executors.newVirtualThreadPerTaskExecutor()) {
            socket.setSoTimeout(40_000);
            var out = socket.getOutputStream();
            out.write(("POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "Content-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long started = System.nanoTime();
            trickler.submit(() -> trickle(out, body));

            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Duration closedAfter = Duration.ofNanos(System.nanoTime() - started);

            assertThat(answer)
                    .startsWith("HTTP/1.1 408")
                    .contains("\"code\":\"REQUEST_TIMEOUT\"")
                    .contains("\"requestId\"");
            assertThat(closedAfter)
                    .as("answered and closed at the deadline, long before the body could be sent in full")
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(9))
                    .isLessThan(Duration.ofSeconds(25));
            assertThat(engine.lastRequest()).isNull();
        }
    }

    private static Void trickle(OutputStream out, byte[] body) throws IOException, InterruptedException {
        for (byte b : body) {
            out.write(b);
            out.flush();
            Thread.sleep(GAP);
        }
        return null;
    }
}
