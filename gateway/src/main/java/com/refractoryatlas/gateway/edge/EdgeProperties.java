package com.refractoryatlas.gateway.edge;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Every knob of the gateway's edge, security and abuse limits in one place, so that production can tighten them
 * through environment variables without a rebuild (see {@code application.yaml}).
 *
 * @param serviceToken the internal credential added to every subgraph call ({@code ATLAS_SERVICE_TOKEN})
 * @param requestTimeout the longest one HTTP request may take end to end
 * @param introspectionEnabled whether {@code __schema}/{@code __type} are answered; when off, validation messages
 *     lose their field suggestions too
 * @param documentCacheCharacters total size of the query texts whose parse and validation results are kept
 */
@Validated
@ConfigurationProperties("atlas.gateway.edge")
public record EdgeProperties(
        @DefaultValue("local-dev-service-token") @NotBlank String serviceToken,
        @DefaultValue("30s") Duration requestTimeout,
        @DefaultValue("true") boolean introspectionEnabled,
        @DefaultValue("8388608") @Min(1) long documentCacheCharacters,
        @DefaultValue @Valid Limits limits,
        @DefaultValue @Valid Auth auth,
        @DefaultValue @Valid Cors cors,
        @DefaultValue @Valid RateLimit rateLimit,
        @DefaultValue @Valid PersistedQueries persistedQueries,
        @DefaultValue @Valid Hsts hsts,
        @DefaultValue @Valid Introspection introspection,
        @DefaultValue @Valid HttpCache httpCache,
        @DefaultValue @Valid Metrics metrics,
        @DefaultValue @Valid Downloads downloads) {

    /**
     * The proxied reference-list downloads ({@code EdgeRoutes}).
     *
     * @param referencesUri where the references service listens ({@code REFERENCES_BASE_URL})
     * @param timeout the longest one download may take (the circuit breaker's time limit)
     */
    public record Downloads(
            @DefaultValue("http://127.0.0.1:8082") java.net.URI referencesUri,
            @DefaultValue("10s") Duration timeout) {}

    /**
     * The gateway's own metrics.
     *
     * @param maxOperationNames distinct operation names the per-operation histogram keeps as tags; later names are
     *     counted as {@code other} (operation names are client input, and each name is a set of time series)
     */
    public record Metrics(@DefaultValue("500") @Min(1) int maxOperationNames) {}

    /**
     * Limits for introspection, checked instead of the data depth limit: the standard tools' queries (graphql-js
     * {@code getIntrospectionQuery} with every option, GraphiQL, Apollo Rover, iOS and Kotlin, graphql-codegen) nest
     * up to 15 levels, three type-graph lists ({@code types → fields → args}) and nine {@code ofType}, use at most
     * five {@code __type}/{@code __schema} roots and about 250 fields once their fragments are expanded.
     *
     * @param maxRoots {@code __schema} and {@code __type} selections, fragments expanded
     * @param maxFields introspection fields, fragments expanded
     * @param maxListDepth type-graph lists ({@code types}, {@code fields}, {@code args}, {@code inputFields},
     *     {@code interfaces}, {@code possibleTypes}) along one path
     * @param maxOfTypeDepth {@code ofType} along one path
     */
    public record Introspection(
            @DefaultValue("8") @Min(1) int maxRoots,
            @DefaultValue("1000") @Min(1) long maxFields,
            @DefaultValue("3") @Min(1) int maxListDepth,
            @DefaultValue("12") @Min(1) int maxOfTypeDepth) {}

    /**
     * Abuse limits checked on the parsed operation before the engine runs it.
     *
     * @param maxDepth deepest nesting of data fields (introspection has its own limits)
     * @param maxFields data field selections with fragments expanded where they are spread (a fragment bomb of a
     *     few hundred bytes expands to millions)
     * @param maxAliases aliased fields in one document
     * @param maxRootFields fields selected at the root of the operation
     * @param maxCost estimated objects fetched: list sizes multiplied through nesting
     * @param defaultFirst the page size assumed for a paginated field called without {@code first}
     * @param unpaginatedListSize the size assumed for a list field that takes no {@code first}
     * @param maxFirst the largest {@code first} a client may ask for
     * @param maxTokens parser token limit (graphql-java {@code ParserOptions.maxTokens})
     * @param maxBodySize request body size: room for the largest document `importDocument` takes, base64-encoded
     *     (4/3 of the import service's document limit, plus the JSON around it)
     * @param bodyReadTimeout the longest a client may take to send its whole request body (slow uploads are cut
     *     after it, within one {@code server.tomcat.connection-timeout} of idle reading)
     * @param maxBatchSize operations in one batched (JSON array) request
     * @param internalMutations mutations only our services may call, never users through the gateway
     */
    public record Limits(
            @DefaultValue("12") @Min(1) int maxDepth,
            @DefaultValue("2000") @Min(1) long maxFields,
            @DefaultValue("30") @Min(0) int maxAliases,
            @DefaultValue("20") @Min(1) int maxRootFields,
            @DefaultValue("10000") @Min(1) long maxCost,
            @DefaultValue("20") @Min(1) int defaultFirst,
            @DefaultValue("10") @Min(1) int unpaginatedListSize,
            @DefaultValue("100") @Min(1) int maxFirst,
            @DefaultValue("5000") @Min(1) int maxTokens,
            @DefaultValue("14MB") DataSize maxBodySize,
            @DefaultValue("10s") Duration bodyReadTimeout,
            @DefaultValue("10") @Min(1) int maxBatchSize,

            @DefaultValue({"upsertCatalog", "upsertArticle"})
            Set<String> internalMutations) {}

    /**
     * Bearer token validation.
     *
     * @param jwkSetUri the identity provider's JWK set (production); when empty, {@code jwtSecret} is used
     * @param jwtSecret HMAC-SHA256 secret (at least 32 bytes) for the local stack
     * @param issuer when set, tokens must carry this {@code iss}
     * @param rolesClaim the claim holding the user's roles
     * @param requireAuth whether queries need a token too (mutations always do)
     * @param importerRole the role that may run imports
     * @param editorRole the role that may curate the catalog and references
     * @param importMutations mutations that need the importer role rather than the editor role
     */
    public record Auth(
            @DefaultValue("") String jwkSetUri,
            @DefaultValue(LOCAL_DEV_JWT_SECRET) String jwtSecret,
            @DefaultValue("") String issuer,
            @DefaultValue("roles") @NotBlank String rolesClaim,
            @DefaultValue("false") boolean requireAuth,
            @DefaultValue("importer") @NotBlank String importerRole,
            @DefaultValue("editor") @NotBlank String editorRole,
            @DefaultValue("importDocument") Set<String> importMutations) {}

    /** The HMAC secret used when none is configured: for the local stack only, never for production. */
    public static final String LOCAL_DEV_JWT_SECRET = "local-dev-only-jwt-secret-do-not-use-in-production";

    /**
     * Cross-origin access for browser clients.
     *
     * @param allowedOrigins origins (or origin patterns) allowed to call the gateway from a browser
     */
    public record Cors(
            @DefaultValue({"http://localhost:3000", "http://localhost:5173"})
            List<String> allowedOrigins,

            @DefaultValue("1h") Duration maxAge) {}

    /**
     * Per-client token buckets, keyed by the authenticated subject, else the client address.
     *
     * @param capacity burst size
     * @param refillTokens tokens added every {@code refillPeriod}
     * @param maxClients buckets kept in memory (least recently used are dropped)
     * @param tokenCost estimated cost one token pays for: each operation of a request also pays one token per
     *     started {@code tokenCost} (at least one), on top of the request's own token
     */
    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("200") @Min(1) long capacity,
            @DefaultValue("100") @Min(1) long refillTokens,
            @DefaultValue("1s") Duration refillPeriod,
            @DefaultValue("100000") @Min(1) long maxClients,
            @DefaultValue("1000") @Min(1) long tokenCost) {}

    /**
     * Automatic persisted queries (Apollo APQ) and, for production, a safelist of persisted operations.
     *
     * @param maxCharacters total size of the query texts kept, in characters
     * @param manifest an Apollo persisted query manifest ({@code persisted-query-manifest.json}, as
     *     {@code generate-persisted-query-manifest} writes it): its operations are known by id from the start
     * @param safelistOnly whether only the manifest's operations may run (by id, or by a body that matches one);
     *     then APQ registers nothing new
     */
    public record PersistedQueries(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("33554432") @Min(1) long maxCharacters,
            @DefaultValue("") String manifest,
            @DefaultValue("false") boolean safelistOnly) {}

    /**
     * HTTP caching of anonymous reads sent with GET (persisted queries by hash, typically): an answer without errors
     * is {@code Cache-Control: public} for {@code maxAge} with an {@code ETag}, and {@code If-None-Match} gets 304.
     * Everything else stays {@code no-store}.
     *
     * @param maxAge how long shared caches and clients may reuse an answer; zero means revalidate every time
     */
    public record HttpCache(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("30s") Duration maxAge) {}

    /** HTTP Strict Transport Security, sent on HTTPS responses. */
    public record Hsts(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("365d") Duration maxAge,
            @DefaultValue("true") boolean includeSubDomains) {}

    /** The issuer to check, absent when none is configured. */
    public @Nullable String issuerOrNull() {
        return auth.issuer().isBlank() ? null : auth.issuer();
    }
}
