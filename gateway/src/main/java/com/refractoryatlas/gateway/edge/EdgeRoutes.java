package com.refractoryatlas.gateway.edge;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.removeRequestHeader;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.filter.CircuitBreakerFilterFunctions.circuitBreaker;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.util.Set;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The gateway's proxied routes, as Spring Cloud Gateway Server MVC routes with its filters: the references
 * service's reference-list downloads ({@code /articles/{id}/references.bib} and {@code .ris}; the id may hold
 * slashes, as a DOI does) go to the references service through a circuit breaker (Spring Cloud
 * CircuitBreaker over resilience4j, configured like the subgraphs' ones) with a time limit, and without any of the
 * internal headers a client might try to smuggle in. The edge servlet filters (request id, UTF-8, rate limit,
 * security headers) run in front of these routes as in front of the {@code /graphql} one ({@code http.GraphQlRoute}).
 * No retry filter on top: the route's client is Apache HttpClient 5, whose default strategy already repeats a GET
 * answered 503/429 or failed on I/O once, and a second layer would multiply the calls to a failing service.
 */
@Configuration(proxyBeanMethods = false)
class EdgeRoutes {

    static final String DOWNLOADS = "reference-downloads";

    /** Headers only our services set: never taken from a client. */
    static final Set<String> INTERNAL_HEADERS =
            Set.of("X-Atlas-Service-Token", "X-Atlas-User-Roles", "X-Atlas-User-Id");

    @Bean
    RouterFunction<ServerResponse> referenceDownloadRoutes(EdgeProperties properties) {
        var downloads = properties.downloads();
        var builder = route(DOWNLOADS)
                .route(referenceDownload(), http())
                .before(uri(downloads.referencesUri()))
                .before(EdgeRoutes::withRequestId);
        for (String header : INTERNAL_HEADERS) {
            builder = builder.before(removeRequestHeader(header));
        }
        // a 5xx answer counts as a failure too, not only a refused connection or a timeout
        return builder.filter(
                        circuitBreaker(config -> config.setId(DOWNLOADS).setStatusCodes("500", "502", "503", "504")))
                .build();
    }

    /**
     * The downloads' circuit breaker: the subgraphs' resilience4j configuration ({@code resilience4j.circuitbreaker
     * .configs.subgraph}) and a time limit for the whole answer.
     */
    @Bean
    Customizer<Resilience4JCircuitBreakerFactory> referenceDownloadCircuitBreaker(
            CircuitBreakerRegistry registry, EdgeProperties properties) {
        CircuitBreakerConfig breaker = registry.getConfiguration("subgraph").orElse(CircuitBreakerConfig.ofDefaults());
        return factory -> factory.configure(
                builder -> builder.circuitBreakerConfig(breaker)
                        .timeLimiterConfig(TimeLimiterConfig.custom()
                                .timeoutDuration(properties.downloads().timeout())
                                .build()),
                DOWNLOADS);
    }

    private static RequestPredicate referenceDownload() {
        return RequestPredicates.GET("/articles/**")
                .and(request -> request.path().endsWith("/references.bib")
                        || request.path().endsWith("/references.ris"));
    }

    private static ServerRequest withRequestId(ServerRequest request) {
        String id = RequestIds.of(request.servletRequest());
        return ServerRequest.from(request).header(RequestIds.HEADER, id).build();
    }
}
