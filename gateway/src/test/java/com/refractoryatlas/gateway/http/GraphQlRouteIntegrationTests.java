package com.refractoryatlas.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.refractoryatlas.gateway.GatewayIntegrationTest;
import com.refractoryatlas.gateway.TestFederationEngine;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** {@code /graphql} over HTTP is served through the {@code graphql} Spring Cloud Gateway route of the application. */
@GatewayIntegrationTest
class GraphQlRouteIntegrationTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    TestFederationEngine engine;

    @Autowired
    WebTestClient http;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping annotatedMappings;

    @BeforeEach
    void setUp() {
        engine.forget();
    }

    @Test
    void answersAQueryThroughTheRouteWithoutTheInternalHeadersTheClientSent() throws Exception {
        var mvc = MockMvcBuilders.webAppContextSetup(context).build();

        var result = mvc.perform(post("/graphql")
                        .contentType(MediaType.APPLICATION_JSON)
                        .accept(MediaType.APPLICATION_JSON)
                        .header("X-Atlas-User-Id", "someone-else")
                        .header("X-Atlas-User-Roles", "editor")
                        .content("{\"query\": \"{ __typename }\"}"))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentAsString()).contains("\"__typename\":\"Query\"");
        assertThat(result.getHandler()).isInstanceOf(HandlerFunction.class);
        assertThat(result.getRequest().getAttribute(MvcUtils.GATEWAY_ROUTE_ID_ATTR))
                .isEqualTo(GraphQlRoute.ID);
        var sent = engine.lastRequest();
        assertThat(sent).isNotNull();
        assertThat(sent.headers())
                .doesNotContainKey("X-Atlas-User-Id")
                .containsEntry("X-Atlas-User-Roles", "anonymous");
    }

    @Test
    void answersOtherMethodsWithTheMethodsOfTheEndpoint() {
        http.put()
                .uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isEqualTo(405)
                .expectHeader()
                .valueEquals("Allow", "GET, POST")
                .expectBody()
                .jsonPath("$.errors[0].extensions.code")
                .isEqualTo("METHOD_NOT_ALLOWED");
        http.options()
                .uri("/graphql")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("Allow", "GET,HEAD,POST,OPTIONS");
        assertThat(engine.lastRequest()).isNull();
    }

    @Test
    void leavesNoAnnotatedGraphQlEndpointButTheSseOne() {
        var onGraphQl = annotatedMappings.getHandlerMethods().entrySet().stream()
                .filter(entry -> entry.getKey().getPatternValues().contains(GraphQlRoute.PATH))
                .map(Map.Entry::getValue)
                .toList();

        assertThat(onGraphQl).singleElement().satisfies(method -> assertThat(
                        method.getBeanType().getSimpleName())
                .isEqualTo("SseSubscriptionController"));
    }
}
