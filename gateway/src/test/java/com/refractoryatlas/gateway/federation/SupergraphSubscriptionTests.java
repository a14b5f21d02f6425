package com.refractoryatlas.gateway.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.gateway.federation.FederationEngine.Request;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Subscriptions through the engine: the root field's stream is opened on its subgraph with a {@code subscription}
 * operation, and each event's fields owned by another subgraph come from that subgraph's {@code _entities}, as for a
 * query; a stream that breaks ends with a typed error at the root field.
 */
class SupergraphSubscriptionTests {

    private static final JsonMapper JSON = new JsonMapper();
    private static final String JOBS = """
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
            type Query { job(id: ID!): Job }
            type Subscription { jobUpdated(id: ID!): Job }
            type Job @key(fields: "id") { id: ID! status: String! }
            """;
    private static final String NOTES = """
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
            type Query { noteCount: Int! }
            type Job @key(fields: "id") { id: ID! note: String }
            """;

    /** What the streams opened were asked, and the events each answers. */
    final List<String> opened = new CopyOnWriteArrayList<>();

    final List<Map<String, Object>> entityCalls = new CopyOnWriteArrayList<>();
    List<Object> events = List.of();
    SupergraphEngine engine;

    @BeforeEach
    void compose() {
        SubgraphTransport transport = (subgraph, query, variables, headers) -> {
            entityCalls.add(variables);
            @SuppressWarnings("unchecked")
            var representations = (List<Map<String, Object>>) variables.get("representations");
            var entities = new ArrayList<Object>();
            for (var representation : representations) {
                entities.add(Map.of("__typename", "Job", "note", "note of " + representation.get("id")));
            }
            return Map.of("data", Map.of("_entities", entities));
        };
        SubgraphStreams streams = (subgraph, query, variables, headers) -> {
            opened.add(subgraph + ": " + query);
            return stream(events.iterator());
        };
        engine = new SupergraphEngine(
                List.of("jobs", "notes"),
                transport,
                streams,
                new SupergraphEngine.Settings(Duration.ofMinutes(10), 100));
        assertThat(engine.install(List.of(new SubgraphSdl("jobs", JOBS), new SubgraphSdl("notes", NOTES))))
                .isInstanceOf(SupergraphEngine.Refresh.Updated.class);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private static SubgraphStreams.Stream stream(Iterator<Object> events) {
        return new SubgraphStreams.Stream() {
            @Override
            @SuppressWarnings("unchecked")
            public @Nullable Map<String, Object> next() {
                if (!events.hasNext()) {
                    return null;
                }
                var event = events.next();
                if (event instanceof RuntimeException failure) {
                    throw failure;
                }
                return (Map<String, Object>) event;
            }

            @Override
            public void close() {}
        };
    }

    /** An event as a subgraph stream delivers it: parsed JSON, mutable as the engine merges into it. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> event(String json) {
        return JSON.readValue(json, Map.class);
    }

    private static Map<String, Object> job(String id, String status) {
        return event("{\"data\":{\"jobUpdated\":{\"__typename\":\"Job\",\"id\":\"" + id + "\",\"status\":\"" + status
                + "\"}}}");
    }

    private List<String> follow(String query) {
        var responses = new ArrayList<String>();
        try (var stream = engine.subscribe(new Request(query, null, Map.of(), Map.of()))) {
            for (var response = stream.next(); response != null; response = stream.next()) {
                responses.add(JSON.writeValueAsString(response));
            }
        }
        return responses;
    }

    @Test
    void completesEachEventWithTheFieldsOfAnotherSubgraph() {
        events = List.of(job("j1", "PARSING"), job("j1", "SUCCEEDED"));

        var responses = follow("subscription { jobUpdated(id: \"j1\") { status note } }");

        assertThat(responses)
                .containsExactly(
                        "{\"data\":{\"jobUpdated\":{\"status\":\"PARSING\",\"note\":\"note of j1\"}}}",
                        "{\"data\":{\"jobUpdated\":{\"status\":\"SUCCEEDED\",\"note\":\"note of j1\"}}}");
        assertThat(opened).singleElement().asString().startsWith("jobs: subscription");
        assertThat(entityCalls).hasSize(2);
    }

    @Test
    void refusesASubscriptionWithTwoRootFieldsBeforeOpeningAStream() {
        var responses = follow("subscription { a: jobUpdated(id: \"1\") { status } b: jobUpdated(id: \"2\") { id } }");

        assertThat(responses).singleElement().asString().contains("\"errors\"").doesNotContain("\"data\"");
        assertThat(opened).isEmpty();
    }

    @Test
    void endsWithSubgraphUnavailableAtTheRootFieldWhenTheStreamBreaks() {
        events = List.of(job("j1", "PARSING"), new SubgraphUnavailableException("jobs", "connection reset", null));

        var responses = follow("subscription { jobUpdated(id: \"j1\") { status } }");

        assertThat(responses).hasSize(2);
        assertThat(responses.get(1))
                .contains("\"jobUpdated\":null")
                .contains("SUBGRAPH_UNAVAILABLE")
                .contains("\"path\":[\"jobUpdated\"]");
    }

    @Test
    void passesTheSubgraphsTypedErrorOnWithANullField() {
        events = List.of(event("{\"data\":{\"jobUpdated\":null},\"errors\":[{\"message\":\"Import job not found\","
                + "\"path\":[\"jobUpdated\"],\"extensions\":{\"code\":\"NOT_FOUND\"}}]}"));

        var responses = follow("subscription { jobUpdated(id: \"nope\") { status note } }");

        assertThat(responses)
                .singleElement()
                .asString()
                .contains("\"jobUpdated\":null")
                .contains("NOT_FOUND");
        assertThat(entityCalls).isEmpty();
    }
}
