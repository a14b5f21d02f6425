package com.refractoryatlas.gateway.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.refractoryatlas.gateway.edge.EdgeProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Apollo's automatic persisted queries: query texts by their SHA-256, in a cache bounded by the total characters
 * held, so that mobile clients can send a hash instead of the full query; plus the operations of a persisted query
 * manifest, known from the start and, in production, the only ones allowed (safelist).
 */
@Component
class PersistedQueries {

    private final Cache<String, String> queries;
    private final Map<String, String> manifest;

    PersistedQueries(EdgeProperties properties, JsonMapper json) {
        this.queries = Caffeine.newBuilder()
                .maximumWeight(properties.persistedQueries().maxCharacters())
                .weigher((String hash, String query) -> query.length() + hash.length())
                .build();
        this.manifest = loadManifest(properties.persistedQueries().manifest(), json);
    }

    /**
     * Reads an Apollo persisted query manifest ({@code {"format": "apollo-persisted-query-manifest", "version": 1,
     * "operations": [{"id", "name", "type", "body"}]}}); each id must be the SHA-256 of its body, as Apollo's
     * generator writes it and as APQ clients send it.
     */
    static Map<String, String> loadManifest(String location, JsonMapper json) {
        if (location.isBlank()) {
            return Map.of();
        }
        JsonNode root;
        try {
            root = json.readTree(Files.readAllBytes(Path.of(location)));
        } catch (IOException | JacksonException e) {
            throw new IllegalStateException("The persisted query manifest " + location + " cannot be read", e);
        }
        if (!"apollo-persisted-query-manifest".equals(root.path("format").asString(""))
                || root.path("version").asInt(0) != 1) {
            throw new IllegalStateException(
                    "The persisted query manifest " + location + " is not an apollo-persisted-query-manifest v1");
        }
        var operations = new HashMap<String, String>();
        for (JsonNode operation : root.path("operations")) {
            String id = operation.path("id").asString("").toLowerCase(Locale.ROOT);
            String body = operation.path("body").asString("");
            if (!matches(id, body)) {
                throw new IllegalStateException("The persisted query manifest " + location + " has operation '"
                        + operation.path("name").asString("") + "' whose id is not the SHA-256 of its body");
            }
            operations.put(id, body);
        }
        return Map.copyOf(operations);
    }

    Optional<String> find(String hash) {
        String key = hash.toLowerCase(Locale.ROOT);
        String listed = manifest.get(key);
        return listed != null ? Optional.of(listed) : Optional.ofNullable(queries.getIfPresent(key));
    }

    /** Whether the query text is one of the manifest's operations (the safelist). */
    boolean inManifest(String query) {
        return manifest.containsKey(sha256(query));
    }

    void register(String hash, String query) {
        queries.put(hash.toLowerCase(Locale.ROOT), query);
    }

    static boolean matches(String hash, String query) {
        return sha256(query).equalsIgnoreCase(hash);
    }

    static String sha256(String text) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
