package com.refractoryatlas.references.reference;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/** {@link ReferenceRepositoryTests} against a real MongoDB 7; skipped (reported as such) without a Docker engine. */
@Testcontainers(disabledWithoutDocker = true)
class ReferenceRepositoryContainerTests extends ReferenceRepositoryTests {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7");

    @Override
    String connectionString() {
        return MONGO.getConnectionString();
    }
}
