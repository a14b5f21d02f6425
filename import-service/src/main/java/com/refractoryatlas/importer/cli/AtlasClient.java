package com.refractoryatlas.importer.cli;

import com.refractoryatlas.subgraph.PooledHttpClient;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.HttpSyncGraphQlClient;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public GraphQL API, reached through the gateway with the curator's bearer token, as the import command uses
 * it: look a document up by checksum, submit it, follow its job. Every failure becomes a {@link ServiceError}
 * carrying the error's {@code extensions.code}, whether the gateway answered with a GraphQL error or an HTTP error.
 */
final class AtlasClient implements AutoCloseable {

    static final String QUEUE_FULL = "QUEUE_FULL";
    static final String RATE_LIMITED = "RATE_LIMITED";
    static final String UNREACHABLE = "UNREACHABLE";

    /** How many jobs one status query asks for: below the gateway's root-field limit. */
    static final int JOBS_PER_QUERY = 15;

    private static final String JOB_FIELDS = """
            fragment job on ImportJob {
              id source status progress
              counts { articles references conditions therapies treatments }
              matched { articles references conditions therapies treatments }
              errors { code message line }
              warnings { code message line }
              article { id title }
            }""";

    private static final String IMPORT_DOCUMENT = """
            mutation importDocument($input: ImportDocumentInput!) {
              importDocument(input: $input) { ...job }
            }
            """ + JOB_FIELDS;

    private static final String BY_CHECKSUM = """
            query importedDocument($checksum: String!) {
              importJobs(checksum: $checksum, first: 10) { edges { node { ...job } } }
            }
            """ + JOB_FIELDS;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The command makes one call at a time. */
    private static final int CONNECTIONS = 1;

    private final HttpComponentsClientHttpRequestFactory requests;
    private final HttpSyncGraphQlClient client;
    private final URI url;

    /**
     * @param connectTimeout how long to wait for the gateway to accept a connection
     * @param requestTimeout how long one call may take, to the end of its answer
     */
    AtlasClient(URI url, String bearerToken, Duration connectTimeout, Duration requestTimeout) {
        this.url = url;
        this.requests = new PooledHttpClient(connectTimeout, requestTimeout, CONNECTIONS, CONNECTIONS).requestFactory();
        this.client = HttpSyncGraphQlClient.builder(
                        RestClient.builder().requestFactory(requests).build())
                .url(url)
                .header("Authorization", "Bearer " + bearerToken)
                .build();
    }

    /** Closes the connection to the gateway. */
    @Override
    public void close() {
        try {
            requests.destroy();
        } catch (Exception e) {
            // nothing left to do with a connection that does not close cleanly: the command is ending
        }
    }

    /** A job as the command shows it. */
    record Job(
            String id,
            String source,
            String status,
            double progress,
            Counts counts,
            Counts matched,
            List<Error> errors,
            List<Error> warnings,
            @Nullable Article article) {

        boolean finished() {
            return "SUCCEEDED".equals(status) || "FAILED".equals(status);
        }
    }

    record Counts(int articles, int references, int conditions, int therapies, int treatments) {

        static final Counts NONE = new Counts(0, 0, 0, 0, 0);
    }

    record Error(String code, String message, @Nullable Integer line) {}

    record Article(String id, @Nullable String title) {}

    /** The service refused or failed a call; {@code code} is the error's {@code extensions.code}. */
    static final class ServiceError extends RuntimeException {
        private final String code;
        private final String detail;

        ServiceError(String code, String message) {
            super(code + ": " + message);
            this.code = code;
            this.detail = message;
        }

        String code() {
            return code;
        }

        /** The error's message without its code. */
        String detail() {
            return detail;
        }
    }

    /** The newest job that imported exactly these bytes and succeeded, if any. */
    Optional<Job> succeededImportOf(String checksum) {
        var response = call(BY_CHECKSUM, Map.of("checksum", checksum));
        return response.field("importJobs.edges").toEntityList(Edge.class).stream()
                .map(Edge::node)
                .filter(job -> "SUCCEEDED".equals(job.status()))
                .findFirst();
    }

    private record Edge(Job node) {}

    Job submit(String source, byte[] content, String mediaType) {
        var input = Map.of(
                "source", source, "content", Base64.getEncoder().encodeToString(content), "mediaType", mediaType);
        return call(IMPORT_DOCUMENT, Map.of("input", input))
                .field("importDocument")
                .toEntity(Job.class);
    }

    /** The jobs with these ids, in the same order, asked {@link #JOBS_PER_QUERY} at a time. */
    List<Job> jobs(List<String> ids) {
        var jobs = new ArrayList<Job>(ids.size());
        for (int from = 0; from < ids.size(); from += JOBS_PER_QUERY) {
            jobs.addAll(jobsChunk(ids.subList(from, Math.min(ids.size(), from + JOBS_PER_QUERY))));
        }
        return jobs;
    }

    private List<Job> jobsChunk(List<String> ids) {
        var variables = new LinkedHashMap<String, Object>();
        var declarations = new StringBuilder();
        var fields = new StringBuilder();
        for (int i = 0; i < ids.size(); i++) {
            variables.put("id" + i, ids.get(i));
            declarations.append(i == 0 ? "" : ", ").append("$id").append(i).append(": ID!");
            fields.append("  j")
                    .append(i)
                    .append(": importJob(id: $id")
                    .append(i)
                    .append(") { ...job }\n");
        }
        var document = "query importJobStatus(" + declarations + ") {\n" + fields + "}\n" + JOB_FIELDS;
        var response = call(document, variables);
        var jobs = new ArrayList<Job>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            var field = response.field("j" + i);
            if (field.getValue() == null) {
                throw new ServiceError("NOT_FOUND", "job " + ids.get(i) + " is not visible to this token");
            }
            jobs.add(field.toEntity(Job.class));
        }
        return jobs;
    }

    private ClientGraphQlResponse call(String document, Map<String, Object> variables) {
        ClientGraphQlResponse response;
        try {
            response = client.document(document).variables(variables).executeSync();
        } catch (RuntimeException e) {
            throw translate(e);
        }
        if (!response.getErrors().isEmpty()) {
            var first = response.getErrors().getFirst();
            var code = first.getExtensions()
                    .getOrDefault("code", first.getErrorType().toString());
            throw new ServiceError(String.valueOf(code), String.valueOf(first.getMessage()));
        }
        return response;
    }

    /** HTTP-level refusals (401, 413, 429, ...) carry a GraphQL error body at the gateway: keep its code. */
    private ServiceError translate(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RestClientResponseException http) {
                return fromBody(http.getStatusCode().value(), http.getResponseBodyAsString());
            }
            // an answer cut off while it was read (past --request-timeout) fails in the converter, not as I/O
            if (cause instanceof ResourceAccessException || cause instanceof IOException) {
                return new ServiceError(UNREACHABLE, "cannot reach " + url + " (" + cause.getMessage() + ")");
            }
        }
        return new ServiceError("INTERNAL", String.valueOf(e.getMessage()));
    }

    private static ServiceError fromBody(int status, String body) {
        try {
            JsonNode error = JSON.readTree(body).path("errors").path(0);
            if (!error.isMissingNode()) {
                var code = error.path("extensions").path("code").asString("HTTP_" + status);
                return new ServiceError(code, error.path("message").asString(""));
            }
        } catch (RuntimeException notJson) {
            // fall through: the body is not a GraphQL answer
        }
        return new ServiceError("HTTP_" + status, "HTTP " + status);
    }
}
