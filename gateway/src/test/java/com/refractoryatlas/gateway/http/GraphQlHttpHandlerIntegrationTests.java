package com.refractoryatlas.gateway.http;

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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@GatewayIntegrationTest
class GraphQlHttpHandlerIntegrationTests {

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

    private WebTestClient.RequestHeadersSpec<?> get(String name, String value) {
        return http.get()
                .uri(builder ->
                        builder.path("/graphql").queryParam(name, "{value}").build(value))
                .accept(GRAPHQL_RESPONSE);
    }

    @Nested
    class DemandControl {

        @Test
        void reportsEstimatedAndActualCostWhenAskedFor() {
            var result = http.post()
                    .uri("/graphql")
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(GRAPHQL_RESPONSE)
                    .header("X-Atlas-Cost", "true")
                    .bodyValue(body("{ conditions(first: 5) { edges { node { id name } } } }", null))
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(String.class)
                    .returnResult();
            @SuppressWarnings("unchecked")
            var extensions = (Map<String, Object>) json(result).get("extensions");
            @SuppressWarnings("unchecked")
            var cost = (Map<String, Object>) extensions.get("cost");
            assertThat(((Number) cost.get("estimated")).longValue()).isEqualTo(1 + 5 * 2);
            @SuppressWarnings("unchecked")
            var edges = (List<Object>)
                    ((Map<String, Object>) ((Map<String, Object>) json(result).get("data")).get("conditions"))
                            .get("edges");
            assertThat(((Number) cost.get("actual")).longValue()).isEqualTo(1 + 2L * edges.size());
            assertThat(cost).containsKey("limit");
        }

        @Test
        void saysNothingAboutCostUnlessAsked() {
            var result = client.post(body("{ conditions(first: 5) { edges { node { id } } } }", null));
            assertThat(json(result)).doesNotContainKey("extensions");
        }
    }

    @Nested
    class Negotiation {

        @Test
        void answersGraphqlResponseJsonWhenAskedFor() {
            var result = client.post(body(document("conditionNames"), null));
            assertThat(result.getStatus().value()).isEqualTo(200);
            assertThat(result.getResponseHeaders().getContentType().toString())
                    .isEqualTo("application/graphql-response+json;charset=UTF-8");
            assertThat(json(result)).containsKey("data").doesNotContainKey("errors");
        }

        @Test
        void answersApplicationJsonWhenAskedForOrWhenAnythingGoes() {
            var json = client.post(body(document("conditionNames"), null), MediaType.APPLICATION_JSON, null);
            assertThat(json.getResponseHeaders().getContentType().toString())
                    .isEqualTo("application/json;charset=UTF-8");
            var any = client.post(body(document("conditionNames"), null), MediaType.ALL, null);
            assertThat(any.getResponseHeaders().getContentType().toString())
                    .isEqualTo("application/json;charset=UTF-8");
        }

        @Test
        void refusesAnAcceptHeaderItCannotSatisfyWith406() {
            var result = client.post(body(document("conditionNames"), null), MediaType.TEXT_HTML, null);
            assertThat(result.getStatus().value()).isEqualTo(406);
            assertThat(engine.lastRequest()).isNull();
        }

        @Test
        void refusesBodiesThatAreNotJsonWith415() {
            var result = client.postRaw(
                    document("conditionNames").getBytes(StandardCharsets.UTF_8),
                    MediaType.TEXT_PLAIN,
                    GRAPHQL_RESPONSE,
                    null);
            assertThat(result.getStatus().value()).isEqualTo(415);
            assertThat(firstErrorCode(json(result))).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        }

        @Test
        void refusesMalformedJsonAndWrongParameterTypesWith400() {
            var malformed = client.postRaw(
                    "{\"query\": ".getBytes(StandardCharsets.UTF_8),
                    MediaType.APPLICATION_JSON,
                    MediaType.APPLICATION_JSON,
                    null);
            assertThat(malformed.getStatus().value()).isEqualTo(400);
            var numberQuery = client.post(Map.of("query", 1));
            assertThat(numberQuery.getStatus().value()).isEqualTo(400);
            var listVariables = client.post(Map.of("query", "{ mechanisms { id } }", "variables", List.of()));
            assertThat(listVariables.getStatus().value()).isEqualTo(400);
            assertThat(firstErrorCode(json(listVariables))).isEqualTo("BAD_REQUEST");
            assertThat(engine.lastRequest()).isNull();
        }
    }

    @Nested
    class StatusCodes {

