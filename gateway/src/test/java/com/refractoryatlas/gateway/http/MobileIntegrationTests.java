package com.refractoryatlas.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.gateway.GatewayIntegrationTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/** What mobile clients rely on: compressed answers, cacheable anonymous GET reads, nothing advertised in vain. */
@GatewayIntegrationTest
class MobileIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private HttpResponse<byte[]> get(String query, String... headers) throws Exception {
        var uri = URI.create(
                "http://127.0.0.1:" + port + "/graphql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(uri).GET().header("Accept", "application/graphql-response+json");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void gzipsLargeAnswersForClientsThatAcceptIt() throws Exception {
        var response = get("{ __schema { types { name fields { name } } } }", "Accept-Encoding", "gzip");
        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        byte[] plain = new GZIPInputStream(new java.io.ByteArrayInputStream(response.body())).readAllBytes();
        assertThat(plain.length).isGreaterThan(response.body().length * 2);
        assertThat(JSON.readTree(plain)
                        .path("data")
                        .path("__schema")
                        .path("types")
                        .size())
                .isPositive();
    }

    @Test
    void anonymousGetReadsAreCacheableAndRevalidateWith304() throws Exception {
        String query = "{ conditions(first: 2) { edges { node { id name } } } }";
        var first = get(query);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Cache-Control").orElse("")).contains("public", "max-age=30");
        String etag = first.headers().firstValue("ETag").orElseThrow();

        var again = get(query, "If-None-Match", etag);

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);
    }

    @Test
    void answersWithErrorsOrCredentialsAreNotCached() throws Exception {
        var failed = get("{ nope }");
        assertThat(failed.headers().firstValue("ETag")).isEmpty();
        assertThat(failed.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    }

    @Test
    void deferIsNeitherAdvertisedNorSilentlyIgnored() throws Exception {
        var directives =
                JSON.readTree(get("{ __schema { d: directives { name } } }").body());
        var names = directives
                .path("data")
                .path("__schema")
                .path("d")
                .valueStream()
                .map(directive -> directive.path("name").asString())
                .toList();
        assertThat(names).contains("include", "skip", "deprecated").doesNotContain("defer", "stream");

        var deferred = JSON.readTree(get("{ conditions(first: 1) { edges { node { id ... @defer { name } } } } }")
                .body());
        assertThat(deferred.path("errors")
                        .path(0)
                        .path("extensions")
                        .path("code")
                        .asString())
                .isEqualTo("DEFER_NOT_SUPPORTED");
    }
}
