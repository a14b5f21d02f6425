package com.refractoryatlas.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GraphQlHttpControllerTests {

    @Test
    void givesAnErrorWithoutACodeOneFromItsClassification() {
        assertThat(GraphQlHttpController.codeOf("InvalidSyntax")).isEqualTo("GRAPHQL_PARSE_FAILED");
        assertThat(GraphQlHttpController.codeOf("ValidationError")).isEqualTo("GRAPHQL_VALIDATION_FAILED");
        assertThat(GraphQlHttpController.codeOf(null)).isEqualTo("INTERNAL_SERVER_ERROR");
    }
}
