package com.refractoryatlas.subgraph;

import graphql.execution.instrumentation.Instrumentation;
import graphql.scalars.ExtendedScalars;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.graphql.data.federation.FederationSchemaFactory;
import org.springframework.graphql.data.method.annotation.support.AnnotatedControllerConfigurer;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.server.WebGraphQlInterceptor;

/**
 * Makes a Spring for GraphQL application an Apollo Federation v2 subgraph ({@code _service}, {@code _entities}
 * from {@code @EntityMapping} methods) with the contract's scalars and typed errors, closed by default: the
 * internal credential is required for writes, {@code _entities}, {@code _service} and introspection, and bodies and
 * query depth are bounded whoever the caller is.
 */
@AutoConfiguration
@EnableConfigurationProperties(SubgraphProperties.class)
public class SubgraphAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    FederationSchemaFactory federationSchemaFactory() {
        return new FederationSchemaFactory();
    }

    @Bean
    GraphQlSourceBuilderCustomizer federationSchema(FederationSchemaFactory factory) {
        return builder -> builder.schemaFactory(factory::createGraphQLSchema);
    }

    /** The gateway sends the same few operations again and again: parse and validate each once. */
    @Bean
    GraphQlSourceBuilderCustomizer documentCache(SubgraphProperties properties) {
        if (properties.documentCacheSize() == 0) {
            return builder -> {};
        }
        var cache = new DocumentCache(properties.documentCacheSize());
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(cache));
    }

    /**
     * Controller methods run on the request's own (virtual) thread: with virtual threads enabled Spring for GraphQL
     * would hand every blocking {@code @SchemaMapping} and {@code @BatchMapping} call to a new virtual thread and
     * continue the execution there, a hand-off per field and batch that bought nothing (the request thread only waited)
     * and cost ~10% of a subgraph's CPU on the gateway's entity queries (profiled, issue 17).
     */
    @Bean
    static BeanPostProcessor controllerMethodsOnRequestThread() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof AnnotatedControllerConfigurer configurer) {
                    configurer.setBlockingMethodPredicate(method -> false);
                }
                return bean;
            }
        };
    }

    @Bean
    RuntimeWiringConfigurer contractScalars() {
        return wiring -> wiring.scalar(ExtendedScalars.Date)
                .scalar(InstantScalar.DATE_TIME)
                .scalar(ExtendedScalars.Json);
    }

    /** Refuses to start outside the {@code local} profile without a configured secret (see {@link ServiceToken}). */
    @Bean
    WebGraphQlInterceptor serviceCredentialInterceptor(Environment environment) {
        return new ServiceCredentialInterceptor(ServiceToken.resolve(environment));
    }

    @Bean
    Instrumentation privateFieldsInstrumentation() {
        return new PrivateFieldsInstrumentation();
    }

    @Bean
    Instrumentation defaultFirstInstrumentation() {
        return new DefaultFirstInstrumentation();
    }

    @Bean
    Instrumentation maxQueryDepthInstrumentation(SubgraphProperties properties) {
        return new DepthLimitInstrumentation(properties.maxDepth());
    }

    /** First of all, so that every log line of the request carries its id. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        var registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** The body limit runs before anything reads the request, right after the request-id and tracing filters. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(SubgraphProperties properties) {
        var registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(properties.maxBodySize().toBytes(), properties.maxBodyReadTime()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    DataFetcherExceptionResolver typedErrorResolver() {
        return new TypedErrorResolver();
    }
}
