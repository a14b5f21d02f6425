package com.refractoryatlas.gateway.http;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.removeRequestHeader;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;

import com.refractoryatlas.gateway.edge.EdgeProperties;
import com.refractoryatlas.gateway.security.SubgraphIdentity;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.servlet.mvc.condition.ProducesRequestCondition;

/**
 * {@code /graphql} over HTTP as a Spring Cloud Gateway Server MVC route whose destination is the local federation
 * engine ({@link GraphQlHttpHandler}), with Spring Cloud Gateway's filters for what they do: the internal headers
 * a client might try to smuggle in are removed, and so is the query-plan header where introspection is off. Not on
 * the route: the WebSocket upgrade of a subscription (its own handler mapping, ahead of the routes) and a POST that
 * asks for {@code text/event-stream} (the SSE subscription controller).
 */
@Configuration(proxyBeanMethods = false)
class GraphQlRoute {

    static final String ID = "graphql";
    static final String PATH = "/graphql";

    /** Headers only our services set, never taken from a client. */
    static final List<String> INTERNAL_HEADERS = List.of(
            SubgraphIdentity.SERVICE_TOKEN_HEADER, SubgraphIdentity.USER_ROLES_HEADER, SubgraphIdentity.USER_ID_HEADER);

    /** The SSE controller's mapping, and an endpoint producing anything: which of the two Spring MVC would pick. */
    private static final ProducesRequestCondition EVENT_STREAM =
            new ProducesRequestCondition(MediaType.TEXT_EVENT_STREAM_VALUE);

    private static final ProducesRequestCondition ANY = new ProducesRequestCondition();

    @Bean
    RouterFunction<ServerResponse> graphQlOverHttpRoute(GraphQlHttpHandler handler, EdgeProperties properties) {
        return graphQlRoute(handler, properties.introspectionEnabled());
    }

    /**
     * The route in front of {@code handler}; {@code debugPlanAllowed} keeps the client's query-plan header. Another
     * method on {@code /graphql} is answered as the annotated endpoint before it answered: OPTIONS with the methods,
     * anything else 405 with {@code Allow: GET, POST} (through {@code /error}, so the usual error body).
     */
    static RouterFunction<ServerResponse> graphQlRoute(
            HandlerFunction<ServerResponse> handler, boolean debugPlanAllowed) {
        var removed = new ArrayList<>(INTERNAL_HEADERS);
        if (!debugPlanAllowed) {
            removed.add(GraphQlHttpHandler.DEBUG_PLAN_HEADER);
        }
        var builder = route(ID)
                .route(graphQlOverHttp(), handler)
                .route(
                        RequestPredicates.path(PATH).and(RequestPredicates.method(HttpMethod.OPTIONS)),
                        GraphQlRoute::options)
                .route(RequestPredicates.path(PATH).and(otherMethod()), GraphQlRoute::methodNotAllowed);
        for (String header : removed) {
            builder = builder.before(whenPresent(header, removeRequestHeader(header)));
        }
        return builder.build();
    }

    /** GET (and HEAD, as the GET mapping it replaces) and POST on {@code /graphql}, except a POST for SSE. */
    static RequestPredicate graphQlOverHttp() {
        return RequestPredicates.path(PATH)
                .and(RequestPredicates.method(HttpMethod.GET)
                        .or(RequestPredicates.method(HttpMethod.HEAD))
                        .or(RequestPredicates.method(HttpMethod.POST)
                                .and(request -> !wantsEventStream(request.servletRequest()))));
    }

    private static RequestPredicate otherMethod() {
        return RequestPredicates.method(HttpMethod.GET)
                .or(RequestPredicates.method(HttpMethod.HEAD))
                .or(RequestPredicates.method(HttpMethod.POST))
                .or(RequestPredicates.method(HttpMethod.OPTIONS))
                .negate();
    }

    private static ServerResponse options(ServerRequest request) {
        return ServerResponse.ok()
                .allow(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST, HttpMethod.OPTIONS)
                .build();
    }

    private static ServerResponse methodNotAllowed(ServerRequest request)
            throws HttpRequestMethodNotSupportedException {
        throw new HttpRequestMethodNotSupportedException(request.method().name(), List.of("GET", "POST"));
    }

    /**
     * Whether Spring MVC would give this POST to the SSE controller ({@code produces = text/event-stream}) rather than
     * to an endpoint producing anything, decided by Spring MVC's own condition: {@code Accept: text/event-stream}
     * (or {@code text/*}) ranked above the full wildcard or any other type.
     */
    static boolean wantsEventStream(HttpServletRequest request) {
        var eventStream = EVENT_STREAM.getMatchingCondition(request);
        if (eventStream == null) {
            return false;
        }
        var any = ANY.getMatchingCondition(request);
        return any == null || eventStream.compareTo(any, request) < 0;
    }

    /**
     * The filter, where the client sent the header: Spring Cloud Gateway's header filters copy the request (headers,
     * attributes, parameters), and almost no request carries an internal header, so the hot path skips the copy.
     */
    private static Function<ServerRequest, ServerRequest> whenPresent(
            String header, Function<ServerRequest, ServerRequest> filter) {
        return request -> request.headers().firstHeader(header) == null ? request : filter.apply(request);
    }
}
