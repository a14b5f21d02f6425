package com.refractoryatlas.gateway.edge;

import java.util.List;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/** Registers the edge filters in the order they must run: id, size, encoding, body deadline, (authentication), rate limit. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EdgeProperties.class)
class EdgeConfiguration {

    /** Spring Security's filter chain runs at -100; the rate limit runs after it to know the subject. */
    static final int AFTER_SECURITY = -90;

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        var registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeFilter> bodySizeFilter(EdgeProperties properties) {
        var registration = new FilterRegistrationBean<>(
                new BodySizeFilter(properties.limits().maxBodySize().toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<StrictUtf8Filter> strictUtf8Filter() {
        var registration = new FilterRegistrationBean<>(new StrictUtf8Filter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodyReadDeadlineFilter> bodyReadDeadlineFilter(EdgeProperties properties) {
        var registration = new FilterRegistrationBean<>(
                new BodyReadDeadlineFilter(properties.limits().bodyReadTimeout()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(EdgeProperties properties) {
        var registration = new FilterRegistrationBean<>(new RateLimitFilter(properties.rateLimit()));
        registration.setOrder(AFTER_SECURITY);
        return registration;
    }

    /**
     * Spring Security's CORS support uses a bean named {@code corsFilter} when there is one: this one answers a refused
     * origin with a typed error. Registered only inside the security chain, not a second time as a servlet filter.
     */
    @Bean
    CorsFilter corsFilter(CorsConfigurationSource corsConfigurationSource) {
        var filter = new CorsFilter(corsConfigurationSource);
        filter.setCorsProcessor(new JsonCorsProcessor());
        return filter;
    }

    @Bean
    FilterRegistrationBean<CorsFilter> corsFilterRegistration(CorsFilter corsFilter) {
        var registration = new FilterRegistrationBean<>(corsFilter);
        registration.setEnabled(false);
        return registration;
    }

    /** Tomcat's own error pages (requests it refuses before any filter runs) as typed GraphQL errors, not HTML. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
            }
        });
    }

    /** Used by Spring Security's CORS support (looked up by this bean name). */
    @Bean
    CorsConfigurationSource corsConfigurationSource(EdgeProperties properties) {
        var cors = new CorsConfiguration();
        cors.setAllowedOriginPatterns(properties.cors().allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
        cors.setAllowedHeaders(List.of(
                "Authorization",
                "Content-Type",
                "Accept",
                "traceparent",
                "tracestate",
                RequestIds.HEADER,
                "apollographql-client-name",
                "apollographql-client-version",
                "X-Atlas-Cost",
                "If-None-Match"));
        cors.setExposedHeaders(List.of(RequestIds.HEADER, "Retry-After", "X-RateLimit-Remaining", "ETag"));
        cors.setMaxAge(properties.cors().maxAge());
        var source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/graphql", cors);
        return source;
    }
}
