package com.refractoryatlas.references;

import com.mongodb.client.MongoDatabase;
import com.refractoryatlas.mongo.MongoCommandCounter;
import com.refractoryatlas.subgraph.Caller;
import java.time.Duration;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one Spring context every integration test of this module shares (so Spring caches it): the whole service on
 * a random port, the in-memory embedded MongoDB, and a {@link FakeCatalog} standing in for the catalog subgraph.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
public abstract class IntegrationTestSupport {

    protected static final String SERVICE_TOKEN = "test-service-token";
    protected static final FakeCatalog CATALOG = new FakeCatalog();

    /** Generous: the build machine is shared, and a first request also warms up the CSL processors. */
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);

    @Autowired
    protected HttpGraphQlTester graphQl;

    @Autowired
    protected MongoDatabase database;

    @Autowired
    protected MongoCommandCounter commands;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("atlas.references.catalog.url", CATALOG::url);
        registry.add("atlas.references.catalog.service-token", () -> SERVICE_TOKEN);
        registry.add("atlas.security.service-token", () -> SERVICE_TOKEN);
    }

    @BeforeEach
    void clearData() {
        graphQl = graphQl.mutate().responseTimeout(RESPONSE_TIMEOUT).build();
        database.getCollection("references").deleteMany(new Document());
        database.getCollection("articles").deleteMany(new Document());
        CATALOG.reset();
    }

    /** The tester as the import service calls us: with the internal credential. */
    protected HttpGraphQlTester asImporter() {
        return graphQl.mutate()
                .header(Caller.SERVICE_TOKEN_HEADER, SERVICE_TOKEN)
                .build();
    }
}
