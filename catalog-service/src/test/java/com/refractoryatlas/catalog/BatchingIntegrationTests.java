package com.refractoryatlas.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.catalog.benchmark.CatalogDataGenerator;
import com.refractoryatlas.mongo.MongoCommandCounter;
import com.refractoryatlas.subgraph.Caller;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Proves that no list costs one query per item: the driver's command count does not grow with the list. */
@CatalogIntegrationTest
class BatchingIntegrationTests {

    private static final int SMALL = 5;
    private static final int LARGE = 50;

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    CatalogFixtures fixtures;

    @Autowired
    CatalogDataGenerator generator;

    @Autowired
    MongoCommandCounter counter;

    @BeforeEach
    void generate() {
        // as the gateway calls: _entities needs the internal credential
        graphQl = graphQl.mutate()
                .header(Caller.SERVICE_TOKEN_HEADER, CatalogFixtures.SERVICE_TOKEN)
                .build();
        fixtures.clear();
        generator.generate(new CatalogDataGenerator.Size(60, 40, 180));
    }

    @RepeatedTest(3)
    void aPageOfConditionsWithEveryNestedListCostsTheSameWhateverItsSize() {
        var small = commandsFor(() -> graphQl.documentName("conditionsDeep")
                .variable("first", SMALL)
                .execute()
                .path("conditions.edges")
                .entityList(Object.class)
                .hasSize(SMALL));
        var large = commandsFor(() -> graphQl.documentName("conditionsDeep")
                .variable("first", LARGE)
                .execute()
                .path("conditions.edges")
                .entityList(Object.class)
                .hasSize(LARGE));
        assertThat(large).isEqualTo(small);
    }

    @Test
    void aPageCountsItsMatchesOnlyWhenTheOperationAsksForTotalCount() {
        for (var field : List.of("conditions", "therapies")) {
            counter.reset();
            graphQl.document("{ " + field + "(first: 5) { edges { node { id } } } }")
                    .execute()
                    .path(field + ".edges")
                    .entityList(Object.class)
                    .hasSize(SMALL);
            assertThat(counter.count("count") + counter.count("aggregate"))
                    .as(field)
                    .isZero();

            counter.reset();
            graphQl.document("{ " + field + "(first: 5) { total: totalCount edges { node { id } } } }")
                    .execute()
                    .path(field + ".total")
                    .entity(Integer.class)
                    .isEqualTo(field.equals("conditions") ? 60 : 40);
            assertThat(counter.count("count") + counter.count("aggregate"))
                    .as(field)
                    .isOne();
        }
    }

    @Test
    void entityLookUpsCostTheSameForFiveAndFiftyRepresentations() {
        for (var typename : List.of("Condition", "Therapy", "Mechanism", "Reference", "Article")) {
            IntFunction<String> id =
                    switch (typename) {
                        case "Condition" -> CatalogDataGenerator::conditionId;
                        case "Therapy" -> CatalogDataGenerator::therapyId;
                        case "Mechanism" -> i -> "mechanism-" + i % 13;
                        case "Reference" -> i -> "ref-" + i;
                        default -> i -> "article-" + i;
                    };
            var small = commandsFor(() -> entities(typename, SMALL, id));
            var large = commandsFor(() -> entities(typename, LARGE, id));
            assertThat(large).as(typename).isEqualTo(small);
        }
    }

    private void entities(String typename, int count, IntFunction<String> id) {
        var representations = IntStream.range(0, count)
                .mapToObj(i -> Map.of("__typename", typename, "id", id.apply(i)))
                .toList();
        graphQl.documentName("entities")
                .variable("representations", representations)
                .execute()
                .path("_entities")
                .entityList(Object.class)
                .hasSize(count);
    }

    private String commandsFor(Runnable request) {
        counter.reset();
        request.run();
        var byName = new java.util.TreeMap<String, Long>();
        for (var name : List.of("find", "aggregate", "count", "distinct", "getMore")) {
            byName.put(name, counter.count(name));
        }
        return counter.total() + " " + byName;
    }
}
