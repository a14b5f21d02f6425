package com.refractoryatlas.references.reference;

import static com.mongodb.client.model.Filters.regex;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.refractoryatlas.mongo.EmbeddedMongoServer;
import java.util.List;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The repository against the embedded MongoDB-wire server; {@link ReferenceRepositoryContainerTests} runs the same
 * tests against a real MongoDB.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferenceRepositoryTests {

    private EmbeddedMongoServer server;
    private MongoClient client;
    private ReferenceRepository repository;
    private MongoDatabase database;

    /** The connection string of the server under test. */
    String connectionString() {
        server = EmbeddedMongoServer.inMemory();
        return server.connectionString();
    }

    @BeforeAll
    void connect() {
        client = MongoClients.create(connectionString());
        database = client.getDatabase("references-repository-tests");
    }

    @AfterAll
    void disconnect() {
        client.close();
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void clear() {
        database.getCollection("references").deleteMany(new Document());
        repository = new ReferenceRepository(database);
    }

    private static Reference work(int i, String title) {
        return new Reference(
                "ref-" + i,
                title,
                List.of(new Author("Family" + i, "Given", null)),
                "Journal",
                null,
                null,
                null,
                2000 + i,
                null);
    }

    @Test
    void upsertsByIdWithoutDuplicating() {
        repository.upsertAll(List.of(ReferenceDocument.of(work(1, "First"))));
        repository.upsertAll(List.of(ReferenceDocument.of(work(1, "First, corrected"))));

        assertThat(database.getCollection("references").countDocuments()).isEqualTo(1);
        assertThat(repository.findById("ref-1"))
                .get()
                .extracting(ReferenceDocument::title)
                .isEqualTo("First, corrected");
    }

    @Test
    void pagesInTitleOrderWithKeysetPositions() {
        repository.upsertAll(IntStream.range(0, 7)
                .mapToObj(i -> ReferenceDocument.of(work(i, "Title " + (char) ('g' - i))))
                .toList());

        var first = repository.page(new Document(), null, 3);
        var last = first.getLast();
        var second = repository.page(new Document(), List.of(last.sortKey(), last.id()), 10);

        assertThat(first).extracting(ReferenceDocument::title).containsExactly("Title a", "Title b", "Title c");
        assertThat(second)
                .extracting(ReferenceDocument::title)
                .containsExactly("Title d", "Title e", "Title f", "Title g");
    }

    @Test
    void matchesTokenPrefixesOnTheMultikeyField() {
        repository.upsertAll(List.of(
                ReferenceDocument.of(work(1, "Ketamine for depression")),
                ReferenceDocument.of(work(2, "Clozapine in schizophrenia"))));

        var found = repository.page(regex(ReferenceDocument.TEXT_TOKENS, "^keta"), null, 10);

        assertThat(found).extracting(ReferenceDocument::id).containsExactly("ref-1");
        assertThat(repository.count(regex(ReferenceDocument.TEXT_TOKENS, "^depr")))
                .isEqualTo(1);
    }

    @Test
    void findsManyByIdInOneCall() {
        repository.upsertAll(IntStream.range(0, 5)
                .mapToObj(i -> ReferenceDocument.of(work(i, "T" + i)))
                .toList());

        assertThat(repository.findAllById(List.of("ref-1", "ref-4", "missing")))
                .extracting(ReferenceDocument::id)
                .containsExactlyInAnyOrder("ref-1", "ref-4");
    }
}