        @Test
        void parseErrorsAre400WithGraphqlResponseJsonAnd200WithJson() {
            var strict = client.post(body("{ conditions(", null));
            assertThat(strict.getStatus().value()).isEqualTo(400);
            assertThat(firstErrorCode(json(strict))).isEqualTo("GRAPHQL_PARSE_FAILED");
            assertThat(json(strict)).doesNotContainKey("data");
            var legacy = client.post(body("{ conditions(", null), MediaType.APPLICATION_JSON, null);
            assertThat(legacy.getStatus().value()).isEqualTo(200);
            assertThat(firstErrorCode(json(legacy))).isEqualTo("GRAPHQL_PARSE_FAILED");
        }

        @Test
        void validationErrorsAre400WithGraphqlResponseJsonAndNeverReachTheEngine() {
            var result = client.post(body("{ conditions { edges { node { nme } } } }", null));
            assertThat(result.getStatus().value()).isEqualTo(400);
            assertThat(firstErrorCode(json(result))).isEqualTo("GRAPHQL_VALIDATION_FAILED");
            assertThat(result.getResponseBody()).contains("nme").contains("\"locations\"");
            assertThat(engine.lastRequest()).isNull();
        }

        @Test
        void masksEngineFailuresAndReturnsTheRequestId() {
            var result = client.post(
                    body("query " + TestFederationEngine.FAILING_OPERATION + " { mechanisms { id } }", null));
            assertThat(result.getStatus().value()).isEqualTo(500);
            String requestId = result.getResponseHeaders().getFirst("x-request-id");
            assertThat(requestId).isNotBlank();
            assertThat(result.getResponseBody())
                    .doesNotContain("com.refractoryatlas")
                    .doesNotContain("mongodb://")
                    .doesNotContain("Exception")
                    .contains(requestId)
                    .contains("INTERNAL_SERVER_ERROR");
        }
    }

    @Nested
    class Timeout {

        @Test
        void answers504WithATypedErrorWhenTheEngineTakesTooLong() {
            var patient = new GatewayClient(http.mutate()
                    .responseTimeout(java.time.Duration.ofSeconds(30))
                    .build());
            var result =
                    patient.post(body("query " + TestFederationEngine.SLOW_OPERATION + " { mechanisms { id } }", null));
            assertThat(result.getStatus().value()).isEqualTo(504);
            assertThat(firstErrorCode(json(result))).isEqualTo("GATEWAY_TIMEOUT");
        }
    }

    @Nested
    class Get {

        @Test
        void runsQueries() {
            var result = http.get()
                    .uri(builder -> builder.path("/graphql")
                            .queryParam("query", "{query}")
                            .queryParam("variables", "{variables}")
                            .build(document("conditionsByText"), "{\"text\":\"ect\"}"))
                    .accept(GRAPHQL_RESPONSE)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(String.class)
                    .returnResult();
            assertThat(result.getResponseBody()).contains("\"totalCount\":1");
            assertThat(engine.lastRequest().variables()).containsEntry("text", "ect");
        }

        @Test
        void refusesMutationsWith405AndAllowPost() {
            get("query", document("curateCondition"))
                    .exchange()
                    .expectStatus()
                    .isEqualTo(405)
                    .expectHeader()
                    .valueEquals("Allow", "POST");
            assertThat(engine.lastRequest()).isNull();
        }

        @Test
        void refusesARequestWithoutQueryWith400() {
            http.get()
                    .uri("/graphql")
                    .accept(GRAPHQL_RESPONSE)
                    .exchange()
                    .expectStatus()
                    .isBadRequest();
        }
    }

    @Nested
    class Batching {

        @Test
        void answersEachOperationOfABatchInOrder() {
            var result = client.post(List.of(
                    body(document("conditionNames"), null), body("{ condition(id: \"epilepsy\") { id } }", null)));
            assertThat(result.getStatus().value()).isEqualTo(200);
            var answers = GatewayClient.jsonArray(result);
            assertThat(answers).hasSize(2);
            assertThat(GatewayClient.toJson(answers.get(1))).contains("epilepsy");
        }

        @Test
        void refusesABatchLargerThanTheLimit() {
            var batch = java.util.Collections.nCopies(11, body("{ mechanisms { id } }", null));
            var result = client.post(batch);
            assertThat(result.getStatus().value()).isEqualTo(400);
            assertThat(firstErrorCode(json(result))).isEqualTo("BATCH_TOO_LARGE");
            assertThat(engine.lastRequest()).isNull();
        }
    }

