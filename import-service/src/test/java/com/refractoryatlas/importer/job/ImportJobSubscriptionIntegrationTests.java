package com.refractoryatlas.importer.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.refractoryatlas.subgraph.Caller;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Subscription.importJobUpdated} over GraphQL over SSE, as the gateway follows it: the job's state at once,
 * each change another replica's worker writes to MongoDB (here: the test writes the job document), completion after
 * the final state; the visibility of {@code importJob}; the per-user budget.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "atlas.import.subscriptions.poll-interval=50ms",
            "atlas.import.subscriptions.max-per-user=2",
            // a client gone is noticed at the next write: the keep-alive comment line
            "spring.graphql.http.sse.keep-alive=200ms"
        })
class ImportJobSubscriptionIntegrationTests {

    private static final String SUBSCRIPTION =
            "subscription($id: ID!) { importJobUpdated(id: $id) { id status progress counts { references } } }";
    private static final JsonMapper JSON = new JsonMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabase database;

    @Autowired
    ImportJobRepository repository;

    @Autowired
    JobUpdates updates;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @BeforeEach
    void clean() {
        database.getCollection("jobs").deleteMany(new Document());
    }

    /** A job another replica's worker holds under a long lease, so that no worker of this instance takes it up. */
    private ImportJob running(String id, String owner) {
        var job = ImportJob.queued(id, id + ".txt", "checksum-" + id, owner, null, 10, now)
                .withStatus(ImportStatus.PARSING, 0.1, now);
        save(job);
        return job;
    }

    /** Saves the job as held by another replica's worker until {@code leaseUntil}. */
    private void save(ImportJob j, Instant leaseUntil) {
        repository.save(new ImportJob(
                j.id(),
                j.source(),
                j.checksum(),
                j.status(),
                j.progress(),
                j.counts(),
                j.matched(),
                j.errors(),
                j.warnings(),
                j.articleId(),
                j.articleStep(),
                j.attempts(),
                j.nextAttemptAt(),
                j.lastFailure(),
                j.createdAt(),
                j.updatedAt(),
                j.finishedAt(),
                j.submittedBy(),
                j.dedupKey(),
                j.mediaType(),
                j.size(),
                "another-replica",
                leaseUntil,
                1,
                j.undo()));
    }

    private void save(ImportJob job) {
        save(job, now.plus(Duration.ofHours(1)));
    }

    private Flux<ServerSentEvent<String>> subscribe(String id, String roles, String user) {
        return WebClient.create("http://127.0.0.1:" + port)
                .post()
                .uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .header(Caller.SERVICE_TOKEN_HEADER, "local-dev-service-token")
                .header(Caller.USER_ROLES_HEADER, roles)
                .header(UserIdInterceptor.USER_ID_HEADER, user)
                .bodyValue(Map.of("query", SUBSCRIPTION, "variables", Map.of("id", id)))
                .retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() {})
                .filter(event -> event.event() != null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(ServerSentEvent<String> event) {
        return JSON.readValue(event.data(), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static String status(ServerSentEvent<String> event) {
        var data = (Map<String, Object>) body(event).get("data");
        return (String) ((Map<String, Object>) data.get("importJobUpdated")).get("status");
    }

    @SuppressWarnings("unchecked")
    private static String errorCode(ServerSentEvent<String> event) {
        var errors = (List<Map<String, Object>>) body(event).get("errors");
        return (String) ((Map<String, Object>) errors.getFirst().get("extensions")).get("code");
    }

    @Test
    void emitsTheStateAtOnceThenEachChangeAndCompletesAfterTheFinalState() {
        var job = running("job-live", "alice");
        var events = new java.util.concurrent.LinkedBlockingQueue<ServerSentEvent<String>>();
        var subscription = subscribe("job-live", "importer", "alice").subscribe(events::add);
        try {
            var first = poll(events);
            assertThat(first.event()).isEqualTo("next");
            assertThat(status(first)).isEqualTo("PARSING");

            save(job.withStatus(ImportStatus.WRITING, 0.6, now.plusSeconds(1)));
            assertThat(status(poll(events))).isEqualTo("WRITING");

            // a lease renewal alone changes nothing a client sees: no event for it
            save(job.withStatus(ImportStatus.WRITING, 0.6, now.plusSeconds(2)), now.plus(Duration.ofHours(2)));
            save(job.succeeded(new ImportCounts(1, 1, 1, 3, 1, 0), ImportCounts.NONE, now.plusSeconds(3)));
            var last = poll(events);
            assertThat(status(last)).isEqualTo("SUCCEEDED");
            assertThat(poll(events).event()).isEqualTo("complete");
        } finally {
            subscription.dispose();
        }
    }

    @Test
    void answersAJobHiddenFromTheCallerAsAnUnknownOneWithNotFound() {
        running("job-alice", "alice");

        var asOtherImporter =
                subscribe("job-alice", "importer", "bob").collectList().block(WAIT);
        var asAnonymous = subscribe("job-alice", "anonymous", "").collectList().block(WAIT);
        var unknown = subscribe("no-such-job", "editor", "erin").collectList().block(WAIT);

        for (var events : List.of(asOtherImporter, asAnonymous, unknown)) {
            assertThat(events).extracting(ServerSentEvent::event).containsExactly("next", "complete");
            assertThat(errorCode(events.getFirst())).isEqualTo("NOT_FOUND");
            assertThat(body(events.getFirst())).doesNotContainKey("data");
        }
    }

    @Test
    void refusesAUsersSubscriptionAboveTheirShareAndFreesItWhenOneEnds() throws Exception {
        running("job-a", "carol");
        running("job-b", "carol");
        var first = openStream("job-a", "carol");
        var second = subscribe("job-b", "importer", "carol").subscribe();
        try {
            awaitFollowing(2);
            var third = subscribe("job-a", "importer", "carol").collectList().block(WAIT);
            assertThat(errorCode(third.getFirst())).isEqualTo(TooManySubscriptionsException.CODE);

            // the client goes away: its connection closes, and the next keep-alive line finds it gone
            first.close();
            awaitFollowing(1);
            var again = subscribe("job-a", "importer", "carol").blockFirst(WAIT);
            assertThat(status(again)).isEqualTo("PARSING");
        } finally {
            first.close();
            second.dispose();
        }
    }

    /** A subscription read over a socket of its own, open until the returned socket is closed. */
    private java.net.Socket openStream(String id, String user) throws java.io.IOException {
        var body = JSON.writeValueAsBytes(Map.of("query", SUBSCRIPTION, "variables", Map.of("id", id)));
        var socket = new java.net.Socket("127.0.0.1", port);
        var head = "POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Accept: text/event-stream\r\n" + Caller.SERVICE_TOKEN_HEADER + ": local-dev-service-token\r\n"
                + Caller.USER_ROLES_HEADER + ": importer\r\n" + UserIdInterceptor.USER_ID_HEADER + ": " + user
                + "\r\nContent-Length: " + body.length + "\r\n\r\n";
        var out = socket.getOutputStream();
        out.write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        var in = socket.getInputStream();
        var seen = new StringBuilder();
        while (!seen.toString().contains("event:next")) {
            int b = in.read();
            assertThat(b).as("the stream's first event").isNotEqualTo(-1);
            seen.append((char) b);
        }
        return socket;
    }

    private void awaitFollowing(int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (updates.following() != count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(updates.following()).isEqualTo(count);
    }

    private static ServerSentEvent<String> poll(java.util.concurrent.BlockingQueue<ServerSentEvent<String>> events) {
        try {
            var event = events.poll(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            assertThat(event).as("an event within " + WAIT).isNotNull();
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
