package com.refractoryatlas.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.subgraph.Caller;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The subgraph is closed by default: its federation fields and introspection answer only the internal credential,
 * and its own body and depth limits hold whoever calls.
 */
@CatalogIntegrationTest
class SubgraphClosureIntegrationTests {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    CatalogFixtures fixtures;

    @Autowired
    com.refractoryatlas.catalog.term.ConditionCatalog conditions;

    @LocalServerPort
    int port;

    @BeforeEach
    void seed() {
        fixtures.seed();
    }

    @Nested
    class PrivateFields {

        @Test
        void refusesTheSdlWithoutTheCredential() {
            graphQl.document("{ _service { sdl } }").execute().errors().satisfy(code("UNAUTHENTICATED"));
        }

        @Test
        void refusesEntitiesWithAWrongCredential() {
            graphQl.mutate()
                    .header(Caller.SERVICE_TOKEN_HEADER, "guess")
                    .build()
                    .document("{ _entities(representations: [{__typename: \"Condition\", id: \"depression\"}]) {"
                            + " ... on Condition { name } } }")
                    .execute()
                    .errors()
                    .satisfy(code("FORBIDDEN"));
        }

        @Test
        void refusesIntrospectionWithoutTheCredentialButAnswersTypename() {
            graphQl.document("{ __schema { queryType { name } } }")
                    .execute()
                    .errors()
                    .satisfy(code("UNAUTHENTICATED"));
            graphQl.document("{ __type(name: \"Condition\") { name } }")
                    .execute()
                    .errors()
                    .satisfy(code("UNAUTHENTICATED"));
            graphQl.document("{ __typename }")
                    .execute()
                    .path("__typename")
                    .entity(String.class)
                    .isEqualTo("Query");
        }

        @Test
        void answersTheGatewayHoldingTheCredential() {
            var service = graphQl.mutate()
                    .header(Caller.SERVICE_TOKEN_HEADER, CatalogFixtures.SERVICE_TOKEN)
                    .build();
            service.document("{ _service { sdl } }")
                    .execute()
                    .path("_service.sdl")
                    .entity(String.class)
                    .satisfies(sdl -> assertThat(sdl).contains("@key"));
            service.document("{ __schema { queryType { name } } }")
                    .execute()
                    .path("__schema.queryType.name")
                    .entity(String.class)
                    .isEqualTo("Query");
        }

        @Test
        void ignoresUserRolesWithoutTheCredential() {
            graphQl.mutate()
                    .header(Caller.USER_ROLES_HEADER, "editor")
                    .build()
                    .document("mutation { deleteCondition(id: \"glaucoma\") { deletedId } }")
                    .execute()
                    .errors()
                    .satisfy(code("UNAUTHENTICATED"));
            assertThat(conditions.findAllById(List.of("glaucoma"))).containsKey("glaucoma");
        }
    }

    @Nested
    class Limits {

        @Test
        void refusesAnOperationDeeperThanTheLimit() {
            // 8 hops of treatments → condition: 17 levels, above the default 14
            var hop = "treatments { condition { ";
            var query = "{ condition(id: \"depression\") { " + hop.repeat(8) + "id" + " } }".repeat(8) + " } }";
            graphQl.document(query).execute().errors().satisfy(errors -> assertThat(errors)
                    .isNotEmpty()
                    .allSatisfy(error -> assertThat(error.getMessage()).containsIgnoringCase("depth")));
        }

        @Test
        void answersADeclaredOversizedBody413WithoutReadingIt() throws Exception {
            var body = new byte[9 * 1024 * 1024];
            java.util.Arrays.fill(body, (byte) ' ');
            var response =
                    HTTP.send(post(HttpRequest.BodyPublishers.ofByteArray(body)), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.body()).contains("PAYLOAD_TOO_LARGE");
        }

        @Test
        void cutsOffAChunkedBodyPastTheLimit() throws Exception {
            // no Content-Length: the JDK client sends a stream of unknown length chunked
            HttpResponse<String> response;
            try {
                response = HTTP.send(
                        post(HttpRequest.BodyPublishers.ofInputStream(() -> new Spaces(9L * 1024 * 1024))),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException closedWhileSending) {
                // the server answered and closed the connection before the client finished sending: also cut off
                return;
            }
            assertThat(response.statusCode()).isBetween(400, 499);
            assertThat(response.body()).doesNotContain("\"data\"");
        }

        /** Slowloris: a byte a second keeps every read within Tomcat's timeout; the body read time (2s here) ends it. */
        @Test
        void cutsOffABodyThatTrickles() throws Exception {
            try (var socket = new java.net.Socket("127.0.0.1", port)) {
                socket.setSoTimeout(200);
                var out = socket.getOutputStream();
                var in = socket.getInputStream();
                out.write(("POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                                + "Content-Length: 1000\r\n\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                out.flush();
                long start = System.nanoTime();
                boolean ended = false;
                for (int second = 0; second < 20 && !ended; second++) {
                    ended = !sendOneByte(out) || answeredOrClosed(in);
                    Thread.sleep(1000);
                }
                assertThat(ended).as("the server ended the request").isTrue();
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(12));
            }
        }

        private static boolean sendOneByte(java.io.OutputStream out) {
            try {
                out.write(' ');
                out.flush();
                return true;
            } catch (IOException closed) {
                return false;
            }
        }

        private static boolean answeredOrClosed(InputStream in) throws IOException {
            try {
                in.read();
                return true;
            } catch (java.net.SocketTimeoutException nothingYet) {
                return false;
            } catch (java.net.SocketException reset) {
                return true;
            }
        }

        @Test
        void acceptsAnOrdinaryRequest() throws Exception {
            var response = HTTP.send(
                    post(HttpRequest.BodyPublishers.ofString(
                            "{\"query\":\"{ condition(id: \\\"depression\\\") { id } }\"}")),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("depression");
        }

        private HttpRequest post(HttpRequest.BodyPublisher body) {
            return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .POST(body)
                    .build();
        }
    }

    private static Consumer<List<ResponseError>> code(String code) {
        return errors -> assertThat(errors)
                .extracting(error -> error.getExtensions().get("code"))
                .containsOnly(code);
    }

    /** A JSON-ish stream of spaces of the given length, generated as read. */
    private static final class Spaces extends InputStream {

        private long left;

        Spaces(long length) {
            this.left = length;
        }

        @Override
        public int read() {
            if (left <= 0) {
                return -1;
            }
            left--;
            return ' ';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            java.util.Arrays.fill(buffer, offset, offset + n, (byte) ' ');
            left -= n;
            return n;
        }
    }
}
