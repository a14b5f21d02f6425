package com.refractoryatlas.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class AtlasMongoAutoConfigurationTests {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(AtlasMongoAutoConfiguration.class));

    @Test
    void startsAnEmbeddedServerWhenNoUriIsGiven(@TempDir Path dir) {
        runner.withPropertyValues("atlas.mongo.database=catalog", "atlas.mongo.embedded.data-dir=" + dir)
                .run(context -> {
                    var database = context.getBean(MongoDatabase.class);
                    database.getCollection("c").insertOne(new Document("_id", 1));
                    assertThat(database.getName()).isEqualTo("catalog");
                    assertThat(dir.resolve("catalog.mv")).exists();
                });
    }

    @Test
    void usesTheGivenUriInsteadOfAnEmbeddedServer() {
        try (var external = EmbeddedMongoServer.inMemory()) {
            runner.withPropertyValues("atlas.mongo.uri=" + external.connectionString(), "atlas.mongo.database=refs")
                    .run(context -> {
                        assertThat(context.getBean(AtlasMongoAutoConfiguration.EmbeddedMongoHolder.class)
                                        .server())
                                .isNull();
                        context.getBean(MongoDatabase.class).getCollection("c").insertOne(new Document("_id", 1));
                    });
            try (var client = com.mongodb.client.MongoClients.create(external.connectionString())) {
                assertThat(client.getDatabase("refs").getCollection("c").countDocuments())
                        .isEqualTo(1);
            }
        }
    }
}
