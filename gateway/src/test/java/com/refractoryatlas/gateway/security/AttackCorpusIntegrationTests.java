package com.refractoryatlas.gateway.security;

import static com.refractoryatlas.gateway.GatewayClient.GRAPHQL_RESPONSE;
import static com.refractoryatlas.gateway.GatewayClient.body;
import static com.refractoryatlas.gateway.GatewayClient.document;
import static com.refractoryatlas.gateway.GatewayClient.firstErrorCode;
import static com.refractoryatlas.gateway.GatewayClient.json;
import static com.refractoryatlas.gateway.GatewayClient.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.gateway.GatewayClient;
import com.refractoryatlas.gateway.GatewayIntegrationTest;
import com.refractoryatlas.gateway.TestFederationEngine;
import com.refractoryatlas.gateway.edge.EdgeProperties;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Hostile requests, each refused with its typed error before the federation engine sees it, after which the gateway
 * still answers a normal query.
 */
@GatewayIntegrationTest
class AttackCorpusIntegrationTests {

    @Autowired
    WebTestClient http;

    @Autowired
    TestFederationEngine engine;

    GatewayClient client;

    @BeforeEach
    void setUp() {
        client = new GatewayClient(http);
        engine.forget();
    }

    @AfterEach
    void stillAnswersANormalQuery() {
        var result = client.post(body(document("conditionNames"), null));
        assertThat(result.getStatus().value()).isEqualTo(200);
        assertThat(json(result)).containsKey("data").doesNotContainKey("errors");
    }

