package com.refractoryatlas.gateway.graphiql;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.gateway.GatewayIntegrationTest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The bundled GraphiQL page: every asset from this server, and a fetcher that runs subscriptions over
 * graphql-transport-ws on the page's own host (the page's CSP must let it connect there).
 */
@GatewayIntegrationTest
class GraphiqlControllerTests {

    @Autowired
    WebTestClient http;

    private static final String GRAPHIQL_BUNDLE = "/webjars/graphiql/2.4.7/graphiql.min.js";

    @Test
    void servesGraphiqlWithEveryAssetFromThisServer() {
        var page = get("/graphiql");
        assertThat(page).contains("/graphiql/graphiql-init.js").doesNotContain("https://");
        assertThat(get("/graphiql/graphiql-init.js")).contains("GraphiQL.createFetcher");
        var assets = Pattern.compile("(?:src|href)=\"(/webjars/[^\"]+)\"").matcher(page);
        int count = 0;
        while (assets.find()) {
            http.get().uri(assets.group(1)).exchange().expectStatus().isOk();
            count++;
        }
        assertThat(count).isEqualTo(4);
    }

    @Test
    void configuresSubscriptionsOverWebSocketOnThePagesOwnHost() {
        var init = get("/graphiql/graphiql-init.js");
        // derived from the page's location, never a fixed host: ws for http, wss for https
        assertThat(init)
                .contains("subscriptionUrl: subscriptionUrl.href")
                .contains("new URL('/graphql', window.location.href)")
                .contains("'https:' ? 'wss:' : 'ws:'")
                .doesNotContainPattern("wss?://")
                .doesNotContain("localhost");
    }

    @Test
    void bundlesTheGraphqlWsClientThatASubscriptionUrlNeeds() {
        // GraphiQL's createFetcher loads graphql-ws from its own bundle for a subscriptionUrl; a bundle without it
        // fails every subscription with "You need to install the 'graphql-ws' package"
        assertThat(get("/graphiql")).contains("src=\"" + GRAPHIQL_BUNDLE + "\"");
        assertThat(get(GRAPHIQL_BUNDLE)).contains("graphql-transport-ws").contains("createWebsocketsFetcherFromUrl");
    }

    @Test
    void letsThePageConnectOnlyToItsOwnOriginWhichIncludesItsWebSocket() {
        // CSP Level 3: 'self' in connect-src also matches ws: and wss: on the page's own host and port
        http.get().uri("/graphiql").exchange().expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                .contains("connect-src 'self';"));
    }

    private String get(String path) {
        // the minified GraphiQL bundle is larger than the client's default in-memory limit
        var body = http.mutate()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build()
                .get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(body).isNotNull();
        return body;
    }
}
