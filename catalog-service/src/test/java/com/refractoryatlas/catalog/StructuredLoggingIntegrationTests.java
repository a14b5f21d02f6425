package com.refractoryatlas.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.json.JsonMapper;

/** The service logs one JSON object per line (Spring Boot's structured logging), carrying the MDC's request id. */
@CatalogIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class StructuredLoggingIntegrationTests {

    @Test
    void logsOneJsonObjectPerLineWithTheRequestId(CapturedOutput output) {
        MDC.put("requestId", "req-structured-1");
        try {
            LoggerFactory.getLogger(StructuredLoggingIntegrationTests.class)
                    .warn("structured line", new IllegalStateException("multi\nline"));
        } finally {
            MDC.remove("requestId");
        }
        var line = output.getOut()
                .lines()
                .filter(l -> l.contains("structured line"))
                .findFirst()
                .orElseThrow();
        var json = JsonMapper.builder().build().readTree(line);
        assertThat(json.path("message").asString()).isEqualTo("structured line");
        assertThat(json.path("requestId").asString()).isEqualTo("req-structured-1");
        assertThat(json.path("log").path("level").asString()).isEqualTo("WARN");
        assertThat(json.path("error").path("stack_trace").asString()).contains("IllegalStateException");
    }
}
