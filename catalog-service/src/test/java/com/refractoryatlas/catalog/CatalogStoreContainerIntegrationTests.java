package com.refractoryatlas.catalog;

import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/** The storage contract on a real MongoDB 7; skipped (and reported so) where no Docker engine exists. */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
@Import({CatalogTestConfiguration.class, CatalogFixtures.class})
class CatalogStoreContainerIntegrationTests extends CatalogStoreContract {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7");

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("atlas.mongo.uri", MONGO::getReplicaSetUrl);
    }
}
