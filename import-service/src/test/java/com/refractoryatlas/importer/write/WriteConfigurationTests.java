package com.refractoryatlas.importer.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.refractoryatlas.importer.ImportProperties;
import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** The writes' HTTP client as the service builds it from {@code atlas.import.services}, against a local server. */
class WriteConfigurationTests {

    private static final String RETRACTION =
            "{\"data\":{\"retractCatalogBatch\":{\"restored\":1,\"removed\":2,\"kept\":3}}}";
    /** Far longer than the request timeout under test: a write that waits for it shows the timeout was ignored. */
    private static final long HOLD_SECONDS = 20;

    private final CountDownLatch release = new CountDownLatch(1);
    private final List<String> userAgents = new CopyOnWriteArrayList<>();
    private final List<String> serviceTokens = new CopyOnWriteArrayList<>();
    private final List<Integer> clientPorts = new CopyOnWriteArrayList<>();
    private final HttpServer catalog = catalog();

    @AfterEach
    void stop() {
        release.countDown();
        catalog.stop(0);
    }

    private HttpServer catalog() {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/graphql", exchange -> {
                userAgents.add(exchange.getRequestHeaders().getFirst("User-Agent"));
                serviceTokens.add(exchange.getRequestHeaders().getFirst("X-Atlas-Service-Token"));
                clientPorts.add(exchange.getRemoteAddress().getPort());
                exchange.getRequestBody().readAllBytes();
                var body = RETRACTION.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/graphql-response+json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.createContext("/slow/graphql", exchange -> {
                try {
                    release.await(HOLD_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ApplicationContextRunner service(String catalogPath) {
        // long enough for a first call in a cold JVM: a call past the deadline loses its connection, even answered
        return service(catalogPath, "10s");
    }

    private ApplicationContextRunner service(String catalogPath, String requestTimeout) {
        return new ApplicationContextRunner()
                .withUserConfiguration(Writes.class)
                .withPropertyValues(
                        "atlas.import.concurrency=1",
                        "atlas.import.services.catalog-url=http://127.0.0.1:"
                                + catalog.getAddress().getPort() + catalogPath,
                        "atlas.import.services.service-token=test-service-token",
                        "atlas.import.services.connect-timeout=1s",
                        "atlas.import.services.request-timeout=" + requestTimeout);
    }

    @Test
    void writesThroughApacheHttpClient5OnOneReusedConnectionWithTheServiceToken() {
        service("/graphql").run(context -> {
            var writer = context.getBean(ServiceWriter.class);

            assertThat(writer.retractCatalogBatch("job-1")).isEqualTo(new ServiceWriter.CatalogRetraction(1, 2, 3));
            assertThat(writer.retractCatalogBatch("job-2")).isEqualTo(new ServiceWriter.CatalogRetraction(1, 2, 3));

            assertThat(userAgents).hasSize(2).allSatisfy(agent -> assertThat(agent)
                    .startsWith("Apache-HttpClient/5."));
            assertThat(serviceTokens).containsExactly("test-service-token", "test-service-token");
            assertThat(clientPorts.stream().distinct())
                    .as("one keep-alive connection")
                    .hasSize(1);
        });
    }

    @Test
    void aWriteNotAnsweredWithinTheRequestTimeoutIsDownstreamUnavailable() {
        service("/slow/graphql", "300ms").run(context -> {
            var writer = context.getBean(ServiceWriter.class);

            assertThatThrownBy(() -> writer.retractCatalogBatch("job-1"))
                    .isInstanceOf(DownstreamUnavailableException.class)
                    // the deadline or HttpClient's read timeout, whichever notices first
                    .hasMessageStartingWith("catalog: SocketTimeoutException: ");
        });
    }

    @Test
    void closesItsConnectionPoolWithTheService() {
        var requests = new HttpComponentsClientHttpRequestFactory[1];
        service("/graphql").run(context -> requests[0] = context.getBean(HttpComponentsClientHttpRequestFactory.class));

        var afterShutdown = RestClient.builder().requestFactory(requests[0]).build();
        assertThatThrownBy(() -> afterShutdown
                        .post()
                        .uri("http://127.0.0.1:" + catalog.getAddress().getPort() + "/graphql")
                        .retrieve()
                        .toBodilessEntity())
                .hasStackTraceContaining("shut down");
        assertThat(userAgents).isEmpty();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ImportProperties.class)
    @Import(WriteConfiguration.class)
    static class Writes {

        @Bean
        RetryRegistry retries() {
            return RetryRegistry.of(RetryConfig.custom()
                    .maxAttempts(1)
                    .waitDuration(Duration.ofMillis(1))
                    .build());
        }

        @Bean
        CircuitBreakerRegistry breakers() {
            return CircuitBreakerRegistry.ofDefaults();
        }
    }
}
