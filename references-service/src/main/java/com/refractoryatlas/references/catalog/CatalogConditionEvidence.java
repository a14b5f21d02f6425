package com.refractoryatlas.references.catalog;

import com.refractoryatlas.references.ReferencesProperties;
import com.refractoryatlas.subgraph.ApiException;
import com.refractoryatlas.subgraph.Caller;
import com.refractoryatlas.subgraph.ErrorCode;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.client.GraphQlClientException;
import org.springframework.graphql.client.HttpSyncGraphQlClient;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Asks the catalog subgraph directly ({@code CATALOG_URL}, with the internal service credential) for a condition's
 * evidence references, over the pooled connections of {@link CatalogClientConfiguration}. A catalog that is down or answers with errors becomes an {@code UNAVAILABLE} error: a wrong
 * (empty) list would look like "no evidence", which is worse than no answer.
 */
@Component
class CatalogConditionEvidence implements ConditionEvidence {

    private static final Logger log = LoggerFactory.getLogger(CatalogConditionEvidence.class);
    private static final String QUERY =
            "query ConditionEvidence($id: ID!) { condition(id: $id) { references { id } } }";

    private final HttpSyncGraphQlClient client;

    CatalogConditionEvidence(ReferencesProperties properties, HttpComponentsClientHttpRequestFactory catalogRequests) {
        var catalog = properties.catalog();
        var rest = RestClient.builder()
                .requestFactory(catalogRequests)
                .baseUrl(catalog.url())
                .defaultHeader(Caller.SERVICE_TOKEN_HEADER, catalog.serviceToken())
                .build();
        this.client = HttpSyncGraphQlClient.builder(rest).build();
    }

    @Override
    public Set<String> referenceIdsOf(String conditionId) {
        try {
            var response = client.document(QUERY).variable("id", conditionId).executeSync();
            if (!response.isValid() || !response.getErrors().isEmpty()) {
                log.warn("Catalog answered the evidence of {} with errors: {}", conditionId, response.getErrors());
                throw unavailable();
            }
            if (response.field("condition").getValue() == null) {
                return Set.of();
            }
            return response.field("condition.references").toEntityList(ReferenceId.class).stream()
                    .map(ReferenceId::id)
                    .collect(Collectors.toUnmodifiableSet());
        } catch (GraphQlClientException | RestClientException e) {
            log.warn("Catalog unreachable for the evidence of {}: {}", conditionId, e.toString());
            throw unavailable();
        }
    }

    private static ApiException unavailable() {
        return new ApiException(
                ErrorCode.UNAVAILABLE,
                "The catalog service, which knows each condition's evidence, is unavailable; retry later",
                "filter.conditionId");
    }

    /** One element of {@code condition.references}. */
    record ReferenceId(String id) {}
}
