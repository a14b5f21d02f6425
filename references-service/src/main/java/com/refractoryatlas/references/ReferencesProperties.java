package com.refractoryatlas.references;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Every tunable of the references service in one place, so that limits and endpoints are configuration rather than
 * numbers scattered through the code.
 *
 * @param limits what one write or one search may contain
 * @param catalog how to reach the catalog subgraph (for {@code references(filter: {conditionId})})
 * @param export citation rendering
 */
@Validated
@ConfigurationProperties("atlas.references")
public record ReferencesProperties(
        @DefaultValue Limits limits,
        @DefaultValue Catalog catalog,
        @DefaultValue Export export) {

    /**
     * @param maxStringLength longest title, name, journal or similar short field
     * @param maxSectionTextLength longest section text or citation context
     * @param maxReferences most references one article may carry
     * @param maxAuthors most authors of one article or reference
     * @param maxSections most sections of one article
     * @param maxCitations most citations of one article
     * @param maxContexts most citing sentences of one citation
     * @param minYear earliest publication year accepted
     * @param maxYear latest publication year accepted
     * @param maxSearchLength longest search text accepted
     * @param maxSearchWords most words one search text may hold
     */
    public record Limits(
            @DefaultValue("2000") @Min(1) int maxStringLength,
            @DefaultValue("200000") @Min(1) int maxSectionTextLength,
            @DefaultValue("2000") @Min(1) int maxReferences,
            @DefaultValue("500") @Min(1) int maxAuthors,
            @DefaultValue("500") @Min(1) int maxSections,
            @DefaultValue("2000") @Min(1) int maxCitations,
            @DefaultValue("100") @Min(1) int maxContexts,
            @DefaultValue("1400") int minYear,
            @DefaultValue("2100") int maxYear,
            @DefaultValue("200") @Min(1) int maxSearchLength,
            @DefaultValue("8") @Min(1) int maxSearchWords) {}

    /**
     * @param url the catalog subgraph's GraphQL endpoint ({@code CATALOG_URL})
     * @param serviceToken the internal credential sent to it ({@code ATLAS_SERVICE_TOKEN})
     * @param connectTimeout how long to wait for a connection: to connect, or for a pooled one to be free
     * @param readTimeout how long one call may take, to the end of its answer
     * @param maxConnections keep-alive connections to the catalog at most; a call finding all of them busy waits up to
     *     {@code connectTimeout} for one
     */
    public record Catalog(
            @DefaultValue("http://127.0.0.1:8081/graphql") URI url,

            @DefaultValue("local-dev-service-token") @NotBlank
            String serviceToken,

            @DefaultValue("2s") Duration connectTimeout,
            @DefaultValue("5s") Duration readTimeout,
            @DefaultValue("50") @Min(1) int maxConnections) {}

    /**
     * @param vancouverStyle the CSL style id rendering {@code VANCOUVER} (the official NLM citation-sequence style)
     * @param apaStyle the CSL style id rendering {@code APA}
     * @param locale the CSL locale
     * @param processorsPerStyle how many citeproc processors per style may render at once
     */
    public record Export(
            @DefaultValue("nlm-citation-sequence") @NotBlank String vancouverStyle,
            @DefaultValue("apa") @NotBlank String apaStyle,
            @DefaultValue("en-US") @NotBlank String locale,
            @DefaultValue("2") @Min(1) int processorsPerStyle) {}
}
