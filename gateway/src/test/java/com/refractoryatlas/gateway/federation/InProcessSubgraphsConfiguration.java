package com.refractoryatlas.gateway.federation;

import java.util.List;
import java.util.Map;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Runs the real federation engine of the application context against {@link TestSubgraphs} instead of HTTP, so that
 * tests outside this package (the HTTP edge's end-to-end tests) can exercise the whole gateway in-process.
 */
@TestConfiguration(proxyBeanMethods = false)
public class InProcessSubgraphsConfiguration {

    @Bean
    @Primary
    TestSubgraphs inProcessSubgraphs() {
        return new TestSubgraphs();
    }

    /**
     * The headers of every request made for clients that the in-process subgraphs received, oldest first; the
     * engine's own periodic SDL fetches (which may land at any moment of a test) are left out.
     */
    public static List<Map<String, String>> headersReceived(SubgraphTransport subgraphs) {
        return ((TestSubgraphs) subgraphs)
                .received.stream()
                        .filter(received -> !SupergraphEngine.SDL_QUERY.equals(received.query()))
                        .map(TestSubgraphs.Received::headers)
                        .toList();
    }

    /**
     * The headers of every operation the in-process subgraphs received for clients, oldest first: without the
     * gateway's own {@code _service { sdl }} reads (composition, the cost model), which act for no user.
     */
    public static List<Map<String, String>> operationHeadersReceived(SubgraphTransport subgraphs) {
        return ((TestSubgraphs) subgraphs)
                .received.stream()
                        .filter(received -> !received.query().contains("_service"))
                        .map(TestSubgraphs.Received::headers)
                        .toList();
    }

    /** Forgets the requests received so far. */
    public static void forget(SubgraphTransport subgraphs) {
        ((TestSubgraphs) subgraphs).reset();
    }
}
