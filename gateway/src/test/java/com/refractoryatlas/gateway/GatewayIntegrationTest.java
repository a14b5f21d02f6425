package com.refractoryatlas.gateway;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The one Spring test context of the gateway module (shared, so Spring caches it): the whole application on a
 * random port with {@link TestFederationEngine} in place of the real engine, and a rate limit high enough not to
 * interfere (the rate limit has its own unit test).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "atlas.gateway.edge.rate-limit.capacity=1000000",
            "atlas.gateway.edge.rate-limit.refill-tokens=1000000"
        })
@AutoConfigureWebTestClient
@Import(GatewayIntegrationTest.Engine.class)
public @interface GatewayIntegrationTest {

    /** Puts the test engine in front of any real one. */
    @TestConfiguration(proxyBeanMethods = false)
    class Engine {
        @Bean
        @Primary
        TestFederationEngine testFederationEngine() {
            return new TestFederationEngine();
        }
    }
}
