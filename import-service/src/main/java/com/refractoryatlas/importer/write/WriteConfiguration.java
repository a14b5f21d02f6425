package com.refractoryatlas.importer.write;

import com.refractoryatlas.importer.ImportProperties;
import com.refractoryatlas.subgraph.Caller;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.client.HttpSyncGraphQlClient;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
class WriteConfiguration {

    @Bean
    ServiceWriter serviceWriter(ImportProperties properties, RetryRegistry retries, CircuitBreakerRegistry breakers) {
        var services = properties.services();
        var http = HttpClient.newBuilder()
                .connectTimeout(services.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        var requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(services.requestTimeout());
        var rest = RestClient.builder().requestFactory(requests).build();
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
