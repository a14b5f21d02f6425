package com.refractoryatlas.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.refractoryatlas.gateway.TestProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class PersistedQueriesTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String QUERY = "query ConditionNames { conditions { edges { node { name } } } }";

    @TempDir
    Path dir;

    private Path manifest(String id, String body) throws Exception {
        var file = dir.resolve("persisted-query-manifest.json");
        Files.writeString(
                file,
                JSON.writeValueAsString(Map.of(
                        "format",
                        "apollo-persisted-query-manifest",
                        "version",
                        1,
                        "operations",
                        java.util.List.of(Map.of("id", id, "name", "ConditionNames", "type", "query", "body", body)))));
        return file;
    }

    @Test
    void knowsTheManifestsOperationsByIdAndAsASafelist() throws Exception {
        var file = manifest(PersistedQueries.sha256(QUERY), QUERY);
        var queries = new PersistedQueries(
                TestProperties.edge(Map.of("atlas.gateway.edge.persisted-queries.manifest", file.toString())), JSON);
        assertThat(queries.find(PersistedQueries.sha256(QUERY))).hasValue(QUERY);
        assertThat(queries.inManifest(QUERY)).isTrue();
        assertThat(queries.inManifest("{ conditions { totalCount } }")).isFalse();
    }

    @Test
    void refusesAManifestWhoseIdsAreNotTheHashesOfTheirBodies() throws Exception {
        var file = manifest("0".repeat(64), QUERY);
        assertThatThrownBy(() -> PersistedQueries.loadManifest(file.toString(), JSON))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SHA-256");
    }
}
