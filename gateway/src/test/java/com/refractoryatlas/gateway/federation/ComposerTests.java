package com.refractoryatlas.gateway.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.gateway.federation.CompositionResult.Composed;
import com.refractoryatlas.gateway.federation.CompositionResult.Failed;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLTypeUtil;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ComposerTests {

    private static final String LINK =
            "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.7\", import: [\"@key\", \"@shareable\","
                    + " \"@external\", \"@requires\", \"@provides\", \"@override\", \"@inaccessible\"])\n";

    private final Composer composer = new Composer();

    private static List<SubgraphSdl> testSdls() {
        return TestSubgraphs.NAMES.stream()
                .map(name -> new SubgraphSdl(name, TestSubgraphs.sdl(name)))
                .toList();
    }

    private Supergraph composed(List<SubgraphSdl> sdls) {
        var result = composer.compose(sdls);
        assertThat(result).isInstanceOf(Composed.class);
        return ((Composed) result).supergraph();
    }

    private List<CompositionError> failed(SubgraphSdl... sdls) {
        var result = composer.compose(List.of(sdls));
        assertThat(result).isInstanceOf(Failed.class);
        return ((Failed) result).errors();
    }

    @Nested
    class GoodSubgraphs {

        @Test
        void mergesEntitiesByKeyWithFieldsOwnedByTheirSubgraph() {
            var supergraph = composed(testSdls());
            var condition = supergraph.apiSchema().getObjectType("Condition");

            assertThat(condition.getFieldDefinitions())
                    .extracting(f -> f.getName())
                    .containsExactly("id", "name", "aliases", "specialty", "treatments", "matrix", "references");
            assertThat(supergraph.resolvers("Condition", "references")).containsExactly("references");
            assertThat(supergraph.resolvers("Condition", "name")).containsExactly("catalog");
            assertThat(supergraph.resolvers("Condition", "id")).containsExactly("catalog", "references");
            assertThat(supergraph.resolvers("Query", "reference")).containsExactly("references");
            assertThat(supergraph.resolvableKey("catalog", "Reference")).isNull();
            assertThat(supergraph.resolvableKey("references", "Reference")).isNotNull();
        }

        @Test
        void leavesFederationInternalsOutOfTheApiSchema() {
            var schema = composed(testSdls()).apiSchema();

            assertThat(schema.getQueryType().getFieldDefinition("_entities")).isNull();
            assertThat(schema.getQueryType().getFieldDefinition("_service")).isNull();
            assertThat(schema.getType("_Any")).isNull();
            assertThat(schema.getType("_Entity")).isNull();
            assertThat(schema.getType("DateTime")).isNotNull();
            assertThat(schema.getDirective("key")).isNull();
        }

        @Test
        void listsFieldsAsApolloDoesTakingTheSubgraphsInNameOrder() {
            var zeta = new SubgraphSdl("zeta", LINK + """
                    type Query { thing: Thing }
                    type Thing @key(fields: "id") { id: ID!, zebra: String }
                    """);
            var alpha = new SubgraphSdl("alpha", LINK + """
                    type Thing @key(fields: "id") { id: ID!, apple: String }
                    """);

            var schema = composed(List.of(zeta, alpha)).apiSchema();

            assertThat(schema.getObjectType("Thing").getFieldDefinitions())
                    .extracting(f -> f.getName())
                    .containsExactly("id", "apple", "zebra");
        }

        @Test
        void keepsTheDescriptionMostSubgraphsGiveWhicheverSubgraphComesFirst() {
            var first = new SubgraphSdl("first", LINK + """
                    type Query { thing: Thing }
                    type Thing @key(fields: "id") { id: ID!, kind(style: Style): Kind }
                    enum Kind { A B }
                    input Style { dense: Boolean }
                    """);
            var second = new SubgraphSdl("second", LINK + """
                    "A thing."
                    type Thing @key(fields: "id") { "Its id." id: ID!, other: String }
                    enum Kind { "The first kind." A B }
                    """);
            var third = new SubgraphSdl("third", LINK + """
                    "Something."
                    type Thing @key(fields: "id") { "Its id." id: ID!, more: String }
                    """);

            var schema = composed(List.of(first, second, third)).apiSchema();

            assertThat(schema.getObjectType("Thing").getDescription()).isEqualTo("A thing.");
            assertThat(schema.getObjectType("Thing").getFieldDefinition("id").getDescription())
                    .isEqualTo("Its id.");
            assertThat(((graphql.schema.GraphQLEnumType) schema.getType("Kind"))
                            .getValue("A")
                            .getDescription())
                    .isEqualTo("The first kind.");
        }

        @Test
        void composesTheSdlAsFederationJvmAndSpringPrintIt() {
            var printed = new TestSubgraphs().printedSdls();
            assertThat(printed.getFirst().sdl()).contains("@key(fields");

            var supergraph = composed(printed);

            assertThat(supergraph.apiSchema().getObjectType("Article").getFieldDefinitions())
                    .extracting(f -> f.getName())
                    .contains("id", "conditions", "title", "importJob");
        }

        @Test
        void composesTheRealCatalogServiceSdlAsSpringPrintsIt() {
            var supergraph = composed(List.of(
                    new SubgraphSdl("catalog", TestSubgraphs.sdl("spring-printed-catalog")),
                    new SubgraphSdl("references", TestSubgraphs.sdl("references"))));

            assertThat(supergraph.apiSchema().getQueryType().getFieldDefinitions())
                    .extracting(f -> f.getName())
                    .containsExactly("condition", "reference", "references");
            assertThat(supergraph.resolvers("Treatment", "evidence")).containsExactly("catalog");
            assertThat(supergraph.resolvableKey("catalog", "Reference")).isNull();
            assertThat(supergraph.resolvableKey("catalog", "Condition")).isNotNull();
            assertThat(supergraph.apiSchema().getType("federation__FieldSet")).isNull();
        }

        @Test
        void composesTheRepositorysSubgraphSchemas() throws java.io.IOException {
            var sdls = new java.util.ArrayList<SubgraphSdl>();
            for (var service : List.of("catalog-service", "references-service", "import-service")) {
                var directory = java.nio.file.Path.of("..", service, "src/main/resources/graphql");
                var text = new StringBuilder();
                try (var files = java.nio.file.Files.list(directory)) {
                    for (var file : files.sorted().toList()) {
                        text.append(java.nio.file.Files.readString(file)).append('\n');
                    }
                }
                sdls.add(new SubgraphSdl(service, text.toString()));
            }

            var result = composer.compose(sdls);

            assertThat(result)
                    .as("%s", result instanceof Failed failed ? failed.errors() : "")
                    .isInstanceOf(Composed.class);
            var plan = new QueryPlanner(((Composed) result).supergraph())
                    .plan(
                            graphql.parser.Parser.parse(
                                    "{ condition(id: \"x\") { name treatments { evidence { title } } } }"),
                            null);
            assertThat(plan.rootFetches()).extracting(f -> f.subgraph()).containsExactly("catalog-service");
            assertThat(plan.batchesAt(1)).extracting(b -> b.subgraph()).containsExactly("references-service");
        }

        @Test
        void acceptsSpringPrintedDirectiveDefinitionsAndServiceTypes() {
            var sdl = """
                    schema @link(import : ["@key", "@shareable"], url : "https://specs.apollo.dev/federation/v2.7") {
                      query: Query
                    }
                    directive @key(fields: federation__FieldSet!, resolvable: Boolean = true) repeatable on OBJECT | INTERFACE
                    directive @link(as: String, import: [link__Import], url: String!) repeatable on SCHEMA
                    directive @federation__external on OBJECT | FIELD_DEFINITION
                    directive @shareable repeatable on OBJECT | FIELD_DEFINITION
                    union _Entity = Condition
                    type Condition @key(fields : "id", resolvable : true) {
                      id: ID!
                      name: String!
                    }
                    type Query {
                      _entities(representations: [_Any!]!): [_Entity]!
                      _service: _Service!
                      condition(id: ID!): Condition
                    }
                    type _Service {
                      sdl: String!
                    }
                    enum link__Purpose {
                      EXECUTION
                      SECURITY
                    }
                    scalar _Any
                    scalar federation__FieldSet
                    scalar link__Import
                    """;

            var supergraph = composed(List.of(new SubgraphSdl("catalog", sdl)));

            assertThat(supergraph.apiSchema().getQueryType().getFieldDefinitions())
                    .extracting(f -> f.getName())
                    .containsExactly("condition");
            assertThat(supergraph.apiSchema().getType("link__Purpose")).isNull();
            assertThat(supergraph.isEntity("Condition")).isTrue();
        }

        @Test
        void mergesShareableValueTypesEnumsAndNullability() {
            var a = new SubgraphSdl("a", LINK + """
                    type Query { a: Author }
                    enum Kind { ONE TWO }
                    type Author @shareable { family: String! given: String kind: Kind }
                    """);
            var b = new SubgraphSdl("b", LINK + """
                    type Query { b: Author }
                    enum Kind { TWO THREE }
                    type Author @shareable { family: String given: String kind: Kind }
                    """);

            var schema = composed(List.of(a, b)).apiSchema();

            var author = (GraphQLObjectType) schema.getType("Author");
            assertThat(GraphQLTypeUtil.isNonNull(
                            author.getFieldDefinition("family").getType()))
                    .isFalse();
            assertThat(((graphql.schema.GraphQLEnumType) schema.getType("Kind")).getValues())
                    .extracting(v -> v.getName())
                    .containsExactly("ONE", "TWO", "THREE");
        }

        @Test
        void readsRequiresProvidesAndOverride() {
            var owner = new SubgraphSdl("owner", LINK + """
                    type Query { reference(id: ID!): Reference }
                    type Reference @key(fields: "id") { id: ID! year: Int title: String label: String }
                    """);
            var other = new SubgraphSdl("other", LINK + """
                    type Query { latest: Reference @provides(fields: "title") }
                    type Reference @key(fields: "id") {
                      id: ID!
                      year: Int @external
                      title: String @external
                      age: Int @requires(fields: "year")
                      label: String @override(from: "owner")
                    }
                    """);

            var supergraph = composed(List.of(owner, other));

            assertThat(supergraph.resolvers("Reference", "year")).containsExactly("owner");
            assertThat(supergraph.resolvers("Reference", "label")).containsExactly("other");
            assertThat(supergraph.requires("other", "Reference", "age")).isNotNull();
            assertThat(supergraph.provides("other", "Query", "latest")).isNotNull();
        }
    }

    @Nested
    class Inaccessible {

        @Test
        void hidesInaccessibleTypesFieldsArgumentsEnumValuesAndInputFieldsFromTheApiSchema() {
            var writer = new SubgraphSdl("writer", LINK + """
                    type Query { item(id: ID!, debug: Boolean @inaccessible): Item }
                    type Mutation { write(input: WriteInput!): WriteResult! @inaccessible, touch(id: ID!): Item }
                    type Item @key(fields: "id") { id: ID!, state: State, secret: String @inaccessible }
                    enum State { OPEN CLOSED LOCKED @inaccessible }
                    input WriteInput @inaccessible { id: ID! }
                    type WriteResult @inaccessible { outcome: Outcome! }
                    enum Outcome @inaccessible { CREATED }
                    input Search { text: String, trace: Boolean @inaccessible }
                    union Found = Item | WriteResult
                    """);
            var reader = new SubgraphSdl("reader", LINK + """
                    type Query { search(filter: Search): [Found!]! }
                    input Search { text: String, trace: Boolean }
                    union Found = Item
                    type Item @key(fields: "id") { id: ID!, label: String }
                    """);

            var schema = composed(List.of(writer, reader)).apiSchema();

            assertThat(schema.getType("WriteInput")).isNull();
            assertThat(schema.getType("WriteResult")).isNull();
            assertThat(schema.getType("Outcome")).isNull();
            assertThat(schema.getMutationType().getFieldDefinition("write")).isNull();
            assertThat(schema.getMutationType().getFieldDefinition("touch")).isNotNull();
            assertThat(schema.getObjectType("Item").getFieldDefinition("secret"))
                    .isNull();
            assertThat(schema.getQueryType().getFieldDefinition("item").getArguments())
                    .extracting(a -> a.getName())
                    .containsExactly("id");
            assertThat(((graphql.schema.GraphQLEnumType) schema.getType("State")).getValues())
                    .extracting(v -> v.getName())
                    .containsExactly("OPEN", "CLOSED");
            assertThat(((graphql.schema.GraphQLInputObjectType) schema.getType("Search")).getFieldDefinitions())
                    .extracting(f -> f.getName())
                    .containsExactly("text");
            assertThat(((graphql.schema.GraphQLUnionType) schema.getType("Found")).getTypes())
                    .extracting(t -> t.getName())
                    .containsExactly("Item");
        }

        @Test
        void refusesAPublicFieldArgumentOrInputFieldOfAnInaccessibleType() {
            var errors = failed(new SubgraphSdl("one", LINK + """
                    type Query { secret: Secret, find(kind: Kind): String, search(filter: Filter): String }
                    type Secret @inaccessible { id: ID! }
                    enum Kind @inaccessible { A }
                    input Filter { kind: Kind }
                    """));

            assertThat(errors)
                    .extracting(CompositionError::code, CompositionError::coordinate)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("REFERENCED_INACCESSIBLE", "Query.secret"),
                            org.assertj.core.groups.Tuple.tuple("REFERENCED_INACCESSIBLE", "Query.find(kind:)"),
                            org.assertj.core.groups.Tuple.tuple("REFERENCED_INACCESSIBLE", "Filter.kind"));
        }

        @Test
        void refusesHidingARequiredArgumentOrInputFieldOrEveryEnumValue() {
            var errors = failed(new SubgraphSdl("one", LINK + """
                    type Query { find(id: ID! @inaccessible, kind: Kind): String, search(filter: Filter): String }
                    input Filter { text: String! @inaccessible, limit: Int! = 10 @inaccessible }
                    enum Kind { A @inaccessible }
                    """));

            assertThat(errors)
                    .extracting(CompositionError::code, CompositionError::coordinate)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("REQUIRED_INACCESSIBLE", "Query.find(id:)"),
                            org.assertj.core.groups.Tuple.tuple("REQUIRED_INACCESSIBLE", "Filter.text"),
                            org.assertj.core.groups.Tuple.tuple("ONLY_INACCESSIBLE_CHILDREN", "Kind"));
        }
    }

    @Nested
    class CompositionErrors {

        @Test
        void reportsConflictingFieldTypesNamingSubgraphsAndField() {
            var errors = failed(
                    new SubgraphSdl("catalog", LINK + "type Query { a: Author } type Author @shareable { year: Int }"),
                    new SubgraphSdl(
                            "references", LINK + "type Query { b: Author } type Author @shareable { year: String }"));

            assertThat(errors).singleElement().satisfies(e -> {
                assertThat(e.code()).isEqualTo("FIELD_TYPE_MISMATCH");
                assertThat(e.subgraphs()).containsExactly("catalog", "references");
                assertThat(e.coordinate()).isEqualTo("Author.year");
                assertThat(e.message()).contains("Author.year", "catalog", "references");
            });
        }

        @Test
        void reportsAnUnshareableFieldDefinedTwice() {
            var errors = failed(
                    new SubgraphSdl("catalog", LINK + "type Query { a: Author } type Author { family: String }"),
                    new SubgraphSdl(
                            "references", LINK + "type Query { b: Author } type Author @shareable { family: String }"));

            assertThat(errors).singleElement().satisfies(e -> {
                assertThat(e.code()).isEqualTo("INVALID_FIELD_SHARING");
                assertThat(e.coordinate()).isEqualTo("Author.family");
                assertThat(e.message()).contains("catalog");
            });
        }

        @Test
        void reportsAnUnshareableRootFieldDefinedTwice() {
            var errors = failed(
                    new SubgraphSdl("catalog", LINK + "type Query { version: String }"),
                    new SubgraphSdl("references", LINK + "type Query { version: String }"));

            assertThat(errors).extracting(CompositionError::code).containsExactly("INVALID_FIELD_SHARING");
        }

        @Test
        void reportsAKeyNoSubgraphCanResolve() {
            var errors = failed(new SubgraphSdl("catalog", LINK + """
                            type Query { a: Reference }
                            type Reference @key(fields: "id", resolvable: false) { id: ID! }
                            """), new SubgraphSdl("import", LINK + """
                            type Query { b: Reference }
                            type Reference @key(fields: "id", resolvable: false) { id: ID! }
                            """));

            assertThat(errors).singleElement().satisfies(e -> {
                assertThat(e.code()).isEqualTo("KEY_NOT_RESOLVABLE");
                assertThat(e.coordinate()).isEqualTo("Reference");
                assertThat(e.subgraphs()).containsExactly("catalog", "import");
            });
        }

        @Test
        void reportsAKeyOnAFieldTheTypeDoesNotHave() {
            var errors = failed(new SubgraphSdl("catalog", LINK + """
                    type Query { a: Condition }
                    type Condition @key(fields: "slug") { id: ID! }
                    """));

            assertThat(errors).extracting(CompositionError::code).containsExactly("KEY_INVALID_FIELDS");
        }

        @Test
        void reportsInvalidSdlAndKindMismatchAndOrphanExternals() {
            assertThat(failed(new SubgraphSdl("broken", "type Query {")))
                    .singleElement()
                    .satisfies(e -> assertThat(e.subgraphs()).containsExactly("broken"))
                    .extracting(CompositionError::code)
                    .isEqualTo("INVALID_GRAPHQL");
            assertThat(failed(
                            new SubgraphSdl("a", LINK + "type Query { a: Kind } enum Kind { A }"),
                            new SubgraphSdl("b", LINK + "type Query { b: Kind } type Kind @shareable { a: Int }")))
                    .extracting(CompositionError::code)
                    .containsExactly("TYPE_KIND_MISMATCH");
            assertThat(failed(new SubgraphSdl("a", LINK + """
                            type Query { a: Reference }
                            type Reference @key(fields: "id") { id: ID! year: Int @external }
                            """)))
                    .extracting(CompositionError::code)
                    .containsExactly("EXTERNAL_MISSING_ON_BASE");
        }

        @Test
        void reportsEnumsUsedAsInputsWithDifferentValues() {
            var errors = failed(
                    new SubgraphSdl("a", LINK + "type Query { a(kind: Kind): Int } enum Kind { A B }"),
                    new SubgraphSdl("b", LINK + "type Query { b(kind: Kind): Int } enum Kind { A }"));

            assertThat(errors).extracting(CompositionError::code).containsExactly("ENUM_VALUE_MISMATCH");
        }
    }
}
