package com.refractoryatlas.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GraphQlHttpHandlerTests {

    @Test
    void givesAnErrorWithoutACodeOneFromItsClassification() {
        assertThat(GraphQlHttpHandler.codeOf("InvalidSyntax")).isEqualTo("GRAPHQL_PARSE_FAILED");
        assertThat(GraphQlHttpHandler.codeOf("ValidationError")).isEqualTo("GRAPHQL_VALIDATION_FAILED");
        assertThat(GraphQlHttpHandler.codeOf(null)).isEqualTo("INTERNAL_SERVER_ERROR");
    }
}
