package com.refractoryatlas.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The harness itself: every process is up on loopback, each subgraph serves its federation SDL. */
@ExtendWith(AtlasSystemExtension.class)
class SystemStartupTests {

    @Test
    void startsEveryServiceOnLoopbackAndReportsReady(AtlasSystem system) {
        for (var service :
                List.of(AtlasSystem.CATALOG, AtlasSystem.REFERENCES, AtlasSystem.IMPORT, AtlasSystem.GATEWAY)) {
            assertThat(system.process(service).alive()).as(service).isTrue();
            assertThat(system.process(service).ready()).as(service).isTrue();
            assertThat(Files.exists(system.logs().resolve(service + ".log"))).isTrue();
        }
        assertThat(system.mongo().alive()).isTrue();
    }

    @Test
    void everySubgraphServesItsFederationSdl(AtlasSystem system) {
        for (var service : List.of(AtlasSystem.CATALOG, AtlasSystem.REFERENCES, AtlasSystem.IMPORT)) {
            var response =
                    new GraphQl(system.proxy(service).url(), SeedData.SERVICE_HEADERS).query("{ _service { sdl } }");
            assertThat(response.status()).as(service).isEqualTo(200);
            assertThat(response.data().path("_service").path("sdl").asString())
                    .as(service)
                    .contains("@key");
        }
    }
}
