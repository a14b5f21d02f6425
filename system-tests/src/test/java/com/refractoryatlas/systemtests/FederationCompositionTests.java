package com.refractoryatlas.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The subgraphs' SDLs, as each running service publishes them ({@code _service { sdl }}), compose under Apollo's own
 * composition rules ({@code @apollo/composition} 2.14.4): what any standard federation gateway would accept.
 */
@ExtendWith(AtlasSystemExtension.class)
class FederationCompositionTests {

    @Test
    void subgraphSdlsComposeUnderApolloComposition(AtlasSystem system) throws IOException {
        var node = Node.require();
        var dir = system.settings().workDir().resolve("sdl");
        Files.createDirectories(dir);
        var args = new ArrayList<String>();
        for (var service : List.of(AtlasSystem.CATALOG, AtlasSystem.REFERENCES, AtlasSystem.IMPORT)) {
            var sdl = new GraphQl(system.subgraphUrl(service), SeedData.SERVICE_HEADERS)
                    .query("{ _service { sdl } }")
                    .data()
                    .path("_service")
                    .path("sdl")
                    .asString("");
            assertThat(sdl).as(service + " SDL").contains("@key");
            var file = dir.resolve(service + ".graphql");
            Files.writeString(file, sdl);
            args.add(service.replace("-service", "") + "=" + file);
        }
        args.add("--out");
        args.add(dir.resolve("supergraph.graphql").toString());

        var result = node.run(Duration.ofMinutes(2), "compose.mjs", args.toArray(String[]::new));

        assertThat(result.output()).doesNotContain("ERROR").contains("COMPOSED");
        assertThat(result.exitCode()).isZero();
        assertThat(read(dir.resolve("supergraph.graphql"))).contains("join__Graph");
    }

    @Test
    void apollosReferenceGatewayFederatesTheRunningSubgraphs(AtlasSystem system) {
        var node = Node.require();
        var apollo = new GraphQl(system.apolloGateway(node));

        var response = apollo.query("{ __schema { queryType { fields { name } } } }");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.data()
                        .path("__schema")
                        .path("queryType")
                        .path("fields")
                        .toString())
                .contains("\"condition\"", "\"reference\"", "\"importJob\"");
    }

    private static String read(java.nio.file.Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
