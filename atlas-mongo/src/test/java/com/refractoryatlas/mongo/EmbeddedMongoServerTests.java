package com.refractoryatlas.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    /**
     * Read, merge and write back only if still at the version read: what the versioned writes do. Every writer's
     * items survive. mongo-java-server changes a stored document in place, field by field, so without the server
     * keeping reads apart from writes a reader can see the new version with the old items and overwrite an update.
     */
    @Test
    void versionedReadMergeWriteLosesNoUpdateUnderConcurrentWritersInMemory() throws Exception {
        try (var server = EmbeddedMongoServer.inMemory()) {
            assertConcurrentWritersLoseNoUpdate(server);
        }
    }

    @Test
    void versionedReadMergeWriteLosesNoUpdateUnderConcurrentWritersOnFile(@TempDir Path dir) throws Exception {
        try (var server = EmbeddedMongoServer.persistent(dir.resolve("race.mv"), "127.0.0.1", 0)) {
            assertConcurrentWritersLoseNoUpdate(server);
        }
    }

    private static void assertConcurrentWritersLoseNoUpdate(EmbeddedMongoServer server) throws Exception {
        int writers = 6;
        int appends = 60;
        try (var client = MongoClients.create(server.connectionString());
                var pool = Executors.newFixedThreadPool(writers)) {
            var collection = client.getDatabase("t").getCollection("c");
            collection.insertOne(
                    new Document("_id", "d").append("items", List.of()).append("version", 0L));
            var done = new ArrayList<Future<?>>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int a = 0; a < appends; a++) {
                        appendUntilWritten(collection, "item-" + writer + "-" + a);
                    }
                    return null;
                }));
            }
            for (var future : done) {
                future.get();
            }
            var items = collection.find(Filters.eq("_id", "d")).first().getList("items", String.class);
            assertThat(items).hasSize(writers * appends).doesNotHaveDuplicates();
        }
    }

    private static void appendUntilWritten(MongoCollection<Document> collection, String item) {
        while (true) {
            var stored = collection.find(Filters.eq("_id", "d")).first();
            long version = stored.getLong("version");
            var items = new ArrayList<>(stored.getList("items", String.class));
            items.add(item);
            var next = new Document("_id", "d").append("items", items).append("version", version + 1);
            var filter = Filters.and(Filters.eq("_id", "d"), Filters.eq("version", version));
            if (collection.replaceOne(filter, next).getMatchedCount() == 1) {
                return;
            }
        }
    }
}
