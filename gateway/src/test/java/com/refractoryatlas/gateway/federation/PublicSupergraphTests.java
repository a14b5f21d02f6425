package com.refractoryatlas.gateway.federation;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The public supergraph composed from the services' real schema files: it documents itself (GraphiQL's explorer,
 * codegen's comments and Apollo Studio show these descriptions, and an element without one is a guess for every app
 * developer; the failure lists every element that lacks one), and the import service's internal write API stays out
 * of it.
 */
class PublicSupergraphTests {

    private static final List<String> INTERNAL_TYPES = List.of(
            "CatalogBatchInput",
            "MechanismInput",
            "CatalogBatchResult",
            "CatalogItemResult",
            "UpsertOutcome",
            "ArticleInput",
            "AuthorInput",
            "SectionInput",
            "ReferenceInput",
            "CitationInput",
            "ArticleUpsertResult",
            "ReferenceUpsert",
            "ImportedArticleInput",
            "ImportedArticleDeletion");

    private static final Set<String> GRAPHQL_BUILT_INS = Set.of("String", "Int", "Float", "Boolean", "ID");

    @Test
    void everyPublicTypeFieldArgumentEnumValueAndInputFieldHasADescription() {
        var schema = RealSubgraphs.composed().apiSchema();

        assertThat(undescribed(schema)).isEmpty();
    }

    @Test
    void leavesTheInternalWriteMutationsAndTheirTypesOut() {
        var schema = RealSubgraphs.composed().apiSchema();

        assertThat(schema.getMutationType().getFieldDefinitions())
                .extracting(f -> f.getName())
                .contains("importDocument", "createCondition")
                .doesNotContain("upsertCatalog", "upsertArticle", "deleteImportedArticle");
        assertThat(INTERNAL_TYPES)
                .allSatisfy(name -> assertThat(schema.getType(name)).as(name).isNull());
        assertThat(schema.getType("ConditionInput"))
                .as("used by createCondition")
                .isNotNull();
    }

    @Test
    void theCheckSeesAnUndescribedArgumentEnumValueAndInputField() {
        var sdl = """
                extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
                "Root."
                type Query { "A thing." thing(id: ID!, "Described." kind: Kind, filter: Filter): String }
                "Kinds."
                enum Kind { "Described." A B }
                "Filters."
                input Filter { text: String }
                """;
        var result = new Composer().compose(List.of(new SubgraphSdl("one", sdl)));
        var schema = ((CompositionResult.Composed) result).supergraph().apiSchema();

        assertThat(undescribed(schema))
                .containsExactlyInAnyOrder("Query.thing(id:)", "Query.thing(filter:)", "Kind.B", "Filter.text");
    }

    static List<String> undescribed(GraphQLSchema schema) {
        var missing = new ArrayList<String>();
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (type.getName().startsWith("__") || GRAPHQL_BUILT_INS.contains(type.getName())) {
                continue;
            }
            check(missing, type.getName(), type.getDescription());
            switch (type) {
                case GraphQLFieldsContainer container ->
                    container.getFieldDefinitions().forEach(field -> {
                        var path = type.getName() + "." + field.getName();
                        check(missing, path, field.getDescription());
                        field.getArguments()
                                .forEach(argument ->
                                        check(missing, argumentPath(path, argument), argument.getDescription()));
                    });
                case GraphQLEnumType enumType ->
                    enumType.getValues()
                            .forEach(value ->
                                    check(missing, type.getName() + "." + value.getName(), value.getDescription()));
                case GraphQLInputObjectType input ->
                    input.getFieldDefinitions()
                            .forEach(field ->
                                    check(missing, type.getName() + "." + field.getName(), field.getDescription()));
                default -> {}
            }
        }
        return missing;
    }

    private static String argumentPath(String field, GraphQLArgument argument) {
        return field + "(" + argument.getName() + ":)";
    }

    private static void check(List<String> missing, String path, @Nullable String description) {
        if (description == null || description.isBlank()) {
            missing.add(path);
        }
    }
}
