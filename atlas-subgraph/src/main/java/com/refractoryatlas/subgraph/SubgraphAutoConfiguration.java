package com.refractoryatlas.subgraph;

import graphql.scalars.ExtendedScalars;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.federation.FederationSchemaFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.server.WebGraphQlInterceptor;

/**
 * Makes a Spring for GraphQL application an Apollo Federation v2 subgraph ({@code _service}, {@code _entities}
 * from {@code @EntityMapping} methods) with the contract's scalars and typed errors.
 */
@AutoConfiguration
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

    @Bean
    RuntimeWiringConfigurer contractScalars() {
        return wiring -> wiring.scalar(ExtendedScalars.Date)
                .scalar(InstantScalar.DATE_TIME)
                .scalar(ExtendedScalars.Json);
    }

    @Bean
    WebGraphQlInterceptor serviceCredentialInterceptor(
            @Value("${atlas.security.service-token:${ATLAS_SERVICE_TOKEN:local-dev-service-token}}") String token) {
        return new ServiceCredentialInterceptor(token);
    }

    @Bean
    DataFetcherExceptionResolver typedErrorResolver() {
        return new TypedErrorResolver();
    }
}
