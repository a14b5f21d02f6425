package com.refractoryatlas.subgraph;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Parsed and validated operations, by their text: a subgraph is called by the gateway with a handful of distinct
 * operations (one per query plan step), so parsing and validating each request again was most of a small request's
 * cost. Bounded (least recently used go first); only documents that passed validation are kept, so invalid input
 * cannot fill it, and an operation longer than {@link #MAX_CACHED_CHARS} is parsed each time. Safe because the
 * subgraph's guards (credential for private fields, depth limit) run at execution, which the cache does not skip.
 */
final class DocumentCache implements PreparsedDocumentProvider {

    static final int MAX_CACHED_CHARS = 64 * 1024;

    private final Cache<String, PreparsedDocumentEntry> entries;

    DocumentCache(int maximumSize) {
        this.entries = Caffeine.newBuilder().maximumSize(maximumSize).build();
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
            ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        var query = input.getQuery();
        if (query.length() > MAX_CACHED_CHARS) {
            return CompletableFuture.completedFuture(parseAndValidate.apply(input));
        }
        var cached = entries.getIfPresent(query);
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        var entry = parseAndValidate.apply(input);
        if (!entry.hasErrors()) {
            entries.put(query, entry);
        }
        return CompletableFuture.completedFuture(entry);
    }

    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }
}
