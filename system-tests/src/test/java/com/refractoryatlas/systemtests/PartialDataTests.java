package com.refractoryatlas.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Partial data by design (the contract's nullability rule): with one subgraph down, the README's example query
 * keeps every other subgraph's data, the fields of the dead one are null, and each error says where and why. Each
 * case kills one service and starts it again before it ends, also when it fails.
 */
@ExtendWith(AtlasSystemExtension.class)
class PartialDataTests {

    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(90);
    private static final Pattern FIRST_GRAPHQL_BLOCK = Pattern.compile("```graphql\\n(.*?)```", Pattern.DOTALL);
    private static final String OTHER_ROOTS = "{ references(first: 3) { totalCount edges { node { id title } } }"
            + " importJobs(first: 3) { totalCount edges { node { id status } } } }";

    @Test
    void referencesDownCostsOnlyTheEvidence(AtlasSystem system) {
        var healthy = prepare(system);
        assertThat(evidence(healthy))
                .as("the seeds give the README query evidence to lose")
                .isNotEmpty();

        var partial = whileDown(system, AtlasSystem.REFERENCES, () -> readme(system));

        assertThat(partial.status()).isEqualTo(200);
        var conditions = partial.data().path("conditions");
        assertThat(conditions.path("totalCount").asInt(-1))
                .isEqualTo(healthy.data().path("conditions").path("totalCount").asInt());
        for (var treatment : treatments(partial)) {
            assertThat(treatment.path("role").isString())
                    .as(treatment.toString())
                    .isTrue();
            assertThat(treatment.path("therapy").path("name").isString())
                    .as(treatment.toString())
                    .isTrue();
            assertThat(treatment.path("evidence").isNull())
                    .as(treatment.toString())
                    .isTrue();
        }
        assertErrorsOnlyAt(partial, "evidence");
    }

    @Test
    void importDownCostsOnlyTheImportJobs(AtlasSystem system) {
        var healthy = prepare(system);
        var cited = evidence(healthy).stream()
                .flatMap(reference -> reference.path("citedBy").valueStream())
                .toList();
        assertThat(cited).as("the seeds give the README query citing articles").isNotEmpty();

        var partial = whileDown(system, AtlasSystem.IMPORT, () -> readme(system));

        assertThat(partial.status()).isEqualTo(200);
        var references = evidence(partial);
        assertThat(references).hasSameSizeAs(evidence(healthy));
        for (var reference : references) {
            assertThat(reference.path("title").isString()).isTrue();
            assertThat(reference.path("formatted").isString()).isTrue();
            for (var article : reference.path("citedBy")) {
                assertThat(article.path("title").isString())
                        .as(article.toString())
                        .isTrue();
                assertThat(article.path("importJob").isNull())
                        .as(article.toString())
                        .isTrue();
            }
        }
        assertErrorsOnlyAt(partial, "importJob");
    }

    @Test
    void catalogDownFailsTheConditionsRootButNotTheOtherRoots(AtlasSystem system) {
        prepare(system);

        var answers = whileDown(
                system,
                AtlasSystem.CATALOG,
                () -> List.of(readme(system), gateway(system).query(OTHER_ROOTS)));

        var readme = answers.get(0);
        assertThat(readme.status()).isEqualTo(200);
        assertThat(readme.errors().path(0).path("path").path(0).asString("")).isEqualTo("conditions");
        assertThat(code(readme.errors().path(0))).isEqualTo("SUBGRAPH_UNAVAILABLE");
        var others = answers.get(1);
        assertThat(others.errors().isMissingNode()).as(others.body()).isTrue();
        assertThat(others.data().path("references").path("totalCount").isInt()).isTrue();
        assertThat(others.data().path("importJobs").path("totalCount").isInt()).isTrue();
    }

    private static GraphQl.Response prepare(AtlasSystem system) {
        Capabilities.requireGatewayGraphQl(system);
        SeedData.ensure(system);
        var healthy = awaitFullAnswer(system);
        assertThat(healthy.errors().isMissingNode()).as(healthy.body()).isTrue();
        assertThat(treatments(healthy)).as("the README query finds treatments").isNotEmpty();
        return healthy;
    }

    /** The README query without errors, once every subgraph answers again (circuit breakers closed). */
    private static GraphQl.Response awaitFullAnswer(AtlasSystem system) {
        var deadline = Instant.now().plus(RECOVERY_BOUND);
        var answer = readme(system);
        while (!answer.errors().isMissingNode() && Instant.now().isBefore(deadline)) {
            ServiceProcess.sleep(Duration.ofMillis(500));
            answer = readme(system);
        }
        return answer;
    }

    /** The first GraphQL example of the README, as a reader would copy it. */
    static String readmeExample(AtlasSystem system) {
        var readme = GraphQl.read(system.settings().repoDir().resolve("README.md"));
        var matcher = FIRST_GRAPHQL_BLOCK.matcher(readme);
        assertThat(matcher.find()).as("a ```graphql block in README.md").isTrue();
        return matcher.group(1);
    }

    private static GraphQl.Response readme(AtlasSystem system) {
        return gateway(system).query(readmeExample(system));
    }

    private static GraphQl gateway(AtlasSystem system) {
        return new GraphQl(system.gatewayUrl());
    }

    private static <T> T whileDown(AtlasSystem system, String service, java.util.function.Supplier<T> request) {
        system.kill(service);
        try {
            system.proxy(service).reset();
            return request.get();
        } finally {
            system.restart(service);
        }
    }

    private static List<JsonNode> treatments(GraphQl.Response response) {
        var result = new ArrayList<JsonNode>();
        for (var edge : response.data().path("conditions").path("edges")) {
            edge.path("node").path("treatments").forEach(result::add);
        }
        return result;
    }

    private static List<JsonNode> evidence(GraphQl.Response response) {
        var result = new ArrayList<JsonNode>();
        for (var treatment : treatments(response)) {
            treatment.path("evidence").forEach(result::add);
        }
        return result;
    }

    /**
     * At least one error; each with a code and a path through the README query that passes the nullable field the
     * dead subgraph owns (the error points at the first field it could not give, below that one).
     */
    private static void assertErrorsOnlyAt(GraphQl.Response response, String field) {
        assertThat(response.errors().size()).as(response.body()).isPositive();
        for (var error : response.errors()) {
            assertThat(code(error)).as(error.toString()).isEqualTo("SUBGRAPH_UNAVAILABLE");
            var path = error.path("path").valueStream().map(JsonNode::asString).toList();
            assertThat(path).as(error.toString()).startsWith("conditions").contains(field);
        }
    }

    private static String code(JsonNode error) {
        return error.path("extensions").path("code").asString("");
    }
}
