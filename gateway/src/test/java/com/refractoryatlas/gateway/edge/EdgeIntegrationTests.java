package com.refractoryatlas.gateway.edge;

import static com.refractoryatlas.gateway.GatewayClient.body;
import static com.refractoryatlas.gateway.GatewayClient.document;

import com.refractoryatlas.gateway.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@GatewayIntegrationTest
class EdgeIntegrationTests {

    @Autowired
    WebTestClient http;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Test
    void sendsSecurityHeadersThatStillLetGraphiqlLoadItsOwnAssets() {
        http.get()
                .uri("/graphiql")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader()
                .valueEquals("X-Frame-Options", "DENY")
                .expectHeader()
                .valueEquals("Referrer-Policy", "strict-origin-when-cross-origin")
                .expectHeader()
                .value("Content-Security-Policy", csp -> org.assertj.core.api.Assertions.assertThat(csp)
                        .contains("script-src 'self'")
                        .contains("frame-ancestors 'none'")
                        .doesNotContain("unsafe-eval"));
    }

    @Test
    void allowsConfiguredBrowserOriginsAndRefusesOthers() {
        http.options()
                .uri("/graphql")
                .header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,authorization")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("Access-Control-Allow-Origin", "http://localhost:3000");
        http.options()
                .uri("/graphql")
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.errors[0].extensions.code")
                .isEqualTo("CORS_ORIGIN_NOT_ALLOWED");
    }

    @Test
    void answersAnUnsupportedMethodWithATypedError() {
        http.put()
                .uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isEqualTo(405)
                .expectBody()
                .jsonPath("$.errors[0].extensions.code")
                .isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void answersARequestTomcatRefusesWithATypedErrorInsteadOfHtml() throws Exception {
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            out.write("GET /graphql?query={ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            org.assertj.core.api.Assertions.assertThat(answer)
                    .startsWith("HTTP/1.1 400")
                    .contains("\"code\":\"BAD_REQUEST\"")
                    .doesNotContain("<html");
        }
    }

    @Test
    void answersAnUnknownPathWithATypedError() {
        http.get()
                .uri("/no-such-page")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.errors[0].extensions.code")
                .isEqualTo("NOT_FOUND");
    }

    @Test
    void refusesADeclaredOversizedBodyWith413AndATypedError() {
        http.post()
                .uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body(document("conditionNames") + " ".repeat(14_800_000), null))
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .jsonPath("$.errors[0].extensions.code")
                .isEqualTo("PAYLOAD_TOO_LARGE")
                .jsonPath("$.errors[0].message")
                .isEqualTo("The request body is larger than 14,680,064 bytes (limit: request bytes); a document sent"
                        + " to importDocument as base64 takes 4/3 of its size")
                .jsonPath("$.errors[0].extensions.requestId")
                .isNotEmpty();
    }
}