    @Nested
    class PersistedQueryProtocol {

        private Map<String, Object> hashOnly(String hash) {
            return Map.of("extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash)));
        }

        @Test
        void asksForTheQueryThenRegistersItThenRunsItByHashOverPostAndGet() {
            String query = "{ condition(id: \"apq-" + System.nanoTime() + "\") { id } }";
            String hash = PersistedQueries.sha256(query);

            var unknown = client.post(hashOnly(hash), MediaType.APPLICATION_JSON, null);
            assertThat(unknown.getStatus().value()).isEqualTo(200);
            assertThat(firstErrorCode(json(unknown))).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
            assertThat(unknown.getResponseBody()).contains("PersistedQueryNotFound");

            var register = client.post(Map.of(
                    "query", query, "extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash))));
            assertThat(register.getStatus().value()).isEqualTo(200);
            assertThat(register.getResponseBody()).contains("apq-");

            var byHash = client.post(hashOnly(hash));
            assertThat(byHash.getStatus().value()).isEqualTo(200);
            assertThat(byHash.getResponseBody()).contains("apq-");

            String extensions = "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}";
            get("extensions", extensions)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(String.class)
                    .value(body -> assertThat(body).contains("apq-"));
        }

        @Test
        void refusesAQueryWhoseHashDoesNotMatchAndDoesNotRegisterIt() {
            String hash = PersistedQueries.sha256("{ mechanisms { id } }");
            var mismatch = client.post(Map.of(
                    "query",
                    "{ mechanisms { name } }",
                    "extensions",
                    Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash))));
            assertThat(mismatch.getStatus().value()).isEqualTo(400);
            assertThat(firstErrorCode(json(mismatch))).isEqualTo("PERSISTED_QUERY_HASH_MISMATCH");
            assertThat(engine.lastRequest()).isNull();
        }
    }

    @Nested
    class Propagation {

        @Test
        void sendsTraceHeadersRequestIdCredentialAndRolesToTheEngine() {
            String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
            String bearer = token("importer", "editor");
            var result = http.post()
                    .uri("/graphql")
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(GRAPHQL_RESPONSE)
                    .header("Authorization", "Bearer " + bearer)
                    .header("traceparent", traceparent)
                    .header("X-Atlas-Service-Token", "forged-by-client")
                    .bodyValue(body(document("conditionNames"), null))
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(String.class)
                    .returnResult();
            String requestId = result.getResponseHeaders().getFirst("x-request-id");
            var headers = engine.lastRequest().headers();
            assertThat(headers)
                    .containsEntry("Authorization", "Bearer " + bearer)
                    .hasEntrySatisfying("traceparent", value -> assertThat(value)
                            .as("the client's trace id continues; the parent is the gateway's own span")
                            .startsWith(traceparent.substring(0, 36))
                            .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"))
                    .containsEntry("x-request-id", requestId)
                    .containsEntry("X-Atlas-Service-Token", "local-dev-service-token")
                    .containsEntry("X-Atlas-User-Roles", "editor,importer")
                    .as("the import service lists an importer's own jobs by this id")
                    .containsEntry("X-Atlas-User-Id", "alice");
        }

        @Test
        void keepsAWellFormedClientRequestIdAndReplacesAHostileOne() {
            http.post()
                    .uri("/graphql")
                    .contentType(MediaType.APPLICATION_JSON)
                    .header("x-request-id", "client-abc.123")
                    .bodyValue(body(document("conditionNames"), null))
                    .exchange()
                    .expectHeader()
                    .valueEquals("x-request-id", "client-abc.123");
            var hostile = http.post()
                    .uri("/graphql")
                    .contentType(MediaType.APPLICATION_JSON)
                    .header("x-request-id", "x<script>" + "a".repeat(100))
                    .bodyValue(body(document("conditionNames"), null))
                    .exchange()
                    .expectBody(String.class)
                    .returnResult();
            assertThat(hostile.getResponseHeaders().getFirst("x-request-id")).matches("[0-9a-f-]{36}");
        }

        @Test
        void marksAnonymousCallersSoSubgraphsNeverTakeThemForAService() {
            client.post(body(document("conditionNames"), null));
            assertThat(engine.lastRequest().headers())
                    .containsEntry("X-Atlas-User-Roles", "anonymous")
                    .doesNotContainKey("Authorization")
                    .doesNotContainKey("X-Atlas-User-Id");
        }
    }
}
