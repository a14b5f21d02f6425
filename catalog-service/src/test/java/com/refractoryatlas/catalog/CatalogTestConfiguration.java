package com.refractoryatlas.catalog;

import com.refractoryatlas.catalog.alias.AliasRegistry;
import com.refractoryatlas.catalog.benchmark.CatalogDataGenerator;
import com.refractoryatlas.catalog.mechanism.MechanismCatalog;
import com.refractoryatlas.catalog.term.ConditionCatalog;
import com.refractoryatlas.catalog.term.TherapyCatalog;
import com.refractoryatlas.catalog.treatment.TreatmentCatalog;
import java.time.Duration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/** Test-only beans shared by the module's one test context. */
@TestConfiguration(proxyBeanMethods = false)
public class CatalogTestConfiguration {

    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);

    @Bean
    CatalogDataGenerator catalogDataGenerator(
            ConditionCatalog conditions,
            TherapyCatalog therapies,
            TreatmentCatalog treatments,
            MechanismCatalog mechanisms,
            AliasRegistry aliases) {
        return new CatalogDataGenerator(conditions, therapies, treatments, mechanisms, aliases);
    }

    /** The build machine is shared and slow at times; a test should fail on a wrong answer, not a slow one. */
    @Bean
    WebTestClientBuilderCustomizer patientWebTestClient() {
        return builder -> builder.responseTimeout(RESPONSE_TIMEOUT);
    }
}
