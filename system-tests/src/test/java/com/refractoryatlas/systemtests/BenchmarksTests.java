package com.refractoryatlas.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarksTests {

    @Test
    void countsTheGcPausesThatEndedInTheWindowAndIgnoresOtherLines(@TempDir Path dir) throws Exception {
        var log = dir.resolve("import-service.gc.log");
        Files.writeString(log, """
                [2026-12-01T18:25:00.000+0000] Using Serial
                [2026-12-01T18:25:59.999+0000] GC(1) Pause Young (Allocation Failure) 92M->25M(247M) 500.000ms
                [2026-12-01T18:26:00.100+0000] GC(2) Pause Young (Allocation Failure) 94M->27M(247M) 12.500ms
                [2026-12-01T18:26:30.000+0000] GC(3) Pause Full (CodeCache GC Threshold) 33M->33M(247M) 206.335ms
                [2026-12-01T18:26:31.000+0000] GC(4) Concurrent Mark Cycle 40.000ms
                [2026-12-01T18:26:32.000+0000] Allocation Stall (netty-worker-1) 3.000ms
                [2026-12-01T18:27:00.001+0000] GC(5) Pause Young (Allocation Failure) 95M->28M(247M) 300.000ms
                """);

        var pauses =
                Benchmarks.gcPauses(log, Instant.parse("2026-12-01T18:26:00Z"), Instant.parse("2026-12-01T18:27:00Z"));

        assertThat(pauses.count()).isEqualTo(3);
        assertThat(pauses.totalMillis()).isCloseTo(221.835, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(pauses.longestMillis()).isEqualTo(206.335);
        assertThat(Benchmarks.gcPauses(dir.resolve("missing.log"), Instant.EPOCH, Instant.now())
                        .count())
                .isZero();
    }
}
