package com.refractoryatlas.gateway.federation;

import static com.refractoryatlas.gateway.federation.TestSubgraphs.operation;
import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.gateway.federation.FederationEngine.Request;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SupergraphEngineTests {

    private static final JsonMapper JSON = new JsonMapper();

    TestSubgraphs subgraphs;
    SupergraphEngine engine;

    @BeforeEach
    void composeSupergraph() {
        subgraphs = new TestSubgraphs();
        engine = new SupergraphEngine(
                TestSubgraphs.NAMES, subgraphs, new SupergraphEngine.Settings(Duration.ofSeconds(10), 100));
        assertThat(engine.refresh()).isInstanceOf(SupergraphEngine.Refresh.Updated.class);
        subgraphs.reset();
    }

    @AfterEach
    void closeEngine() {
        engine.close();
    }

    Map<String, Object> run(String operationName) {
        return run(operationName, Map.of());
    }

    Map<String, Object> run(String operationName, Map<String, Object> variables) {
        return engine.execute(new Request(operation(operationName), null, variables, Map.of()));
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    @Nested
    class RootFieldsAndEntities {

        @Test
        void answersAFourLevelQueryWithOneRequestPerSubgraphPerLevel() {
            var response = engine.execute(
                    new Request(operation("fourLevels"), null, Map.of(), Map.of("X-Atlas-Debug-Plan", "true")));

            System.out.println(json(response));
            assertThat(response).doesNotContainKey("errors");
        }
    }

    @SuppressWarnings("unused")
    private static @Nullable Object at(Map<String, Object> response, Object... path) {
        Object current = response;
        for (var segment : path) {
            current = switch (current) {
                case Map<?, ?> map -> map.get(segment);
                case List<?> list -> list.get((Integer) segment);
                case null, default -> null;
            };
        }
        return current;
    }
}
