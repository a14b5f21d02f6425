package com.refractoryatlas.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Live import progress through the gateway, followed by the real {@code graphql-ws} client (what Apollo Client's
 * GraphQLWsLink and GraphiQL run) in Node: an import submitted while the references service is down waits in
 * RETRYING, the owner's subscription shows it waiting and then, once the service is back, each step to SUCCEEDED with
 * the article the references subgraph resolves; another importer and an anonymous client see nothing; malformed and
 * out-of-order protocol messages close the socket with the protocol's codes. The same job is then read over GraphQL
 * over SSE, and a plain POST of the subscription is refused with a typed error.
 */
@ExtendWith(AtlasSystemExtension.class)
class ImportSubscriptionTests {

    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(6);
    private static final String SUBSCRIPTION =
            "subscription($id: ID!) { importJobUpdated(id: $id) { id status progress article { title } } }";

    @Test
    void theOwnerFollowsAnImportToItsEndAndNobodyElseSeesIt(AtlasSystem system) throws Exception {
        Capabilities.requireGatewayGraphQl(system);
        var node = Node.require();
        var gateway = new GraphQl(system.gatewayUrl());
        var ownerToken = GatewayTokens.importer("subscriber-alice");
        var owner = gateway.withHeaders(Map.of("Authorization", "Bearer " + ownerToken));

        system.kill(AtlasSystem.REFERENCES);
        String jobId;
        Path log = system.logs().resolve("subscriptions-node.log");
        Process script;
        try {
            jobId = submit(system, owner);
            script = node.start(
                    log,
                    Map.of(
                            "GATEWAY",
                            system.gatewayUrl().toString(),
                            "JOB_ID",
                            jobId,
                            "OWNER_TOKEN",
                            ownerToken,
                            "OTHER_TOKEN",
                            GatewayTokens.importer("subscriber-bob")),
                    "subscriptions.mjs");
            awaitLine(log, "CHECKS_DONE", script);
        } finally {
            system.restart(AtlasSystem.REFERENCES);
        }
        assertThat(script.waitFor(SCRIPT_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS))
                .as("the script ends once the job has")
                .isTrue();
        var result = result(log);

        var followed = result.path("owner");
        assertThat(followed.path("error").isNull()).as(followed.toString()).isTrue();
        var statuses = new ArrayList<String>();
        var progress = new ArrayList<Double>();
        for (var event : followed.path("events")) {
            var job = event.path("data").path("importJobUpdated");
            statuses.add(job.path("status").asString());
            progress.add(job.path("progress").asDouble());
        }
        assertThat(statuses)
                .as("the job waited for the references service: " + followed)
                .contains("RETRYING");
        assertThat(statuses).last().isEqualTo("SUCCEEDED");
        assertThat(statuses.subList(0, statuses.size() - 1)).doesNotContain("SUCCEEDED", "FAILED");
        assertThat(progress).last().isEqualTo(1.0);
        var last = followed.path("events").get(followed.path("events").size() - 1);
        assertThat(last.path("data")
                        .path("importJobUpdated")
                        .path("article")
                        .path("title")
                        .asString())
                .as("the article comes from the references subgraph, fetched for the event")
                .isNotBlank();

        var other = result.path("other");
        assertThat(other.path("events")).allSatisfy(event -> assertThat(
                        event.path("data").path("importJobUpdated").isNull())
                .isTrue());
        assertThat(codes(other)).contains("NOT_FOUND");
        assertThat(result.path("anonymous").path("events")).isEmpty();
        assertThat(result.path("anonymous").path("error").path("errors").toString())
                .contains("UNAUTHENTICATED");

        assertThat(result.path("malformed").path("close").asInt()).isEqualTo(4400);
        assertThat(result.path("unknownType").path("close").asInt()).isEqualTo(4400);
        assertThat(result.path("noQuery").path("close").asInt()).isEqualTo(4400);
        assertThat(result.path("noInit").path("close").asInt()).isEqualTo(4408);
        assertThat(result.path("beforeAck").path("close").asInt()).isEqualTo(4401);
        assertThat(result.path("duplicateId").path("close").asInt()).isEqualTo(4409);
        assertThat(result.path("oversized").path("close").asInt()).isEqualTo(1009);
        assertThat(result.path("badToken").path("close").asInt()).isEqualTo(4401);
        assertThat(result.path("badToken").path("received").toString()).doesNotContain("connection_ack");

        assertSseAnswersTheFinishedJob(system, ownerToken, jobId);
        var plain = owner.query(SUBSCRIPTION, Map.of("id", jobId), null);
        assertThat(plain.errors().path(0).path("extensions").path("code").asString())
                .isEqualTo("STREAMING_TRANSPORT_REQUIRED");
    }

    /** A seed explainer page with a line of its own, so that its first import by this user always makes a new job. */
    private static String submit(AtlasSystem system, GraphQl owner) throws java.io.IOException {
        var seed = Files.readString(system.settings().repoDir().resolve("samples/seeds/003_44362a616e5c9836.txt"));
        var submitted = owner.query(
                "mutation($input: ImportDocumentInput!) { importDocument(input: $input) { id status } }",
                Map.of(
                        "input",
                        Map.of(
                                "source",
                                "subscription-tests.txt",
                                "text",
                                seed + "\n\nThis copy was followed live from " + Instant.now() + ".\n")),
                null);
        assertThat(submitted.errors()).as(submitted.body()).isEmpty();
        return submitted.data().path("importDocument").path("id").asString();
    }

    private static List<String> codes(JsonNode followed) {
        var codes = new ArrayList<String>();
        for (var event : followed.path("events")) {
            for (var error : event.path("errors")) {
                codes.add(error.path("extensions").path("code").asString());
            }
        }
        followed.path("error").path("errors").forEach(code -> codes.add(code.asString()));
        return codes;
    }

    private static void assertSseAnswersTheFinishedJob(AtlasSystem system, String token, String jobId)
            throws Exception {
        var body = GraphQl.JSON.writeValueAsString(Map.of("query", SUBSCRIPTION, "variables", Map.of("id", jobId)));
        var request = HttpRequest.newBuilder(system.gatewayUrl())
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try (var client = HttpClient.newHttpClient()) {
            var response = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            var text = response.body();
            assertThat(text).contains("event:next").contains("\"status\":\"SUCCEEDED\"");
            assertThat(text.strip()).endsWith("event:complete\ndata:");
        }
    }

    private static void awaitLine(Path log, String line, Process script) throws Exception {
        long deadline = System.nanoTime() + SCRIPT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).lines().anyMatch(line::equals)) {
                return;
            }
            assertThat(script.isAlive())
                    .as("the script is running: " + read(log))
                    .isTrue();
            Thread.sleep(200);
        }
        throw new AssertionError("no " + line + " from the script: " + read(log));
    }

    private static JsonNode result(Path log) throws Exception {
        var line = Files.readString(log)
                .lines()
                .filter(l -> l.startsWith("RESULT "))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no RESULT from the script: " + read(log)));
        return GraphQl.JSON.readTree(line.substring("RESULT ".length()));
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "(no output)";
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
