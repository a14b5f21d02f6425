package com.refractoryatlas.gateway.graphiql;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.gateway.GatewayIntegrationTest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

@GatewayIntegrationTest
class GraphiqlControllerTests {

    @Autowired
    WebTestClient http;

    @Test
    void servesGraphiqlWithEveryAssetFromThisServer() {
        var page = http.get()
                .uri("/graphiql")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(page).contains("/graphiql/graphiql-init.js").doesNotContain("https://");
        var init = http.get()
                .uri("/graphiql/graphiql-init.js")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(init).contains("GraphiQL.createFetcher");
        var assets = Pattern.compile("(?:src|href)=\"(/webjars/[^\"]+)\"").matcher(page);
        int count = 0;
        while (assets.find()) {
            http.get().uri(assets.group(1)).exchange().expectStatus().isOk();
            count++;
        }
        assertThat(count).isEqualTo(4);
    }
}
