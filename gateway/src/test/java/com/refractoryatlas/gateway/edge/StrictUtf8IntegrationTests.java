package com.refractoryatlas.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.gateway.GatewayIntegrationTest;
import com.refractoryatlas.gateway.TestFederationEngine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bytes on a raw socket, so that no HTTP client re-encodes them: ill-formed UTF-8 in a POST body or a GET query is
 * refused with 400 {@code INVALID_UTF8} and never reaches the engine; well-formed text still runs.
 */
@GatewayIntegrationTest
class StrictUtf8IntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestFederationEngine engine;

    @BeforeEach
    void forgetEarlierRequests() {
        engine.forget();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "c19f", // overlong U+005F
                "c0af", // overlong '/'
                "e080af", // three-byte overlong '/'
                "f08080af", // four-byte overlong '/'
                "eda080", // encoded high surrogate U+D800
                "edbfbf", // encoded low surrogate U+DFFF
                "f4908080", // above U+10FFFF
                "e282", // truncated euro sign
                "80", // continuation byte without a lead byte
                "ff", // never valid in UTF-8
                "fe"
            })
    void refusesAnIllFormedPostBodyWithoutRunningIt(String hex) throws IOException {
        byte[] body = json("{\"query\":\"{ condition(id: \\\"a", HexFormat.of().parseHex(hex), "b\\\") { name } }\"}");

        String answer = post(body);

        assertRefused(answer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\ud800", "\\uDBFF x", "\\udc00", "\\ud800\\ud800", "\\ude00\\ud83d"})
    void refusesAJsonEscapedLoneSurrogate(String escape) throws IOException {
        byte[] body = json("{\"query\":\"{ condition(id: \\\"" + escape + "\\\") { name } }\"}", new byte[0], "");

        assertRefused(post(body));
    }

    @Test
    void refusesAUtf16BodyThatJacksonWouldOtherwiseDetect() throws IOException {
        byte[] body = "{\"query\":\"{ condition(id: \\\"x\\\") { name } }\"}".getBytes(StandardCharsets.UTF_16LE);

        assertRefused(post(body));
    }

    @Test
    void runsWellFormedTextIncludingEscapedSurrogatePairs() throws IOException {
        // a valid pair escaped in JSON, then two escaped backslashes followed by the letters "ud800"
        byte[] body = json(
                "{\"query\":\"{ condition(id: \\\"é\uD83D\uDE00\\ud83d\\ude00\\\\\\\\ud800\\\") { name } }\"}",
                new byte[0],
                "");

        String answer = post(body);

        assertThat(answer).startsWith("HTTP/1.1 200").contains("\"name\":\"Depression\"");
        assertThat(engine.lastRequest()).isNotNull();
        assertThat(engine.lastRequest().query()).contains("é\uD83D\uDE00\uD83D\uDE00\\\\ud800");
    }

    @ParameterizedTest
    @ValueSource(strings = {"%C1%9F", "%C0%AF", "%ED%A0%80", "%E2%82", "%FF", "%F4%90%80%80"})
    void refusesAnIllFormedGetQuery(String encoded) throws IOException {
        String target = "/graphql?query=%7Bcondition(id%3A%22a" + encoded + "b%22)%7Bname%7D%7D";

        assertRefused(get(target));
    }

    @Test
    void refusesALoneSurrogateEscapedInGetVariables() throws IOException {
        String target = "/graphql?query=query(%24id%3AID!)%7Bcondition(id%3A%24id)%7Bname%7D%7D"
                + "&variables=%7B%22id%22%3A%22%5Cud800%22%7D";

        assertRefused(get(target));
    }

    @Test
    void runsAWellFormedGetQuery() throws IOException {
        String answer = get("/graphql?query=%7Bcondition(id%3A%22%C3%A9%F0%9F%98%80%22)%7Bname%7D%7D");

        assertThat(answer).startsWith("HTTP/1.1 200").contains("\"name\":\"Depression\"");
        assertThat(engine.lastRequest().query()).contains("é\uD83D\uDE00");
    }

    private void assertRefused(String answer) {
        assertThat(answer)
                .startsWith("HTTP/1.1 400")
                .contains("\"code\":\"INVALID_UTF8\"")
                .contains("\"requestId\"");
        assertThat(engine.lastRequest()).as("the engine never ran it").isNull();
    }

    private static byte[] json(String before, byte[] raw, String after) throws IOException {
        var out = new ByteArrayOutputStream();
        out.write(before.getBytes(StandardCharsets.UTF_8));
        out.write(raw);
        out.write(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private String post(byte[] body) throws IOException {
        var head = "POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Accept: application/graphql-response+json\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n";
        return exchange(head.getBytes(StandardCharsets.US_ASCII), body);
    }

    private String get(String target) throws IOException {
        var head = "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/graphql-response+json\r\n"
                + "Connection: close\r\n\r\n";
        return exchange(head.getBytes(StandardCharsets.US_ASCII), new byte[0]);
    }

    private String exchange(byte[] head, byte[] body) throws IOException {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(head);
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
