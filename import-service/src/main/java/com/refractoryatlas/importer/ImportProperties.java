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
 * @param limits what one document may hold, checked before anything of it is written
 * @param queueCapacity how many unfinished jobs (queued, running, retrying) may exist; above it the mutation
 *     answers {@code QUEUE_FULL}
 * @param concurrency how many jobs run at the same time in one service instance (platform threads, so that parsing
 *     never occupies the carriers of the virtual threads serving requests)
 * @param perImporter how much of the queue and of the workers one importer may hold
 * @param lease how long a worker holds a job it runs, and how often a job may be taken up
 * @param budget how much time and allocation parsing a document may cost, in proportion to its size
 * @param pollInterval how often idle workers look for due jobs (new submissions wake them at once)
 * @param retry how a job waits for an unavailable downstream service
 * @param services where the catalog and references subgraphs are and how they are called
 * @param seedDir folder imported once at the first start of a fresh system ({@code ATLAS_SEED_DIR}); none when null
 * @param pdf what reading one PDF may cost, whatever the file holds
 */
@ConfigurationProperties("atlas.import")
@Validated
public record ImportProperties(
        @DefaultValue @Valid Limits limits,
        @DefaultValue("500") @Min(1) int queueCapacity,
        @DefaultValue("2") @Min(1) int concurrency,
        @DefaultValue @Valid PerImporter perImporter,
        @DefaultValue @Valid Lease lease,
        @DefaultValue @Valid Budget budget,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue @Valid Retry retry,
        @DefaultValue @Valid Services services,
        @Nullable String seedDir,
        @DefaultValue @Valid Pdf pdf) {

    /** The seed folder, when one is configured. */
    public Optional<Path> seedFolder() {
        return seedDir == null || seedDir.isBlank() ? Optional.empty() : Optional.of(Path.of(seedDir));
    }

    /**
     * The one set of document limits (docs/imports.md). Bytes are checked when the document is submitted; the counts
     * after parsing and before any write, so a document over a limit is refused whole with a code naming the limit.
     * They are at most what the references service accepts ({@code atlas.references.limits}), so that a document
     * passing them is never refused there for its size.
     *
     * @param documentBytes largest document, in bytes (the file's bytes, or the UTF-8 bytes of {@code text})
     * @param sections most sections of one document
     * @param sectionCharacters longest section text, in characters
     * @param references most entries in one reference list
     * @param citationContexts most citing sentences kept for one reference
     */
    public record Limits(
            @DefaultValue("10MB") DataSize documentBytes,
            @DefaultValue("500") @Min(1) int sections,
            @DefaultValue("200000") @Min(1) int sectionCharacters,
            @DefaultValue("2000") @Min(1) int references,
            @DefaultValue("100") @Min(1) int citationContexts) {}

    /**
     * Bounds on reading one PDF (a small file can be huge once decoded, or draw millions of glyphs); past them the read
     * fails with {@code PDF_TOO_COMPLEX}, except pages: those beyond {@code maxPages} are skipped with a warning.
     *
     * @param maxPages pages read
     * @param maxStreamMemory memory for decoded streams, main memory only
     * @param maxGlyphs glyphs drawn over the whole document
     * @param maxOperators content-stream operators run over the whole document
     * @param maxContentBytes decoded content-stream bytes over the whole document
     */
    public record Pdf(
            @DefaultValue("300") @Min(1) int maxPages,
            @DefaultValue("256MB") DataSize maxStreamMemory,
            @DefaultValue("10000000") @Min(1) long maxGlyphs,
            @DefaultValue("50000000") @Min(1) long maxOperators,
            @DefaultValue("512MB") DataSize maxContentBytes) {}

    /**
     * Fairness between importers (identified by the user id the gateway forwards): one importer cannot fill the
     * queue nor hold every worker.
     *
     * @param queue most unfinished jobs one importer may have
     * @param concurrency most jobs of one importer running at once, over all service instances
     */
    public record PerImporter(
            @DefaultValue("100") @Min(1) int queue,
            @DefaultValue("1") @Min(1) int concurrency) {}

    /**
     * @param duration how long a claim lasts; the running worker renews it every third of it, so a job whose worker
     *     died is taken up by another after at most this long
     * @param maxRuns how many times a job may be taken up; a document whose worker dies every time fails with
     *     {@code INTERRUPTED_TOO_OFTEN} instead of looping forever
     */
    public record Lease(
            @DefaultValue("30s") Duration duration,
            @DefaultValue("3") @Min(1) int maxRuns) {}

    /**
     * What parsing one document may cost: {@code base + perMegabyte × size}, for time and for bytes allocated by the
     * parsing thread (measured with the JVM's per-thread allocation counter). Past it the job fails with
     * {@code BUDGET_EXCEEDED}.
     *
     * @param baseTime the time any document may take
     * @param timePerMegabyte the time added per megabyte of document
     * @param baseAllocation the allocation any document may make
     * @param allocationPerMegabyte the allocation added per megabyte of document
     */
    public record Budget(
            @DefaultValue("20s") Duration baseTime,
            @DefaultValue("30s") Duration timePerMegabyte,
            @DefaultValue("2GB") DataSize baseAllocation,
            @DefaultValue("4GB") DataSize allocationPerMegabyte) {

        private static final double MEGABYTE = 1024.0 * 1024.0;

        public Duration timeFor(long bytes) {
            return baseTime.plusMillis((long) (timePerMegabyte.toMillis() * (bytes / MEGABYTE)));
        }

        public long allocationFor(long bytes) {
            return baseAllocation.toBytes() + (long) (allocationPerMegabyte.toBytes() * (bytes / MEGABYTE));
        }
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
     * @param connectTimeout the TCP connect timeout, also the longest wait for a free pooled connection (the pool
     *     holds {@code concurrency} connections per service: one per running job)
     * @param requestTimeout the longest one write call may take, to the end of its answer, before it counts as failed
     */
    public record Services(
            @DefaultValue("http://127.0.0.1:8081/graphql") URI catalogUrl,
            @DefaultValue("http://127.0.0.1:8082/graphql") URI referencesUrl,

            @DefaultValue("local-dev-service-token") @NotBlank
            String serviceToken,

            @DefaultValue("2s") Duration connectTimeout,
            @DefaultValue("30s") Duration requestTimeout) {}
}
