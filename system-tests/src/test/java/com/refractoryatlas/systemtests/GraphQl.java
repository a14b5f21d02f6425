package com.refractoryatlas.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A minimal GraphQL-over-HTTP client: what a frontend sends, and the raw answer (status, headers, JSON). */
final class GraphQl {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;
    private final URI url;
    private final Map<String, String> headers;

    /** One answer: the HTTP status, the headers and the parsed body (a JSON null when the body is not JSON). */
    record Response(int status, java.net.http.HttpHeaders headers, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (RuntimeException e) {
                return JSON.nullNode();
            }
        }

        JsonNode data() {
            return json().path("data");
        }

        JsonNode errors() {
            return json().path("errors");
        }
    }

    GraphQl(URI url) {
        this(url, Map.of());
    }

    GraphQl(URI url, Map<String, String> headers) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        this.url = url;
        this.headers = Map.copyOf(headers);
    }

    GraphQl withHeaders(Map<String, String> extra) {
        var all = new LinkedHashMap<>(headers);
        all.putAll(extra);
        return new GraphQl(url, all);
    }

    URI url() {
        return url;
    }

    Response query(String query) {
        return query(query, Map.of(), null);
    }

    Response query(String query, Map<String, ?> variables, @Nullable String operationName) {
        ObjectNode body = JSON.createObjectNode();
        body.put("query", query);
        body.set("variables", JSON.valueToTree(variables));
        if (operationName != null) {
            body.put("operationName", operationName);
        }
        return post(JSON.writeValueAsString(body), DEFAULT_TIMEOUT);
    }

    Response post(String body, Duration timeout) {
        var request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json, application/json");
        headers.forEach(request::header);
        try {
            var response = client.send(
                    request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("POST " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static String resource(String path) {
        try (var in = GraphQl.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + path);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
