package com.refractoryatlas.gateway.security;

import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.DirectivesContainer;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.IntValue;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ObjectValue;
import graphql.language.ScalarTypeDefinition;
import graphql.language.SchemaDefinition;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.parser.Parser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * The demand-control directives of the subgraph schemas — {@code @cost(weight:)} and {@code @listSize(assumedSize,
 * slicingArguments, sizedFields, requireOneSlicingArgument)} of the IBM GraphQL cost directive specification, as
 * Apollo Federation (v2.9+) and {@code https://specs.apollo.dev/cost/v0.1} import them — read from the subgraph SDLs
 * beside composition, so that the gateway's estimate weighs fields the way the services that answer them declare.
 * Directive names follow each SDL's {@code @link} imports (renames with {@code as} included).
 */
final class CostDirectives {

    static final CostDirectives NONE = new CostDirectives(Map.of(), Map.of(), Map.of(), Map.of());

    /**
     * A list field's size as the specification defines it.
     *
     * @param assumedSize the size when no slicing argument gives one
     * @param slicingArguments arguments whose value bounds the size (the largest given counts)
     * @param sizedFields child fields the size applies to, for connections ({@code edges})
     * @param requireOneSlicingArgument whether exactly one slicing argument must be given
     */
    record ListSize(
            @Nullable Long assumedSize,
            List<String> slicingArguments,
            List<String> sizedFields,
            boolean requireOneSlicingArgument) {

        ListSize {
            slicingArguments = List.copyOf(slicingArguments);
            sizedFields = List.copyOf(sizedFields);
        }
    }

    private final Map<String, Long> typeWeights;
    private final Map<String, Long> fieldWeights;
    private final Map<String, Long> argumentWeights;
    private final Map<String, ListSize> listSizes;

    private CostDirectives(
            Map<String, Long> typeWeights,
            Map<String, Long> fieldWeights,
            Map<String, Long> argumentWeights,
            Map<String, ListSize> listSizes) {
        this.typeWeights = Map.copyOf(typeWeights);
        this.fieldWeights = Map.copyOf(fieldWeights);
        this.argumentWeights = Map.copyOf(argumentWeights);
        this.listSizes = Map.copyOf(listSizes);
    }

    /** Reads the directives of every SDL; where subgraphs disagree, the heavier weight and larger size win. */
    static CostDirectives parse(List<String> sdls) {
        var reader = new Reader();
        for (String sdl : sdls) {
            reader.read(Parser.parse(sdl));
        }
        return new CostDirectives(reader.typeWeights, reader.fieldWeights, reader.argumentWeights, reader.listSizes);
    }

    OptionalLong fieldWeight(String type, String field) {
        Long weight = fieldWeights.get(type + "." + field);
        return weight == null ? OptionalLong.empty() : OptionalLong.of(weight);
    }

    OptionalLong typeWeight(String type) {
        Long weight = typeWeights.get(type);
        return weight == null ? OptionalLong.empty() : OptionalLong.of(weight);
    }

    long argumentWeight(String type, String field, String argument) {
        return argumentWeights.getOrDefault(type + "." + field + "(" + argument + ")", 0L);
    }

    @Nullable
    ListSize listSize(String type, String field) {
        return listSizes.get(type + "." + field);
    }

    boolean isEmpty() {
        return typeWeights.isEmpty() && fieldWeights.isEmpty() && argumentWeights.isEmpty() && listSizes.isEmpty();
    }

    /** Collects the directives of one SDL after another. */
    private static final class Reader {
        private static final String COST = "cost";
        private static final String LIST_SIZE = "listSize";

        final Map<String, Long> typeWeights = new HashMap<>();
        final Map<String, Long> fieldWeights = new HashMap<>();
        final Map<String, Long> argumentWeights = new HashMap<>();
        final Map<String, ListSize> listSizes = new HashMap<>();
        private Map<String, String> names = Map.of();

        void read(Document document) {
            names = directiveNames(document);
            if (names.isEmpty()) {
                return;
            }
            for (var definition : document.getDefinitions()) {
                switch (definition) {
                    case ObjectTypeDefinition type -> readFields(type.getName(), type, type.getFieldDefinitions());
                    case InterfaceTypeDefinition type -> readFields(type.getName(), type, type.getFieldDefinitions());
                    case ScalarTypeDefinition scalar -> readTypeWeight(scalar.getName(), scalar);
                    case EnumTypeDefinition type -> readTypeWeight(type.getName(), type);
                    default -> {}
                }
            }
        }

        private void readFields(String type, DirectivesContainer<?> container, List<FieldDefinition> fields) {
            readTypeWeight(type, container);
            for (var field : fields) {
                String key = type + "." + field.getName();
                weight(field).ifPresent(weight -> fieldWeights.merge(key, weight, Math::max));
                var listSize = listSize(field);
                if (listSize != null) {
                    listSizes.merge(key, listSize, Reader::larger);
                }
                for (var argument : field.getInputValueDefinitions()) {
                    weight(argument)
                            .ifPresent(weight ->
                                    argumentWeights.merge(key + "(" + argument.getName() + ")", weight, Math::max));
                }
            }
        }

        private void readTypeWeight(String type, DirectivesContainer<?> container) {
            weight(container).ifPresent(weight -> typeWeights.merge(type, weight, Math::max));
        }

        private OptionalLong weight(DirectivesContainer<?> container) {
            for (Directive directive : container.getDirectives()) {
                if (COST.equals(names.get(directive.getName()))
                        && directive.getArgument("weight") != null
                        && directive.getArgument("weight").getValue() instanceof IntValue weight) {
                    return OptionalLong.of(weight.getValue().longValue());
                }
            }
            return OptionalLong.empty();
        }

        private @Nullable ListSize listSize(FieldDefinition field) {
            for (Directive directive : field.getDirectives()) {
                if (LIST_SIZE.equals(names.get(directive.getName()))) {
                    var assumed = directive.getArgument("assumedSize");
                    var require = directive.getArgument("requireOneSlicingArgument");
                    return new ListSize(
                            assumed != null && assumed.getValue() instanceof IntValue size
                                    ? size.getValue().longValue()
                                    : null,
                            strings(directive, "slicingArguments"),
                            strings(directive, "sizedFields"),
                            require == null || !(require.getValue() instanceof BooleanValue flag) || flag.isValue());
                }
            }
            return null;
        }

        private static List<String> strings(Directive directive, String name) {
            var argument = directive.getArgument(name);
            if (argument == null || !(argument.getValue() instanceof ArrayValue array)) {
                return List.of();
            }
            return array.getValues().stream()
                    .filter(StringValue.class::isInstance)
                    .map(value -> ((StringValue) value).getValue())
                    .toList();
        }

        private static ListSize larger(ListSize a, ListSize b) {
            long sizeA = a.assumedSize() == null ? -1 : a.assumedSize();
            long sizeB = b.assumedSize() == null ? -1 : b.assumedSize();
            return sizeB > sizeA ? b : a;
        }

        /** Local directive name → {@code cost} or {@code listSize}, from the SDL's {@code @link}s. */
        private static Map<String, String> directiveNames(Document document) {
            var result = new HashMap<String, String>();
            for (var definition : document.getDefinitions()) {
                // a SchemaExtensionDefinition (extend schema @link(...)) is a SchemaDefinition too
                if (definition instanceof SchemaDefinition schema) {
                    schema.getDirectives("link").forEach(link -> readLink(link, result));
                }
            }
            return result;
        }

        private static void readLink(Directive link, Map<String, String> names) {
            var url = link.getArgument("url") == null
                    ? null
                    : link.getArgument("url").getValue();
            if (!(url instanceof StringValue text)) {
                return;
            }
            String namespace = namespace(text.getValue());
            if (namespace == null) {
                return;
            }
            names.put(namespace + "__" + LIST_SIZE, LIST_SIZE);
            names.put(namespace + "__" + COST, COST);
            if (COST.equals(namespace)) {
                names.put(COST, COST);
            }
            var imports = link.getArgument("import");
            if (imports == null || !(imports.getValue() instanceof ArrayValue array)) {
                return;
            }
            for (Value<?> value : array.getValues()) {
                readImport(value, names);
            }
        }

        private static @Nullable String namespace(String url) {
            if (url.contains("specs.apollo.dev/cost/")) {
                return COST;
            }
            return url.contains("specs.apollo.dev/federation/v2.") ? "federation" : null;
        }

        private static void readImport(Value<?> value, Map<String, String> names) {
            String name = null;
            String as = null;
            if (value instanceof StringValue text) {
                name = text.getValue();
            } else if (value instanceof ObjectValue object) {
                for (var field : object.getObjectFields()) {
                    if (field.getValue() instanceof StringValue text && "name".equals(field.getName())) {
                        name = text.getValue();
                    } else if (field.getValue() instanceof StringValue text && "as".equals(field.getName())) {
                        as = text.getValue();
                    }
                }
            }
            if (name == null) {
                return;
            }
            String bare = name.replace("@", "");
            if (COST.equals(bare) || LIST_SIZE.equals(bare)) {
                names.put((as == null ? bare : as).replace("@", ""), bare);
            }
        }
    }
}
