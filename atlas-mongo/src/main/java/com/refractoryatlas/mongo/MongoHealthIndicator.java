package com.refractoryatlas.mongo;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** UP when the service's database answers a ping; part of the readiness group. */
final class MongoHealthIndicator extends AbstractHealthIndicator {

    private final MongoDatabase database;

    MongoHealthIndicator(MongoDatabase database) {
        super("MongoDB health check failed");
        this.database = database;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        database.runCommand(new Document("ping", 1));
        builder.up().withDetail("database", database.getName());
    }
}