    /** One attack: how to send it, and the status and code it must get. */
    record Attack(String name, Function<GatewayClient, EntityExchangeResult<String>> send, int status, String code) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Attack> attacks() {
        String otherKey = "another-key-that-is-long-enough-to-sign-hs256-tokens";
        return Stream.of(
                new Attack("a query 50 levels deep", c -> c.post(body(deepQuery(50), null)), 400, "QUERY_TOO_DEEP"),
                new Attack(
                        "1,000 aliases of one field", c -> c.post(body(aliases(1000), null)), 400, "TOO_MANY_ALIASES"),
                new Attack("500 root fields", c -> c.post(body(rootFields(500), null)), 400, "TOO_MANY_ROOT_FIELDS"),
                new Attack(
                        "a cost bomb through nested lists under first: 100",
                        c -> c.post(body(document("costBomb"), null)),
                        400,
                        "QUERY_TOO_COSTLY"),
                new Attack(
                        "first above 100",
                        c -> c.post(body("{ conditions(first: 101) { totalCount } }", null)),
                        400,
                        "BAD_USER_INPUT"),
                new Attack(
                        "a document past the token limit",
                        c -> c.post(body(manyTokens(6000), null)),
                        400,
                        "TOO_MANY_TOKENS"),
                new Attack(
                        "1,000 batched operations",
                        c -> c.post(Collections.nCopies(1000, body("{ mechanisms { id } }", null))),
                        400,
                        "BATCH_TOO_LARGE"),
                new Attack(
                        "a 15 MB body (over the 14 MB limit)",
                        c -> c.postRaw(overTheBodyLimit(), MediaType.APPLICATION_JSON, GRAPHQL_RESPONSE, null),
                        413,
                        "PAYLOAD_TOO_LARGE"),
                new Attack(
                        "an operator object where filter text is expected",
                        c -> c.post(body(document("conditionsByText"), Map.of("text", Map.of("$gt", "")))),
                        400,
                        "BAD_USER_INPUT"),
                new Attack(
                        "a mutation without a token",
                        c -> c.post(importDocument(), GRAPHQL_RESPONSE, null),
                        401,
                        "UNAUTHENTICATED"),
                new Attack(
                        "a mutation with an expired token",
                        c -> c.post(
                                importDocument(),
                                GRAPHQL_RESPONSE,
                                TokenMinter.mint(
                                        EdgeProperties.LOCAL_DEV_JWT_SECRET,
                                        "alice",
                                        List.of("importer"),
                                        Instant.now().minus(Duration.ofMinutes(10)))),
                        401,
                        "UNAUTHENTICATED"),
                new Attack(
                        "a mutation with a token signed by another key",
                        c -> c.post(
                                importDocument(),
                                GRAPHQL_RESPONSE,
                                TokenMinter.mint(
                                        otherKey,
                                        "mallory",
                                        List.of("importer"),
                                        Instant.now().plus(Duration.ofHours(1)))),
                        401,
                        "UNAUTHENTICATED"),
                new Attack(
                        "a mutation with a garbage token",
                        c -> c.post(importDocument(), GRAPHQL_RESPONSE, "not.a.jwt"),
                        401,
                        "UNAUTHENTICATED"),
                new Attack(
                        "an import with the editor role only",
                        c -> c.post(importDocument(), GRAPHQL_RESPONSE, token("editor")),
                        403,
                        "FORBIDDEN"),
                new Attack(
                        "a catalog edit with the importer role only",
                        c -> c.post(body(document("curateCondition"), null), GRAPHQL_RESPONSE, token("importer")),
                        403,
                        "FORBIDDEN"),
                new Attack(
                        "an internal mutation, even with every role",
                        c -> c.post(
                                body(document("upsertCatalog"), null), GRAPHQL_RESPONSE, token("importer", "editor")),
                        403,
                        "FORBIDDEN"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void refusesWithATypedErrorBeforeTheEngineRuns(Attack attack) {
        var result = attack.send().apply(client);
        assertThat(result.getStatus().value()).as(result.getResponseBody()).isEqualTo(attack.status());
        var response = json(result);
        assertThat(firstErrorCode(response)).isEqualTo(attack.code());
        assertThat(response).doesNotContainKey("data");
        assertThat(result.getResponseBody())
                .contains(result.getResponseHeaders().getFirst("x-request-id"));
        assertThat(engine.lastRequest()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"$gt\": \"\"}", ".*", "(a+)+$", "'; db.dropDatabase(); '", "\u0000\n\r"})
    void passesHostileFilterTextToTheSubgraphsAsAPlainString(String text) {
        var result = client.post(body(document("conditionsByText"), Map.of("text", text)));
        assertThat(result.getStatus().value()).isEqualTo(200);
        assertThat(engine.lastRequest().variables()).containsEntry("text", text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"importer", "importer,editor"})
    void letsAnImporterImport(String roles) {
        var result = client.post(importDocument(), GRAPHQL_RESPONSE, token(roles.split(",")));
        assertThat(result.getStatus().value()).isEqualTo(200);
        assertThat(result.getResponseBody()).contains("job-1");
        var sorted = String.join(",", new java.util.TreeSet<>(List.of(roles.split(","))));
        assertThat(engine.lastRequest().headers()).containsEntry("X-Atlas-User-Roles", sorted);
    }

    private static Map<String, Object> importDocument() {
        return body(document("importDocument"), Map.of("source", "x.md", "text", "# Title"));
    }

    static String deepQuery(int levels) {
        var query = new StringBuilder("{ condition(id: \"depression\") {");
        int open = 1;
        for (; open < levels - 1; open += 2) {
            query.append(" treatments { condition {");
        }
        query.append(" id").append(" }".repeat(open + 1));
        return query.toString();
    }

    static String aliases(int count) {
        var query = new StringBuilder("{ condition(id: \"depression\") {");
        for (int i = 0; i < count; i++) {
            query.append(" a").append(i).append(": id");
        }
        return query.append(" } }").toString();
    }

    static String rootFields(int count) {
        return "{" + " mechanisms { id }".repeat(count) + " }";
    }

    static String manyTokens(int count) {
        return "{ condition(id: \"depression\") {" + " id".repeat(count) + " } }";
    }

    static byte[] overTheBodyLimit() {
        String padding = "x".repeat(15 * 1024 * 1024);
        return ("{\"query\": \"{ mechanisms { id } }\", \"extensions\": {\"padding\": \"" + padding + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
