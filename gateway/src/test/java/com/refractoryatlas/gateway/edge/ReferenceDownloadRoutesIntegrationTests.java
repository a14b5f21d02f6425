package com.refractoryatlas.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.gateway.GatewayIntegrationTest;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The reference-list downloads go through the Spring Cloud Gateway route to a stand-in references service (a JDK
 * HTTP server on a free loopback port): proxied as they are, behind a circuit breaker, and never with a client's internal
 * headers.
 */
@GatewayIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReferenceDownloadRoutesIntegrationTests {

    private static final HttpServer REFERENCES = start();
    private static final List<Seen> SEEN = new CopyOnWriteArrayList<>();
    /** Path → how many more times it drops the connection before it answers. */
    private static final Map<String, AtomicInteger> FAILURES = new ConcurrentHashMap<>();

    record Seen(String path, Map<String, List<String>> headers) {}

    @DynamicPropertySource
    static void referencesService(DynamicPropertyRegistry registry) {
        registry.add(
                "atlas.gateway.edge.downloads.references-uri",
                () -> "http://127.0.0.1:" + REFERENCES.getAddress().getPort());
        // a cold first request on a loaded machine must not trip the time limit
        registry.add("atlas.gateway.edge.downloads.timeout", () -> "60s");
        registry.add("resilience4j.timelimiter.instances.reference-downloads.timeout-duration", () -> "60s");
    }

    @Autowired
    WebTestClient http;

    @BeforeEach
    void forget() {
        SEEN.clear();
        FAILURES.clear();
    }

    @AfterAll
    static void stop() {
        REFERENCES.stop(0);
    }

    @Test
    void proxiesABibTeXDownloadWithAnIdHoldingSlashes() {
        var result = client().get()
                .uri("/articles/doi:10.1000/atlas.2025.001/references.bib")
                .header("X-Atlas-Service-Token", "guessed")
                .header("X-Atlas-User-Roles", "editor")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType("application/x-bibtex")
                .expectHeader()
                .exists(RequestIds.HEADER)
                .expectBody(String.class)
                .returnResult();

        assertThat(result.getResponseBody())
                .isEqualTo("@article{a, title={/articles/doi:10.1000/atlas.2025.001/references.bib}}");
        assertThat(SEEN).singleElement().satisfies(seen -> {
            assertThat(seen.path()).isEqualTo("/articles/doi:10.1000/atlas.2025.001/references.bib");
            assertThat(seen.headers()).containsKey("X-request-id");
            assertThat(seen.headers()).doesNotContainKeys("X-atlas-service-token", "X-atlas-user-roles");
        });
    }

    @Test
    void proxiesAnRisDownload() {
        client().get()
                .uri("/articles/a1/references.ris")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType("application/x-research-info-systems");

        assertThat(SEEN).singleElement().extracting(Seen::path).isEqualTo("/articles/a1/references.ris");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void stopsCallingAFailingReferencesServiceOnceTheCircuitOpens() {
        FAILURES.put("/articles/a2/references.bib", new AtomicInteger(1000));
        int requests = 40;

        for (int i = 0; i < requests; i++) {
            client().get()
                    .uri("/articles/a2/references.bib")
                    .exchange()
                    .expectStatus()
                    .is5xxServerError()
                    .expectBody(String.class)
                    .value(body -> assertThat(String.valueOf(body)).doesNotContain("127.0.0.1"));
        }

        assertThat(SEEN.size())
                .as("calls that reached the references service")
                .isGreaterThanOrEqualTo(10)
                .isLessThan(requests);
    }

    @Test
    void routesNothingElseUnderArticles() {
        client().get()
                .uri("/articles/a1/secrets.txt")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.errors[0].extensions.code")
                .isEqualTo("NOT_FOUND");

        assertThat(SEEN).isEmpty();
    }

    private WebTestClient client() {
        return http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    private static HttpServer start() {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", ReferenceDownloadRoutesIntegrationTests::answer);
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        SEEN.add(new Seen(path, Map.copyOf(exchange.getRequestHeaders())));
        var failures = FAILURES.get(path);
        if (failures != null && failures.getAndDecrement() > 0) {
            // drops the connection without an answer, as a crashing service does
            exchange.getRequestBody().close();
            exchange.getResponseBody().close();
            return;
        }
        boolean bib = path.endsWith(".bib");
        byte[] body =
                (bib ? "@article{a, title={" + path + "}}" : "TY  - JOUR\nER  - \n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders()
                .add("Content-Type", bib ? "application/x-bibtex" : "application/x-research-info-systems");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
