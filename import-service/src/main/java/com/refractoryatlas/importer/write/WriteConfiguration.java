package com.refractoryatlas.importer.write;

import com.refractoryatlas.importer.ImportProperties;
import com.refractoryatlas.subgraph.Caller;
import com.refractoryatlas.subgraph.PooledHttpClient;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.client.HttpSyncGraphQlClient;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
class WriteConfiguration {

    /**
     * The pooled connections to both subgraphs, closed with the context. Each running job makes one call at a time,
     * so {@code concurrency} connections per service are all the workers of this instance can use.
     */
    @Bean
    HttpComponentsClientHttpRequestFactory subgraphRequests(ImportProperties properties) {
        var services = properties.services();
        int perService = properties.concurrency();
        return new PooledHttpClient(services.connectTimeout(), services.requestTimeout(), perService, 2 * perService)
                .requestFactory();
    }

    @Bean
    ServiceWriter serviceWriter(
            ImportProperties properties,
            HttpComponentsClientHttpRequestFactory subgraphRequests,
            RetryRegistry retries,
            CircuitBreakerRegistry breakers) {
        var services = properties.services();
        var rest = RestClient.builder().requestFactory(subgraphRequests).build();
        return new SubgraphServiceWriter(
                client(ServiceWriter.REFERENCES, services.referencesUrl(), rest, services, retries, breakers),
                client(ServiceWriter.CATALOG, services.catalogUrl(), rest, services, retries, breakers));
    }

    private static SubgraphClient client(
            String service,
            URI url,
            RestClient rest,
            ImportProperties.Services services,
            RetryRegistry retries,
            CircuitBreakerRegistry breakers) {
        var graphQl = HttpSyncGraphQlClient.builder(rest)
                .url(url)
                .header(Caller.SERVICE_TOKEN_HEADER, services.serviceToken())
                .build();
        return new SubgraphClient(service, graphQl, retries.retry(service), breakers.circuitBreaker(service));
    }
}
