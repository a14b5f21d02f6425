package com.refractoryatlas.importer.write;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.GraphQlClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * One downstream subgraph: sends a mutation and sorts every failure into "try again later"
 * ({@link DownstreamUnavailableException}) or "the service said no" ({@link DownstreamRejectedException}), behind
 * the service's resilience4j retry and circuit breaker.
 */
final class SubgraphClient {

    /** Error codes that say nothing about our input: the service itself is in trouble. */
    private static final Set<String> TRANSIENT_CODES = Set.of("UNAVAILABLE", "INTERNAL_SERVER_ERROR", "INTERNAL_ERROR");

    private static final int HTTP_CLIENT_ERROR = 400;
    private static final int HTTP_SERVER_ERROR = 500;
    private static final int HTTP_REQUEST_TIMEOUT = 408;
    private static final int HTTP_TOO_MANY_REQUESTS = 429;

    private final String service;
    private final GraphQlClient client;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;

    SubgraphClient(String service, GraphQlClient client, Retry retry, CircuitBreaker circuitBreaker) {
        this.service = service;
        this.client = client;
        this.retry = retry;
        this.circuitBreaker = circuitBreaker;
    }

    /** Sends {@code document} with one variable {@code input} and maps the field {@code field} to {@code type}. */
    <T> T mutate(String document, String field, Object input, Class<T> type) {
        Supplier<T> call = () -> send(document, field, input, type);
        Supplier<T> guarded = Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(circuitBreaker, call));
        try {
            return guarded.get();
        } catch (CallNotPermittedException open) {
            throw new DownstreamUnavailableException(service, "circuit breaker is open", open);
        }
    }

    private <T> T send(String document, String field, Object input, Class<T> type) {
        ClientGraphQlResponse response;
        try {
            response = client.document(document).variable("input", input).executeSync();
        } catch (RuntimeException transport) {
            throw classifyTransportFailure(transport);
        }
        if (!response.getErrors().isEmpty()) {
            throw classifyErrors(response);
        }
        T value = response.field(field).toEntity(type);
        if (value == null) {
            throw new DownstreamRejectedException(service, "NO_DATA", "answered without " + field);
        }
        return value;
    }

    private RuntimeException classifyTransportFailure(RuntimeException failure) {
        var status = httpStatus(failure);
        boolean clientError = status != null
                && status >= HTTP_CLIENT_ERROR
                && status < HTTP_SERVER_ERROR
                && status != HTTP_REQUEST_TIMEOUT
                && status != HTTP_TOO_MANY_REQUESTS;
        if (clientError) {
            return new DownstreamRejectedException(service, "HTTP_" + status, String.valueOf(failure.getMessage()));
        }
        var reason = status != null ? "HTTP " + status : rootMessage(failure);
        return new DownstreamUnavailableException(service, reason, failure);
    }

    private RuntimeException classifyErrors(ClientGraphQlResponse response) {
        ResponseError first = response.getErrors().getFirst();
        var code = codeOf(first);
        if (TRANSIENT_CODES.contains(code)) {
            return new DownstreamUnavailableException(service, code + ": " + first.getMessage(), null);
        }
        return new DownstreamRejectedException(service, code, String.valueOf(first.getMessage()));
    }

    private static String codeOf(ResponseError error) {
        Map<String, Object> extensions = error.getExtensions();
        Object code = extensions.get("code");
        if (code != null) {
            return code.toString();
        }
        return error.getErrorType().toString();
    }

    private static @Nullable Integer httpStatus(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RestClientResponseException response) {
                return response.getStatusCode().value();
            }
        }
        return null;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        var message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
