package com.refractoryatlas.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.gateway.GatewayIntegrationTest;
import graphql.schema.idl.SchemaParser;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

@GatewayIntegrationTest
class SchemaDownloadIntegrationTests {

    @Autowired
    WebTestClient http;

    @Test
    void servesThePublicSupergraphAsParseableSdlWithoutFederationInternals() {
        var result = http.get()
                .uri("/graphql/schema.graphql")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(byte[].class)
                .returnResult();
        assertThat(result.getResponseHeaders().getContentType().toString()).startsWith("application/graphql");
        String sdl = new String(result.getResponseBody(), StandardCharsets.UTF_8);
        var types = new SchemaParser().parse(sdl);
        assertThat(types.getType("Query")).isPresent();
        assertThat(types.getType("Condition")).isPresent();
        assertThat(sdl).doesNotContain("_entities", "_Service", "@key", "join__");
    }
}
