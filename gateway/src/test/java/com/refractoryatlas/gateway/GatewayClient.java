package com.refractoryatlas.gateway;

import com.refractoryatlas.gateway.edge.EdgeProperties;
import com.refractoryatlas.gateway.security.TokenMinter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/** Sends GraphQL-over-HTTP requests to the gateway under test and reads the answers as plain maps. */
public final class GatewayClient {

    public static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebTestClient http;

    public GatewayClient(WebTestClient http) {
        this.http = http;
    }

    /** The text of {@code src/test/resources/graphql-test/<name>.graphql}. */
    public static String document(String name) {
        try {
            return new ClassPathResource("graphql-test/" + name + ".graphql")
                    .getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A token signed with the local development secret, valid for an hour. */
    public static String token(String... roles) {
        return TokenMinter.mint(
                EdgeProperties.LOCAL_DEV_JWT_SECRET,
                "alice",
                List.of(roles),
                Instant.now().plus(Duration.ofHours(1)));
    }

    public static Map<String, Object> body(String query, @Nullable Map<String, Object> variables) {
        var body = new LinkedHashMap<String, Object>();
        body.put("query", query);
        if (variables != null) {
            body.put("variables", variables);
        }
        return body;
    }

    /** POSTs a JSON body asking for graphql-response+json. */
    public EntityExchangeResult<String> post(Object body) {
        return post(body, GRAPHQL_RESPONSE, null);
    }

    public EntityExchangeResult<String> post(Object body, MediaType accept, @Nullable String bearer) {
        return postRaw(JSON.writeValueAsBytes(body), MediaType.APPLICATION_JSON, accept, bearer);
    }

    public EntityExchangeResult<String> postRaw(
            byte[] body, MediaType contentType, MediaType accept, @Nullable String bearer) {
        return http.post()
                .uri("/graphql")
                .contentType(contentType)
                .accept(accept)
                .headers(headers -> {
                    if (bearer != null) {
                        headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
                    }
                })
                .bodyValue(body)
                .exchange()
                .expectBody(String.class)
                .returnResult();
    }

    /** Asserts nothing: the caller checks status and body. */
    public static Map<String, Object> json(EntityExchangeResult<String> result) {
        return JSON.readValue(result.getResponseBody(), Map.class);
    }

    public static List<Map<String, Object>> jsonArray(EntityExchangeResult<String> result) {
        return JSON.readValue(result.getResponseBody(), List.class);
    }

    /** The {@code extensions.code} of the first error, or null. */
    @SuppressWarnings("unchecked")
    public static @Nullable Object firstErrorCode(Map<String, Object> response) {
        if (!(response.get("errors") instanceof List<?> errors) || errors.isEmpty()) {
            return null;
        }
        var error = (Map<String, Object>) errors.getFirst();
        return ((Map<String, Object>) error.get("extensions")).get("code");
    }

    public static String toJson(Object value) {
        return JSON.writeValueAsString(value);
    }
}
