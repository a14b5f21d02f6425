package com.refractoryatlas.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.gateway.TestFederationEngine;
import com.refractoryatlas.gateway.TestProperties;
import graphql.language.OperationDefinition.Operation;
import graphql.schema.GraphQLSchema;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OperationGuardTests {

    static final GraphQLSchema SCHEMA = new TestFederationEngine().supergraph().orElseThrow();
    static final UserContext EDITOR = new UserContext("alice", Set.of("editor"));

    final OperationGuard guard = new OperationGuard(TestProperties.edge(Map.of()));

    private Verdict inspect(OperationGuard guard, String query) {
        return guard.inspect(SCHEMA, query, null, Map.of(), UserContext.anonymous(), false);
    }

    static String resource(String path) throws java.io.IOException {
        try (var in = OperationGuardTests.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static String code(Verdict verdict) {
        assertThat(verdict).isInstanceOf(Verdict.Rejected.class);
        return ((Verdict.Rejected) verdict).problems().getFirst().code();
    }

    @Test
    void allowsAnOrdinaryQuery() {
        assertThat(inspect(guard, "{ conditions(first: 20) { edges { node { id name treatments { role } } } } }"))
                .isInstanceOfSatisfying(Verdict.Allowed.class, allowed -> assertThat(allowed.kind())
                        .isEqualTo(Operation.QUERY));
    }

    @Test
    void validatesARepeatedQueryAgainAfterTheSupergraphChanges() {
        String query = "{ mechanisms { id } }";
        assertThat(inspect(guard, query)).isInstanceOf(Verdict.Allowed.class);
        var recomposed = new graphql.schema.idl.SchemaGenerator()
                .makeExecutableSchema(
                        new graphql.schema.idl.SchemaParser().parse("type Query { other: Int }"),
                        graphql.schema.idl.RuntimeWiring.MOCKED_WIRING);
        var verdict = guard.inspect(recomposed, query, null, Map.of(), UserContext.anonymous(), false);
        assertThat(code(verdict)).isEqualTo("GRAPHQL_VALIDATION_FAILED");
        assertThat(inspect(guard, query)).isInstanceOf(Verdict.Allowed.class);
    }

    @Nested
    class Limits {

        @Test
        void countsDepthThroughFragmentsAndAllowsExactlyTheLimit() {
            assertThat(inspect(guard, chain(12))).isInstanceOf(Verdict.Allowed.class);
            assertThat(code(inspect(guard, chain(13)))).isEqualTo("QUERY_TOO_DEEP");
            String hidden = "{ condition(id: \"x\") { ...F } } fragment F on Condition { treatments { condition {"
                    + " treatments { condition { treatments { condition { treatments { condition { treatments {"
                    + " condition { treatments { condition { id } } } } } } } } } } } } }";
            assertThat(code(inspect(guard, hidden))).isEqualTo("QUERY_TOO_DEEP");
        }

        @Test
        void countsAliasesEachTimeTheirFragmentIsSpread() {
            String fragment = "fragment F on Condition { a: id b: id c: id d: id e: id f: id g: id h: id }";
            String query = "{ condition(id: \"x\") { ...F ... on Condition { ...F } } x: condition(id: \"y\") { ...F"
                    + " } y: condition(id: \"z\") { ...F } } " + fragment;
            assertThat(code(inspect(guard, query))).isEqualTo("TOO_MANY_ALIASES");
        }

        @Test
        void measuresFragmentCyclesWithoutLoopingAndLetsValidationRejectThem() {
            String query =
                    "{ condition(id: \"x\") { ...A } } fragment A on Condition { treatments { condition { ...B } } }"
                            + " fragment B on Condition { ...A }";
            assertThat(code(inspect(guard, query))).isEqualTo("GRAPHQL_VALIDATION_FAILED");
        }

        @Test
        void usesTheDefaultPageSizeWhenFirstIsAbsentAndTheVariableValueWhenGiven() {
            String query = "query($n: Int) { conditions(first: $n) { edges { node { references { citedBy { conditions"
                    + " { id } } } } } } }";
            var small = guard.inspect(SCHEMA, query, null, Map.of("n", 1), UserContext.anonymous(), false);
            assertThat(small).isInstanceOf(Verdict.Allowed.class);
            var large = guard.inspect(SCHEMA, query, null, Map.of("n", 100), UserContext.anonymous(), false);
            assertThat(code(large)).isEqualTo("QUERY_TOO_COSTLY");
            var absent = guard.inspect(SCHEMA, query, null, Map.of(), UserContext.anonymous(), false);
            assertThat(code(absent)).isEqualTo("QUERY_TOO_COSTLY");
        }

        @Test
        void selectsTheNamedOperationAndRefusesAnUnknownName() {
            String document =
                    "query A { mechanisms { id } } mutation B { curateCondition(id: \"x\", name: \"y\") { id } }";
            assertThat(guard.inspect(SCHEMA, document, "A", Map.of(), UserContext.anonymous(), true))
                    .isInstanceOf(Verdict.Allowed.class);
            assertThat(code(guard.inspect(SCHEMA, document, "C", Map.of(), UserContext.anonymous(), false)))
                    .isEqualTo("GRAPHQL_VALIDATION_FAILED");
            assertThat(((Verdict.Rejected) guard.inspect(SCHEMA, document, "B", Map.of(), EDITOR, true)).reason())
                    .isEqualTo(Verdict.Reason.METHOD_NOT_ALLOWED);
        }
    }

    /** importJob → article → importJob ..., {@code levels} deep, without lists (so without cost). */
    static String chain(int levels) {
        var query = new StringBuilder("{ importJob(id: \"j\") {");
        int depth = 1;
        for (; depth < levels - 1; depth++) {
            query.append(depth % 2 == 1 ? " article {" : " importJob {");
        }
        return query.append(" id").append(" }".repeat(depth + 1)).toString();
    }

    @Nested
    class Introspection {

        final OperationGuard closed =
                new OperationGuard(TestProperties.edge(Map.of("atlas.gateway.edge.introspection-enabled", "false")));

        @Test
        void isAnsweredWhenEnabled() {
            assertThat(inspect(guard, "{ __schema { types { name } } }")).isInstanceOf(Verdict.Allowed.class);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "graphql-js-all-options",
                    "graphql-js-default",
                    "apollo-rover",
                    "apollo-kotlin-pre-introspection",
                    "apollo-kotlin-draft",
                    "apollo-ios",
                    "root-fields-of-both-roots"
                })
        void acceptsTheStandardToolsQueriesWithDefaultLimits(String tool) throws Exception {
            String query = resource("/introspection/" + tool + ".graphql");
            assertThat(inspect(guard, query)).as(tool).isInstanceOf(Verdict.Allowed.class);
        }

        @Test
        void refusesOfTypeChainsLongerThanTheStandardQueries() {
            String chain =
                    "{ __type(name: \"Condition\") { " + "ofType { ".repeat(13) + "name" + " }".repeat(13) + " } }";
            assertThat(code(inspect(guard, chain))).isEqualTo("INTROSPECTION_TOO_COMPLEX");
        }

        @Test
        void refusesReenteringTheTypeGraphThroughNestedLists() {
            String nested = "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }";
            assertThat(code(inspect(guard, nested))).isEqualTo("INTROSPECTION_TOO_COMPLEX");
            String hidden = "{ __schema { types { ...F } } } fragment F on __Type { fields { type { ...G } } }"
                    + " fragment G on __Type { fields { type { fields { name } } } }";
            assertThat(code(inspect(guard, hidden))).isEqualTo("INTROSPECTION_TOO_COMPLEX");
        }

        @Test
        void refusesAFanOfIntrospectionRoots() {
            var fan = new StringBuilder("{");
            for (int i = 0; i < 9; i++) {
                fan.append(" s").append(i).append(": __schema { types { name } }");
            }
            assertThat(code(inspect(guard, fan.append(" }").toString()))).isEqualTo("INTROSPECTION_TOO_COMPLEX");
        }

        @Test
        void countsIntrospectionFieldsThroughFragmentsWithoutExpandingThem() {
            var document = new StringBuilder("{ __schema { types { ...F12 } } } fragment F0 on __Type { name }");
            for (int i = 1; i <= 12; i++) {
                document.append(" fragment F")
                        .append(i)
                        .append(" on __Type { ...F")
                        .append(i - 1)
                        .append(" ...F")
                        .append(i - 1)
                        .append(" }");
            }
            assertThat(code(inspect(guard, document.toString()))).isEqualTo("INTROSPECTION_TOO_COMPLEX");
        }

        @Test
        void isNotHeldToTheDataDepthLimit() {
            assertThat(inspect(
                            guard,
                            "{ __schema { types { fields { type { " + "ofType { ".repeat(11) + "name" + " }".repeat(11)
                                    + " } } } } }"))
                    .isInstanceOf(Verdict.Allowed.class);
        }

        @Test
        void isRefusedWhenDisabledEvenInsideAFragmentButTypenameStillWorks() {
            assertThat(code(inspect(closed, "{ ...F } fragment F on Query { __type(name: \"Condition\") { name } }")))
                    .isEqualTo("INTROSPECTION_DISABLED");
            assertThat(inspect(closed, "{ __typename mechanisms { __typename } }"))
                    .isInstanceOf(Verdict.Allowed.class);
        }

        @Test
        void stripsFieldSuggestionsWhenDisabled() {
            assertThat(closed.maskSuggestions("Cannot query field 'nme' on type 'Condition'. Did you mean 'name'?"))
                    .isEqualTo("Cannot query field 'nme' on type 'Condition'.");
            assertThat(guard.maskSuggestions("Did you mean 'name'?")).isEqualTo("Did you mean 'name'?");
        }
    }

    @Nested
    class Mutations {

        @Test
        void needAnAuthenticatedUser() {
            var verdict = inspect(guard, "mutation { curateCondition(id: \"x\", name: \"y\") { id } }");
            assertThat(((Verdict.Rejected) verdict).reason()).isEqualTo(Verdict.Reason.UNAUTHENTICATED);
        }

        @Test
        void needTheRoleOfEveryRootFieldIncludingThoseInFragments() {
            String mixed = "mutation { curateCondition(id: \"x\", name: \"y\") { id } ...I } fragment I on Mutation {"
                    + " importDocument(input: { source: \"a\", text: \"b\" }) { id } }";
            var verdict = guard.inspect(SCHEMA, mixed, null, Map.of(), EDITOR, false);
            assertThat(code(verdict)).isEqualTo("FORBIDDEN");
            var both = guard.inspect(
                    SCHEMA, mixed, null, Map.of(), new UserContext("bob", Set.of("editor", "importer")), false);
            assertThat(both).isInstanceOfSatisfying(Verdict.Allowed.class, allowed -> assertThat(allowed.kind())
                    .isEqualTo(Operation.MUTATION));
        }

        @Test
        void refuseInternalMutationsWhateverTheRoles() {
            var verdict = guard.inspect(
                    SCHEMA,
                    "mutation { upsertArticle(input: {}) }",
                    null,
                    Map.of(),
                    new UserContext("root", Set.of("editor", "importer")),
                    false);
            assertThat(code(verdict)).isEqualTo("FORBIDDEN");
        }
    }
}
