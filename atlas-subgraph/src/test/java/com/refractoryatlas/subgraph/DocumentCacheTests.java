package com.refractoryatlas.subgraph;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.parser.Parser;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class DocumentCacheTests {

    private final AtomicInteger parses = new AtomicInteger();

    private final Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate = input -> {
        parses.incrementAndGet();
        if (input.getQuery().contains("invalid")) {
            return new PreparsedDocumentEntry(
                    List.of(GraphqlErrorBuilder.newError().message("invalid").build()));
        }
        return new PreparsedDocumentEntry(Parser.parse(input.getQuery()));
    };

    @Test
    void parsesAndValidatesEachDistinctOperationOnce() {
        var cache = new DocumentCache(10);

        var first = cache.getDocumentAsync(input("{ a }"), parseAndValidate).join();
        var second = cache.getDocumentAsync(input("{ a }"), parseAndValidate).join();
        cache.getDocumentAsync(input("{ b }"), parseAndValidate).join();

        assertThat(parses).hasValue(2);
        assertThat(second).isSameAs(first);
    }

    @Test
    void neverKeepsADocumentThatFailedValidation() {
        var cache = new DocumentCache(10);

        cache.getDocumentAsync(input("{ invalid }"), parseAndValidate).join();
        var again =
                cache.getDocumentAsync(input("{ invalid }"), parseAndValidate).join();

        assertThat(parses).hasValue(2);
        assertThat(again.hasErrors()).isTrue();
        assertThat(cache.size()).isZero();
    }

    @Test
    void staysWithinItsSizeAndSkipsOverlongOperations() {
        var cache = new DocumentCache(5);
        for (int i = 0; i < 50; i++) {
            cache.getDocumentAsync(input("{ a" + i + ": a }"), parseAndValidate).join();
        }
        var overlong = "{ a } # " + "x".repeat(DocumentCache.MAX_CACHED_CHARS);
        cache.getDocumentAsync(input(overlong), parseAndValidate).join();
        cache.getDocumentAsync(input(overlong), parseAndValidate).join();

        assertThat(cache.size()).isLessThanOrEqualTo(5);
        assertThat(parses).hasValue(52);
    }

    @Test
    void answersAsWithoutTheCacheWhenWiredIntoGraphQl() {
        var schema = new SchemaGenerator()
                .makeExecutableSchema(
                        new SchemaParser().parse("type Query { a: Int }"),
                        RuntimeWiring.newRuntimeWiring()
                                .type("Query", type -> type.dataFetcher("a", env -> 42))
                                .build());
        var graphQl = GraphQL.newGraphQL(schema)
                .preparsedDocumentProvider(new DocumentCache(10))
                .build();

        var once = graphQl.execute("{ a }");
        var twice = graphQl.execute("{ a }");
        var wrong = graphQl.execute("{ nope }");
        var wrongAgain = graphQl.execute("{ nope }");

        assertThat(twice.<Object>getData()).isEqualTo(once.getData()).isEqualTo(java.util.Map.of("a", 42));
        assertThat(wrong.getErrors()).isNotEmpty();
        assertThat(wrongAgain.getErrors()).hasSameSizeAs(wrong.getErrors());
    }

    private static ExecutionInput input(String query) {
        return ExecutionInput.newExecutionInput(query).build();
    }
}
