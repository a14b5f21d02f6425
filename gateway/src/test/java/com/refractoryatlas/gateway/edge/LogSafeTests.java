package com.refractoryatlas.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogSafeTests {

    @Test
    void escapesLineBreaksSoAValueCannotForgeALogEntry() {
        assertThat(LogSafe.of("op\nINFO forged entry\r\u2028x\u0007"))
                .isEqualTo("op\\nINFO forged entry\\r\\u2028x\\u0007")
                .doesNotContain("\n");
    }

    @Test
    void cutsLongValuesAndShowsNull() {
        assertThat(LogSafe.of("x".repeat(10_000))).hasSizeLessThan(210).endsWith("…");
        assertThat(LogSafe.of(null)).isEqualTo("null");
    }
}
