package com.refractoryatlas.gateway.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.refractoryatlas.gateway.edge.EdgeProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Apollo's automatic persisted queries: query texts by their SHA-256, in a cache bounded by the total characters
 * held, so that mobile clients can send a hash instead of the full query.
 */
@Component
class PersistedQueries {

    private final Cache<String, String> queries;

    PersistedQueries(EdgeProperties properties) {
        this.queries = Caffeine.newBuilder()
                .maximumWeight(properties.persistedQueries().maxCharacters())
                .weigher((String hash, String query) -> query.length() + hash.length())
                .build();
    }

    Optional<String> find(String hash) {
        return Optional.ofNullable(queries.getIfPresent(hash.toLowerCase(Locale.ROOT)));
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
