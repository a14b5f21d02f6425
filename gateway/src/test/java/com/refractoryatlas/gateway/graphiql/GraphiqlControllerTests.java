package com.refractoryatlas.gateway.graphiql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
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
        assertThat(page).contains("GraphiQL.createFetcher").doesNotContain("https://");
        var assets = Pattern.compile("(?:src|href)=\"(/webjars/[^\"]+)\"").matcher(page);
        int count = 0;
        while (assets.find()) {
            http.get().uri(assets.group(1)).exchange().expectStatus().isOk();
            count++;
        }
        assertThat(count).isEqualTo(4);
    }
}
