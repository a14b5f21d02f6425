package com.refractoryatlas.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Differential test: every operation of the corpus ({@code src/test/resources/operations/}) is answered by our
 * gateway and by Apollo's reference gateway ({@code @apollo/gateway} with {@code IntrospectAndCompose}) in front of
 * the same running subgraphs and data; the answers must be the same JSON (see {@link Answers} for the error
 * normalization).
 */
@ExtendWith(AtlasSystemExtension.class)
class FederationDifferentialTests {

    private static final int CORPUS_MINIMUM = 40;

    @Test
    void corpusHasAtLeastFortyOperationsIncludingErrorCases() {
        var corpus = Operation.corpus();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(CORPUS_MINIMUM);
        assertThat(corpus).filteredOn(Operation::expectsErrors).hasSizeGreaterThanOrEqualTo(5);
    }

    @TestFactory
    Stream<DynamicTest> ourGatewayAnswersLikeApollosGateway(AtlasSystem system) {
        Capabilities.requireGatewayGraphQl(system);
        var node = Node.require();
        SeedData.ensure(system);
        var ours = new GraphQl(system.gatewayUrl());
        var apollo = new GraphQl(system.apolloGateway(node));
        return Operation.corpus().stream()
                .map(operation -> DynamicTest.dynamicTest(operation.name(), () -> {
                    var apolloAnswer = operation.sendTo(apollo);
                    Assumptions.assumeFalse(
                            !operation.expectsErrors() && Answers.isValidationFailure(apolloAnswer),
                            () -> "Skipped: " + operation.name()
                                    + " does not validate against the composed schema yet: " + apolloAnswer.body());
                    var ourAnswer = operation.sendTo(ours);
                    Answers.assertSame(operation.name(), ourAnswer, apolloAnswer);
                    if (operation.expectsErrors()) {
                        assertThat(ourAnswer.errors())
                                .as(operation.name() + " must fail")
                                .isNotEmpty();
                    }
                }));
    }
}
