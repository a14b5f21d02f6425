package com.refractoryatlas.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictUtf8Tests {

    @ParameterizedTest
    @ValueSource(strings = {"c19f", "c0af", "e080af", "eda080", "f4908080", "e282", "80", "ff", "41e2", "f0908d"})
    void findsIllFormedSequences(String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex);

        assertThat(StrictUtf8.problem(bytes, bytes.length, "x")).startsWith("x is not valid UTF-8");
    }

    @Test
    void acceptsEveryPlaneOfWellFormedText() {
        byte[] bytes = "a é € 😀 \u0000 \uFFFD".repeat(2000).getBytes(StandardCharsets.UTF_8);

        assertThat(StrictUtf8.problem(bytes, bytes.length, "x")).isNull();
    }

    @Test
    void checksOnlyTheGivenLength() {
        byte[] bytes = HexFormat.of().parseHex("4142c1");

        assertThat(StrictUtf8.problem(bytes, 2, "x")).isNull();
        assertThat(StrictUtf8.problem(bytes, 3, "x")).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\\ud800\"", "\"\\udfff\"", "\"\\ud800\\u0041\"", "\"\\ud800", "\"\\\\\\udc00\""})
    void findsLoneSurrogateEscapesInJson(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);

        assertThat(StrictUtf8.jsonProblem(bytes, bytes.length)).contains("lone surrogate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\\ud83d\\ude00\"", "\"\\\\ud800\"", "\"\\u00e9\\n\\\"\"", "\"\\u12\"", "\"plain\""})
    void acceptsPairedEscapesAndEscapedBackslashes(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);

        assertThat(StrictUtf8.jsonProblem(bytes, bytes.length)).isNull();
    }

    @Test
    void refusesNulBytes() {
        byte[] bytes = "{}".getBytes(StandardCharsets.UTF_16LE);

        assertThat(StrictUtf8.jsonProblem(bytes, bytes.length)).contains("NUL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"q=%C1%9F", "q=%c0%af", "q=%ED%A0%80", "q=%E2%82", "q=%", "q=%4", "q=%G1", "q=é"})
    void findsIllFormedPercentEncodings(String raw) {
        assertThat(StrictUtf8.uriProblem(raw, "The query string")).startsWith("The query string");
    }

    @ParameterizedTest
    @ValueSource(strings = {"q=%C3%A9%F0%9F%98%80", "q=a+b&v=%7B%7D", "q=plain", ""})
    void acceptsWellFormedPercentEncodings(String raw) {
        assertThat(StrictUtf8.uriProblem(raw, "The query string")).isNull();
    }
}
