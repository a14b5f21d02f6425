package com.refractoryatlas.references.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.refractoryatlas.references.FakeCatalog;
import com.refractoryatlas.references.ReferencesProperties;
import com.refractoryatlas.subgraph.ApiException;
import com.refractoryatlas.subgraph.ErrorCode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** The catalog client as the service builds it from {@code atlas.references.catalog}, against a stand-in catalog. */
class CatalogConditionEvidenceTests {

    private static final FakeCatalog CATALOG = new FakeCatalog();

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withUserConfiguration(Evidence.class)
            .withPropertyValues(
                    "atlas.references.catalog.url=" + CATALOG.url(),
                    "atlas.references.catalog.service-token=test-service-token",
                    "atlas.references.catalog.connect-timeout=1s",
                    "atlas.references.catalog.read-timeout=10s",
                    "atlas.references.catalog.max-connections=4");

    @AfterEach
    void resetCatalog() {
        CATALOG.reset();
    }

    @AfterAll
    static void stopCatalog() {
        CATALOG.close();
    }

    @Test
    void asksTheCatalogThroughApacheHttpClient5OnOneReusedConnection() {
        CATALOG.evidence("condition-1", List.of("reference-1", "reference-2"));
        service.run(context -> {
            var evidence = context.getBean(ConditionEvidence.class);

            assertThat(evidence.referenceIdsOf("condition-1")).containsExactlyInAnyOrder("reference-1", "reference-2");
            assertThat(evidence.referenceIdsOf("condition-2")).isEmpty();

            assertThat(CATALOG.lastUserAgent()).startsWith("Apache-HttpClient/5.");
            assertThat(CATALOG.lastToken()).isEqualTo("test-service-token");
            assertThat(CATALOG.clientPorts()).hasSize(2);
            assertThat(CATALOG.clientPorts().stream().distinct())
                    .as("one keep-alive connection")
                    .hasSize(1);
        });
    }

    @Test
    void aCatalogSlowerThanTheReadTimeoutIsUnavailable() {
        CATALOG.evidence("condition-1", List.of("reference-1"));
        CATALOG.delay(Duration.ofSeconds(20));
        service.withPropertyValues("atlas.references.catalog.read-timeout=300ms")
                .run(context -> {
                    var evidence = context.getBean(ConditionEvidence.class);

                    assertThatThrownBy(() -> evidence.referenceIdsOf("condition-1"))
                            .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code())
                                    .isEqualTo(ErrorCode.UNAVAILABLE));
                });
    }

    @Test
    void closesItsConnectionPoolWithTheService() {
        var requests = new HttpComponentsClientHttpRequestFactory[1];
        service.run(context -> requests[0] = context.getBean(HttpComponentsClientHttpRequestFactory.class));

        var afterShutdown = RestClient.builder().requestFactory(requests[0]).build();
        assertThatThrownBy(
                        () -> afterShutdown.post().uri(CATALOG.url()).retrieve().toBodilessEntity())
                .hasStackTraceContaining("shut down");
        assertThat(CATALOG.clientPorts()).isEmpty();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ReferencesProperties.class)
    @Import({CatalogClientConfiguration.class, CatalogConditionEvidence.class})
    static class Evidence {}
}
