package com.refractoryatlas.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoServerTests {

    @Test
    void keepsDataAcrossRestartsWhenFileBacked(@TempDir Path dir) {
        var file = dir.resolve("catalog.mv");
        try (var server = EmbeddedMongoServer.persistent(file, "127.0.0.1", 0);
                var client = MongoClients.create(server.connectionString())) {
            client.getDatabase("catalog").getCollection("conditions").insertOne(new Document("_id", "depression"));
        }
        try (var server = EmbeddedMongoServer.persistent(file, "127.0.0.1", 0);
                var client = MongoClients.create(server.connectionString())) {
            var found = client.getDatabase("catalog")
                    .getCollection("conditions")
                    .find(new Document("_id", "depression"))
                    .first();
            assertThat(found).isNotNull();
        }
    }

    @Test
    void refusesToListenBeyondLoopbackBecauseItHasNoAuthentication(@TempDir Path dir) {
        var file = dir.resolve("catalog.mv");
        for (String host : List.of("0.0.0.0", "::", "192.0.2.10", "no-such-host.invalid")) {
            assertThatThrownBy(() -> EmbeddedMongoServer.persistent(file, host, 0))
                    .as(host)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("loopback only")
                    .hasMessageContaining("MONGODB_URI");
        }
    }

    @Test
    void listensOnLoopbackOnly() {
        try (var server = EmbeddedMongoServer.inMemory()) {
            assertThat(server.connectionString()).startsWith("mongodb://127.0.0.1:");
        }
        try (var server = EmbeddedMongoServer.persistent(Path.of("target/loopback-test.mv"), "localhost", 0)) {
            assertThat(server.port()).isPositive();
        }
    }

    @Test
    void forgetsDataWhenInMemory() {
        try (var server = EmbeddedMongoServer.inMemory();
                var client = MongoClients.create(server.connectionString())) {
            client.getDatabase("t").getCollection("c").insertOne(new Document("_id", 1));
        }
        try (var server = EmbeddedMongoServer.inMemory();
                var client = MongoClients.create(server.connectionString())) {
            assertThat(client.getDatabase("t").getCollection("c").countDocuments())
                    .isZero();
        }
    }

    @Test
    void countsCommandsByNameIgnoringHandshakes() {
        var counter = new MongoCommandCounter();
        try (var server = EmbeddedMongoServer.inMemory();
                var client = MongoClients.create(com.mongodb.MongoClientSettings.builder()
                        .applyConnectionString(new com.mongodb.ConnectionString(server.connectionString()))
                        .addCommandListener(counter)
                        .build())) {
            var collection = client.getDatabase("t").getCollection("c");
            collection.insertOne(new Document("_id", 1));
            collection.find().first();
            collection.find().first();
        }
        assertThat(counter.count("find")).isEqualTo(2);
        assertThat(counter.total()).isEqualTo(3);
    }
}
