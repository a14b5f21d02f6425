package com.refractoryatlas.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

class GraphQlRouteTests {

    /** Stands in for the engine's handler: remembers the request the route's filters handed it. */
    private final AtomicReference<@Nullable ServerRequest> seen = new AtomicReference<>();

    private final HandlerFunction<ServerResponse> recorder = request -> {
        seen.set(request);
        return ServerResponse.ok().build();
    };

    private static ServerRequest request(String method, @Nullable String accept) {
        var servlet = new MockHttpServletRequest(method, GraphQlRoute.PATH);
        if (accept != null) {
            servlet.addHeader("Accept", accept);
        }
        return ServerRequest.create(servlet, List.of(new ByteArrayHttpMessageConverter()));
    }

    private ServerRequest handled(RouterFunction<ServerResponse> route, ServerRequest request) throws Exception {
        var handler = route.route(request).orElseThrow(() -> new AssertionError("the route did not match"));
        handler.handle(request);
        var received = seen.get();
        assertThat(received).as("the handler was called").isNotNull();
        return received;
    }

    @Nested
    class Filters {

        @Test
        void removesTheInternalHeadersAClientSentBeforeTheEngineSeesThem() throws Exception {
            var request = request("POST", "application/json");
            var servlet = (MockHttpServletRequest) request.servletRequest();
            servlet.addHeader("X-Atlas-Service-Token", "forged");
            servlet.addHeader("X-Atlas-User-Roles", "editor,importer");
            servlet.addHeader("X-Atlas-User-Id", "someone-else");
            servlet.addHeader("Authorization", "Bearer abc");
            servlet.addHeader(GraphQlHttpHandler.DEBUG_PLAN_HEADER, "true");

            var received = handled(GraphQlRoute.graphQlRoute(recorder, true), request);

            assertThat(received.headers().header("X-Atlas-Service-Token")).isEmpty();
            assertThat(received.headers().header("X-Atlas-User-Roles")).isEmpty();
            assertThat(received.headers().header("X-Atlas-User-Id")).isEmpty();
            assertThat(received.headers().firstHeader("Authorization")).isEqualTo("Bearer abc");
            assertThat(received.headers().firstHeader(GraphQlHttpHandler.DEBUG_PLAN_HEADER))
                    .isEqualTo("true");
        }

        @Test
        void removesTheQueryPlanHeaderWhereIntrospectionIsOff() throws Exception {
            var request = request("POST", "application/json");
            ((MockHttpServletRequest) request.servletRequest()).addHeader(GraphQlHttpHandler.DEBUG_PLAN_HEADER, "true");

            var received = handled(GraphQlRoute.graphQlRoute(recorder, false), request);

            assertThat(received.headers().header(GraphQlHttpHandler.DEBUG_PLAN_HEADER))
                    .isEmpty();
        }

        @Test
        void handsARequestWithoutInternalHeadersOnUncopiedAndTaggedWithTheRouteId() throws Exception {
            var request = request("POST", "application/json");

            var received = handled(GraphQlRoute.graphQlRoute(recorder, false), request);

            assertThat(received).isSameAs(request);
            assertThat(request.servletRequest().getAttribute(MvcUtils.GATEWAY_ROUTE_ID_ATTR))
                    .isEqualTo(GraphQlRoute.ID);
        }
    }

    @Nested
    class Matching {

        private final RouterFunction<ServerResponse> route = GraphQlRoute.graphQlRoute(recorder, true);

        @Test
        void takesGetAndPostQueries() {
            assertThat(route.route(request("GET", null))).isPresent();
            assertThat(route.route(request("GET", "application/graphql-response+json")))
                    .isPresent();
            assertThat(route.route(request("POST", null))).isPresent();
            assertThat(route.route(request("POST", "*/*"))).isPresent();
            assertThat(route.route(request("POST", "application/json"))).isPresent();
            // not acceptable: the handler answers 406, as the endpoint did
            assertThat(route.route(request("POST", "image/png"))).isPresent();
        }

        @Test
        void leavesAPostAskingForServerSentEventsToTheSseController() {
            assertThat(route.route(request("POST", "text/event-stream"))).isEmpty();
            assertThat(route.route(request("POST", "text/*"))).isEmpty();
            assertThat(route.route(request("POST", "text/event-stream, application/json;q=0.9")))
                    .isEmpty();
        }

        @Test
        void answersOtherMethodsAsTheAnnotatedEndpointDidWithoutCallingTheEngine() throws Exception {
            var put = route.route(request("PUT", "application/json")).orElseThrow();
            assertThatThrownBy(() -> put.handle(request("PUT", "application/json")))
                    .isInstanceOfSatisfying(
                            HttpRequestMethodNotSupportedException.class,
                            e -> assertThat(e.getSupportedMethods()).containsExactly("GET", "POST"));
            var options = route.route(request("OPTIONS", null)).orElseThrow().handle(request("OPTIONS", null));
            assertThat(options.statusCode().value()).isEqualTo(200);
            assertThat(options.headers().getAllow())
                    .containsExactly(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST, HttpMethod.OPTIONS);
            assertThat(seen.get()).isNull();
        }

        @Test
        void leavesOtherPathsAlone() {
            var elsewhere = ServerRequest.create(
                    new MockHttpServletRequest("POST", "/graphql/schema.graphql"),
                    List.of(new ByteArrayHttpMessageConverter()));
            assertThat(route.route(elsewhere)).isEmpty();
        }
    }
}
