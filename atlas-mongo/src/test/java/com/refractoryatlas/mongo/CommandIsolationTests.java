package com.refractoryatlas.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CommandIsolationTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final CommandIsolation isolation = new CommandIsolation();

    /** A write to {@code collection} that holds its lock until {@code release} opens. */
    private CompletableFuture<Document> heldWrite(String collection, CountDownLatch holding, CountDownLatch release) {
        return CompletableFuture.supplyAsync(
                () -> isolation.run("db", "update", new Document("update", collection), () -> {
                    holding.countDown();
                    await(release);
                    return new Document("ok", 1);
                }),
                Executors.newVirtualThreadPerTaskExecutor());
    }

    private CompletableFuture<Document> read(String collection) {
        return CompletableFuture.supplyAsync(
                () -> isolation.run("db", "find", new Document("find", collection), () -> new Document("ok", 1)),
                Executors.newVirtualThreadPerTaskExecutor());
    }

    @Test
    void aWriteToOneCollectionHoldsUpReadsOfItButNotOfAnother() throws Exception {
        var holding = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var write = heldWrite("articles", holding, release);
        assertThat(holding.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        var other = read("jobs");
        var same = read("articles");

        assertThat(other.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(new Document("ok", 1));
        assertThat(same).isNotDone();
        release.countDown();
        assertThat(same.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(new Document("ok", 1));
        assertThat(write.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(new Document("ok", 1));
    }

    @Test
    void anUnknownCommandRunsAloneOnTheWholeServer() throws Exception {
        var holding = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var rename = CompletableFuture.supplyAsync(
                () -> isolation.run("admin", "renameCollection", new Document("renameCollection", "db.a"), () -> {
                    holding.countDown();
                    await(release);
                    return new Document("ok", 1);
                }),
                Executors.newVirtualThreadPerTaskExecutor());
        assertThat(holding.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        var read = read("jobs");
        var ping = isolation.run("admin", "ping", new Document("ping", 1), () -> new Document("ok", 1));

        assertThat(ping).isEqualTo(new Document("ok", 1));
        assertThat(read).isNotDone();
        release.countDown();
        assertThat(read.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(new Document("ok", 1));
        assertThat(rename.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(new Document("ok", 1));
    }

    @Test
    void aReadIsAnsweredWithACopyOfWhatIsStored() {
        var stored = new Document("_id", "d").append("items", new java.util.ArrayList<>(List.of("a")));
        var answer = isolation.run(
                "db",
                "find",
                new Document("find", "c"),
                () -> new Document("cursor", new Document("firstBatch", List.of(stored))));

        @SuppressWarnings("unchecked")
        var items = (List<String>) stored.get("items");
        items.add("b");

        var batch = (List<?>) ((Document) answer.get("cursor")).get("firstBatch");
        assertThat(((Document) batch.getFirst()).get("items")).isEqualTo(List.of("a"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
