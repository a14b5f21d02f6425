package com.refractoryatlas.importer.cli;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.HttpSyncGraphQlClient;
import org.springframework.web.client.RestClient;

/** The import service's public GraphQL API as the command line uses it: submit documents, read their jobs. */
final class ImportServiceClient {

    static final String QUEUE_FULL = "QUEUE_FULL";

    private static final String IMPORT_DOCUMENT = """
            mutation importDocument($input: ImportDocumentInput!) {
              importDocument(input: $input) { id source status }
            }""";

    private static final String JOBS = """
            query jobs($representations: [_Any!]!) {
              _entities(representations: $representations) {
                ... on ImportJob {
                  id source status progress
                  counts { articles references conditions therapies treatments }
                  matched { articles references conditions therapies treatments }
                  errors { code message line }
                }
              }
            }""";

    private final HttpSyncGraphQlClient client;

    ImportServiceClient(URI url, String serviceToken, String roles) {
        this.client = HttpSyncGraphQlClient.builder(RestClient.builder())
                .url(url)
                .header("X-Atlas-Service-Token", serviceToken)
                .header("X-Atlas-User-Roles", roles)
                .build();
    }

    /** A job as the summary shows it. */
    record Job(
            String id,
            String source,
            String status,
            double progress,
            Counts counts,
            Counts matched,
            List<Error> errors) {

        boolean finished() {
            return "SUCCEEDED".equals(status) || "FAILED".equals(status);
        }
    }

    record Counts(int articles, int references, int conditions, int therapies, int treatments) {}

    record Error(String code, String message, @Nullable Integer line) {}

    record Submitted(String id, String source, String status) {}

    /** Thrown when the service answers with a GraphQL error; {@code code} is its {@code extensions.code}. */
    static final class ServiceError extends RuntimeException {
        private final String code;

        ServiceError(String code, String message) {
            super(code + ": " + message);
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    Submitted submit(String source, String text) {
        var response = client.document(IMPORT_DOCUMENT)
                .variable("input", Map.of("source", source, "text", text))
                .executeSync();
        failOnErrors(response);
        return response.field("importDocument").toEntity(Submitted.class);
    }

    List<Job> jobs(List<String> ids) {
        var representations = new ArrayList<Map<String, Object>>();
        for (var id : ids) {
            representations.add(Map.of("__typename", "ImportJob", "id", id));
        }
        var response = client.document(JOBS)
                .variable("representations", representations)
                .executeSync();
        failOnErrors(response);
        return response.field("_entities").toEntityList(Job.class);
    }

    private static void failOnErrors(ClientGraphQlResponse response) {
        if (response.getErrors().isEmpty()) {
            return;
        }
        var first = response.getErrors().getFirst();
        var code =
                first.getExtensions().getOrDefault("code", first.getErrorType().toString());
        throw new ServiceError(String.valueOf(code), String.valueOf(first.getMessage()));
    }
}
