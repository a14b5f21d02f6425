package com.refractoryatlas.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The differential corpus on The Guild's benchmark subgraphs ({@link GuildSystem}): its {@code TestQuery} and the
 * operations of {@code guild-benchmark/operations} ({@code @requires} reached through a third subgraph, {@code @provides},
 * aliases over required field names, ...) answered by our gateway and by {@code @apollo/gateway}, with the subgraphs
 * serving their SDL in the Federation 1 form (as the benchmark's async-graphql subgraphs print it) and in the
 * Federation 2 form; the answers must be the same JSON ({@link Answers}). A companion of
 * {@link FederationDifferentialTests}, which runs the project's own corpus against its own subgraphs.
 */
class GuildFederationDifferentialTests {

    private static GuildSystem federation1;
    private static GuildSystem federation2;

    @AfterAll
    static void stop() {
        Stream.of(federation1, federation2).filter(java.util.Objects::nonNull).forEach(GuildSystem::close);
    }

    @TestFactory
    Stream<DynamicTest> federationOneSubgraphsAnswerLikeApollosGateway() {
        federation1 = GuildSystem.start(GuildSystem.Federation.V1);
        return corpus(federation1);
    }

    @TestFactory
    Stream<DynamicTest> federationTwoSubgraphsAnswerLikeApollosGateway() {
        federation2 = GuildSystem.start(GuildSystem.Federation.V2);
        return corpus(federation2);
    }

    private static Stream<DynamicTest> corpus(GuildSystem guild) {
        var ours = new GraphQl(guild.ours(new GuildSystem.Deduplication(true, false)));
        var apollo = new GraphQl(guild.apollo());
        return GuildSystem.operations().entrySet().stream()
                .map(operation -> DynamicTest.dynamicTest(operation.getKey(), () -> {
                    var apolloAnswer = apollo.query(operation.getValue());
                    var ourAnswer = ours.query(operation.getValue());
                    assertThat(apolloAnswer.errors().isEmpty())
                            .as("Apollo answers " + operation.getKey() + " without errors: " + apolloAnswer.body())
                            .isTrue();
                    Answers.assertSame(operation.getKey(), ourAnswer, apolloAnswer);
                }));
    }
}
