package com.refractoryatlas.references.catalog;

import com.refractoryatlas.references.ReferencesProperties;
import com.refractoryatlas.subgraph.PooledHttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;

@Configuration(proxyBeanMethods = false)
class CatalogClientConfiguration {

    /** The pooled connections to the catalog, a bean so that they are closed with the context. */
    @Bean
    HttpComponentsClientHttpRequestFactory catalogRequests(ReferencesProperties properties) {
        var catalog = properties.catalog();
        return new PooledHttpClient(
                        catalog.connectTimeout(),
                        catalog.readTimeout(),
                        catalog.maxConnections(),
                        catalog.maxConnections())
                .requestFactory();
    }
}
