package com.refractoryatlas.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnswersTests {

    @Test
    void comparesNumbersByValueButKeepsEverythingElseExact() {
        assertThat(canonical("{\"progress\":1.0,\"n\":[2,0.50]}"))
                .isEqualTo(canonical("{\"progress\":1,\"n\":[2,0.5]}"));
        assertThat(canonical("{\"progress\":1.5}")).isNotEqualTo(canonical("{\"progress\":1}"));
        assertThat(canonical("{\"a\":1,\"b\":2}")).isNotEqualTo(canonical("{\"b\":2,\"a\":1}"));
        assertThat(canonical("{\"a\":\"1\"}")).isNotEqualTo(canonical("{\"a\":1}"));
        assertThat(canonical("{\"a\":null}")).isNotEqualTo(canonical("{\"a\":\"null\"}"));
    }

    private static String canonical(String json) {
        return Answers.canonical(GraphQl.JSON.readTree(json));
    }
}
