package com.refractoryatlas.importer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Every knob of the import service in one place, so that limits and retry policy are visible and overridable
 * ({@code application.yaml} maps each to an environment variable).
 *
 * @param maxDocumentSize a document larger than this (UTF-8 bytes) ends as a FAILED job with {@code TOO_LARGE}
 * @param queueCapacity how many unfinished jobs (queued, running, retrying) may exist; above it the mutation
 *     answers {@code QUEUE_FULL}
 * @param concurrency how many jobs run at the same time
 * @param pollInterval how often idle workers look for due jobs (new submissions wake them at once)
 * @param retry how a job waits for an unavailable downstream service
 * @param services where the catalog and references subgraphs are and how they are called
 * @param seedDir folder imported once at the first start of a fresh system ({@code ATLAS_SEED_DIR}); none when null
 */
@ConfigurationProperties("atlas.import")
@Validated
public record ImportProperties(
        @DefaultValue("5MB") DataSize maxDocumentSize,
        @DefaultValue("500") @Min(1) int queueCapacity,
        @DefaultValue("2") @Min(1) int concurrency,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue @Valid Retry retry,
        @DefaultValue @Valid Services services,
        @Nullable String seedDir) {

    /** The seed folder, when one is configured. */
    public Optional<Path> seedFolder() {
        return seedDir == null || seedDir.isBlank() ? Optional.empty() : Optional.of(Path.of(seedDir));
    }

    /**
     * Job-level retry: after the per-call retries of resilience4j are exhausted (or a circuit is open) the job goes
     * to RETRYING and is tried again after an exponentially growing delay.
     *
     * @param initialBackoff the first delay
     * @param maxBackoff the longest delay
     * @param multiplier growth of the delay per attempt
     * @param maxAttempts attempts before the job fails with {@code DOWNSTREAM_UNAVAILABLE}; 0 retries without limit
     */
    public record Retry(
            @DefaultValue("1s") Duration initialBackoff,
            @DefaultValue("30s") Duration maxBackoff,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("0") @Min(0) int maxAttempts) {

        /** The delay before attempt {@code attempt + 1}, given {@code attempt} failed attempts so far (1-based). */
        public Duration backoff(int attempt) {
            double factor = Math.pow(multiplier, Math.max(0, attempt - 1));
            double millis = Math.min(maxBackoff.toMillis(), initialBackoff.toMillis() * factor);
            return Duration.ofMillis((long) millis);
        }

        public boolean exhausted(int attempts) {
            return maxAttempts > 0 && attempts >= maxAttempts;
        }
    }

    /**
     * @param catalogUrl the catalog subgraph's GraphQL endpoint ({@code CATALOG_URL})
     * @param referencesUrl the references subgraph's GraphQL endpoint ({@code REFERENCES_URL})
     * @param serviceToken the internal credential sent as {@code X-Atlas-Service-Token}
     * @param connectTimeout the TCP connect timeout
     * @param requestTimeout the longest one write call may take before it counts as failed
     */
    public record Services(
            @DefaultValue("http://127.0.0.1:8081/graphql") URI catalogUrl,
            @DefaultValue("http://127.0.0.1:8082/graphql") URI referencesUrl,

            @DefaultValue("local-dev-service-token") @NotBlank
            String serviceToken,

            @DefaultValue("2s") Duration connectTimeout,
            @DefaultValue("30s") Duration requestTimeout) {}
}
