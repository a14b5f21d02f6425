package com.refractoryatlas.gateway.federation;

import com.refractoryatlas.gateway.federation.CompositionResult.Composed;
import com.refractoryatlas.gateway.federation.CompositionResult.Failed;
import com.refractoryatlas.gateway.federation.Supergraph.EntityKey;
import com.refractoryatlas.gateway.federation.Supergraph.FieldSource;
import com.refractoryatlas.gateway.federation.Supergraph.SubgraphType;
import graphql.language.ArrayValue;
import graphql.language.AstPrinter;
import graphql.language.BooleanValue;
import graphql.language.Definition;
import graphql.language.Directive;
import graphql.language.DirectiveDefinition;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.Field;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectField;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ObjectValue;
import graphql.language.ScalarTypeDefinition;
import graphql.language.SchemaDefinition;
import graphql.language.SelectionSet;
import graphql.language.StringValue;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.language.UnionTypeDefinition;
import graphql.language.Value;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.errors.SchemaProblem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Composes Apollo Federation v2 subgraph SDLs into one {@link Supergraph}, following Apollo's composition rules where our
 * subgraphs exercise them: entities merged by {@code @key}, {@code @shareable}, {@code @external}, {@code @requires},
 * {@code @provides}, {@code @override}, {@code @key(resolvable: false)} stubs, and merged enums, scalars and inputs.
 * Accepts the SDL as Spring's {@code FederationSchemaFactory} prints it (federation directive definitions,
 * {@code _Service}, {@code _Any}, {@code _Entity}, {@code link__*} types are ignored).
 */
public final class Composer {

    private static final Set<String> BUILT_IN_SCALARS = Set.of("String", "Int", "Float", "Boolean", "ID");
    private static final Set<String> KEPT_DIRECTIVES = Set.of("deprecated", "specifiedBy", "oneOf");

    /** Composes the subgraphs, in the given order (the order breaks ties between shareable fields). */
    public CompositionResult compose(List<SubgraphSdl> sdls) {
        var errors = new ArrayList<CompositionError>();
        var subgraphs = new ArrayList<ParsedSubgraph>();
        for (var sdl : sdls) {
            var parsed = parse(sdl, errors);
            if (parsed != null) {
                subgraphs.add(parsed);
            }
        }
        if (!errors.isEmpty()) {
            return new Failed(errors);
        }
        return new Merge(subgraphs, fingerprint(sdls)).run();
    }

    private static @Nullable ParsedSubgraph parse(SubgraphSdl sdl, List<CompositionError> errors) {
        Document document;
        try {
            document = Parser.parse(sdl.sdl());
        } catch (InvalidSyntaxException e) {
            errors.add(new CompositionError(
                    "INVALID_GRAPHQL",
                    "subgraph '" + sdl.name() + "' has an invalid SDL: " + e.getMessage(),
                    List.of(sdl.name()),
                    null));
            return null;
        }
        var subgraph = new ParsedSubgraph(sdl.name());
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof SchemaDefinition schema) {
                subgraph.readSchemaDefinition(schema);
            }
        }
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof TypeDefinition<?> type
                    && !(definition instanceof DirectiveDefinition)
                    && !isFederationInternal(type.getName())) {
                subgraph.add(type);
            }
        }
        return subgraph;
    }

    private static boolean isFederationInternal(String typeName) {
        return typeName.startsWith("_")
                || typeName.startsWith("link__")
                || typeName.startsWith("federation__")
                || typeName.startsWith("join__")
                || typeName.equals("FieldSet")
                || BUILT_IN_SCALARS.contains(typeName);
    }

    private static String fingerprint(List<SubgraphSdl> sdls) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            for (var sdl : sdls) {
                digest.update(sdl.name().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(sdl.sdl().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static @Nullable String stringArgument(Directive directive, String name) {
        var argument = directive.getArgument(name);
        return argument != null && argument.getValue() instanceof StringValue s ? s.getValue() : null;
    }

    static SelectionSet parseFieldSet(String fields) {
        var document = Parser.parse("{" + fields + "}");
        return ((graphql.language.OperationDefinition) document.getDefinitions().getFirst()).getSelectionSet();
    }

    static String namedType(Type<?> type) {
        return switch (type) {
            case NonNullType nonNull -> namedType(nonNull.getType());
            case ListType list -> namedType(list.getType());
            case TypeName name -> name.getName();
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }

    /** One subgraph's SDL, its definitions grouped by type name, directive names normalized. */
    private static final class ParsedSubgraph {
        final String name;
        final Map<String, List<TypeDefinition<?>>> types = new LinkedHashMap<>();
        final Map<String, String> directiveAliases = new HashMap<>();
        final Map<String, String> rootRenames = new HashMap<>();
        boolean federation2;

        ParsedSubgraph(String name) {
            this.name = name;
        }

        void readSchemaDefinition(SchemaDefinition schema) {
            for (var operation : schema.getOperationTypeDefinitions()) {
                var rootName =
                        switch (operation.getName()) {
                            case "mutation" -> "Mutation";
                            case "subscription" -> "Subscription";
                            default -> "Query";
                        };
                rootRenames.put(operation.getTypeName().getName(), rootName);
            }
            for (var link : schema.getDirectives("link")) {
                var url = stringArgument(link, "url");
                if (url != null && url.contains("specs.apollo.dev/federation/v2")) {
                    federation2 = true;
                    readImports(link);
                }
            }
        }

        private void readImports(Directive link) {
            var imports = link.getArgument("import");
            if (imports == null || !(imports.getValue() instanceof ArrayValue array)) {
                return;
            }
            for (Value<?> value : array.getValues()) {
                if (value instanceof ObjectValue object) {
                    String importedName = null;
                    String alias = null;
                    for (ObjectField field : object.getObjectFields()) {
                        if (field.getValue() instanceof StringValue s
                                && field.getName().equals("name")) {
                            importedName = s.getValue();
                        } else if (field.getValue() instanceof StringValue s
                                && field.getName().equals("as")) {
                            alias = s.getValue();
                        }
                    }
                    if (importedName != null && alias != null) {
                        directiveAliases.put(alias.replace("@", ""), importedName.replace("@", ""));
                    }
                }
            }
        }

        void add(TypeDefinition<?> type) {
            var typeName = rootRenames.getOrDefault(type.getName(), type.getName());
            types.computeIfAbsent(typeName, k -> new ArrayList<>()).add(type);
        }

        String directiveName(Directive directive) {
            var name = directive.getName();
            if (directiveAliases.containsKey(name)) {
                return directiveAliases.get(name);
            }
            return name.startsWith("federation__") ? name.substring("federation__".length()) : name;
        }

        List<Directive> directives(List<Directive> directives, String name) {
            return directives.stream()
                    .filter(d -> directiveName(d).equals(name))
                    .toList();
        }

        boolean has(List<Directive> directives, String name) {
            return !directives(directives, name).isEmpty();
        }
    }

    /** One field as one subgraph defines it. */
    private record SubgraphField(String subgraph, FieldDefinition definition, FieldSource source) {}

    /** The merge of all parsed subgraphs; collects every error before giving up. */
    @SuppressWarnings("rawtypes")
    private static final class Merge {
        final List<ParsedSubgraph> subgraphs;
        final String fingerprint;
        final List<CompositionError> errors = new ArrayList<>();
        final Map<String, Map<String, SubgraphType>> ownership = new LinkedHashMap<>();
        final List<Definition> apiDefinitions = new ArrayList<>();
        final Set<String> inputTypeNames = new HashSet<>();
        final Map<String, String> overrides = new HashMap<>();
        /** Types, and {@code Type.member} enum values, input fields and arguments, some subgraph marks @inaccessible. */
        final Set<String> inaccessible = new HashSet<>();

        Merge(List<ParsedSubgraph> subgraphs, String fingerprint) {
            this.subgraphs = subgraphs;
            this.fingerprint = fingerprint;
        }

        CompositionResult run() {
            var typeNames = new LinkedHashSet<String>();
            subgraphs.forEach(s -> typeNames.addAll(s.types.keySet()));
            collectInputUsagesAndOverrides();
            for (var typeName : typeNames) {
                mergeType(typeName);
            }
            new InterfaceObjects(this).inherit();
            hideInaccessibleTypes();
            if (!typeNames.contains("Query")) {
                errors.add(new CompositionError(
                        "NO_QUERIES", "no subgraph defines a Query field", names(subgraphs), "Query"));
            }
            if (!errors.isEmpty()) {
                return new Failed(errors);
            }
            return buildSchema();
        }

        private CompositionResult buildSchema() {
            try {
                var registry = new SchemaParser()
                        .buildRegistry(Document.newDocument()
                                .definitions(apiDefinitions)
                                .build());
                GraphQLSchema schema =
                        new SchemaGenerator().makeExecutableSchema(registry, SupergraphWiring.wiring(registry));
                var supergraph = new Supergraph(schema, names(subgraphs), ownership, fingerprint);
                var unsatisfiable = QueryPlanner.unsatisfiable(supergraph);
                if (!unsatisfiable.isEmpty()) {
                    return new Failed(unsatisfiable.stream()
                            .map(problem ->
                                    new CompositionError("SATISFIABILITY_ERROR", problem, names(subgraphs), null))
                            .toList());
                }
                return new Composed(supergraph);
            } catch (SchemaProblem problem) {
                return new Failed(problem.getErrors().stream()
                        .map(e -> new CompositionError(
                                "INVALID_SUPERGRAPH",
                                "the merged schema is invalid: " + e.getMessage(),
                                names(subgraphs),
                                null))
                        .toList());
            }
        }

        private static List<String> names(List<ParsedSubgraph> subgraphs) {
            return subgraphs.stream().map(s -> s.name).toList();
        }

        private void collectInputUsagesAndOverrides() {
            for (var subgraph : subgraphs) {
                subgraph.types.forEach((typeName, definitions) -> {
                    for (var definition : definitions) {
                        collectFromDefinition(subgraph, typeName, definition);
                        collectInaccessible(subgraph, typeName, definition);
                    }
                });
            }
        }

        /** Apollo's rule: an element @inaccessible in any subgraph is hidden from the API schema. */
        private void collectInaccessible(ParsedSubgraph subgraph, String typeName, TypeDefinition<?> definition) {
            if (subgraph.has(definition.getDirectives(), "inaccessible")) {
                inaccessible.add(typeName);
            }
            var members = new ArrayList<graphql.language.NamedNode<?>>();
            switch (definition) {
                case EnumTypeDefinition enumType -> members.addAll(enumType.getEnumValueDefinitions());
                case InputObjectTypeDefinition input -> members.addAll(input.getInputValueDefinitions());
                default ->
                    fieldsOf(definition)
                            .forEach(field -> field.getInputValueDefinitions().forEach(argument -> {
                                if (subgraph.has(argument.getDirectives(), "inaccessible")) {
                                    inaccessible.add(
                                            typeName + "." + field.getName() + "(" + argument.getName() + ":)");
                                }
                            }));
            }
            for (var member : members) {
                if (member instanceof graphql.language.DirectivesContainer<?> container
                        && subgraph.has(container.getDirectives(), "inaccessible")) {
                    inaccessible.add(typeName + "." + member.getName());
                }
            }
        }

        /**
         * Takes the @inaccessible types out of the API schema, and out of the unions and interface lists that name
         * them; a public field, argument or input field whose type is inaccessible is an error (Apollo's
         * REFERENCED_INACCESSIBLE), since the public schema could not describe it.
         */
        private void hideInaccessibleTypes() {
            if (inaccessible.isEmpty()) {
                return;
            }
            apiDefinitions.removeIf(d -> d instanceof TypeDefinition<?> t && inaccessible.contains(t.getName()));
            apiDefinitions.replaceAll(this::withoutInaccessibleTypeNames);
            for (var definition : apiDefinitions) {
                checkNoInaccessibleReference(definition);
            }
        }

        private Definition withoutInaccessibleTypeNames(Definition definition) {
            return switch (definition) {
                case ObjectTypeDefinition object ->
                    object.transform(b -> b.implementz(accessible(object.getImplements())));
                case InterfaceTypeDefinition iface ->
                    iface.transform(b -> b.implementz(accessible(iface.getImplements())));
                case UnionTypeDefinition union ->
                    union.transform(b -> b.memberTypes(accessible(union.getMemberTypes())));
                default -> definition;
            };
        }

        private List<Type> accessible(List<Type> types) {
            return types.stream()
                    .filter(t -> !inaccessible.contains(namedType(t)))
                    .toList();
        }

        private void checkNoInaccessibleReference(Definition definition) {
            if (!(definition instanceof TypeDefinition<?> type)) {
                return;
            }
            var references = new LinkedHashMap<String, Type<?>>();
            if (definition instanceof InputObjectTypeDefinition input) {
                input.getInputValueDefinitions()
                        .forEach(v -> references.put(type.getName() + "." + v.getName(), v.getType()));
            }
            for (var field : fieldsOf(type)) {
                var path = type.getName() + "." + field.getName();
                references.put(path, field.getType());
                field.getInputValueDefinitions()
                        .forEach(a -> references.put(path + "(" + a.getName() + ":)", a.getType()));
            }
            references.forEach((path, referenced) -> {
                if (inaccessible.contains(namedType(referenced))) {
                    errors.add(new CompositionError(
                            "REFERENCED_INACCESSIBLE",
                            "'" + path + "' is in the API schema but its type '" + namedType(referenced)
                                    + "' is @inaccessible: mark '" + path + "' @inaccessible too",
                            names(subgraphs),
                            path));
                }
            });
        }

        /** A required argument or input field cannot be hidden: clients could not send it (REQUIRED_INACCESSIBLE). */
        private boolean hidden(String path, InputValueDefinition value) {
            if (!inaccessible.contains(path)) {
                return false;
            }
            if (value.getType() instanceof NonNullType && value.getDefaultValue() == null) {
                errors.add(new CompositionError(
                        "REQUIRED_INACCESSIBLE",
                        "'" + path + "' is required but @inaccessible: clients of the API schema could not give it",
                        names(subgraphs),
                        path));
            }
            return true;
        }

        private void collectFromDefinition(ParsedSubgraph subgraph, String typeName, TypeDefinition<?> definition) {
            if (definition instanceof InputObjectTypeDefinition input) {
                input.getInputValueDefinitions().forEach(v -> inputTypeNames.add(namedType(v.getType())));
            }
            for (var field : fieldsOf(definition)) {
                field.getInputValueDefinitions().forEach(v -> inputTypeNames.add(namedType(v.getType())));
                for (var override : subgraph.directives(field.getDirectives(), "override")) {
                    var from = stringArgument(override, "from");
                    if (from != null) {
                        overrides.put(from + "\u0000" + typeName + "." + field.getName(), subgraph.name);
                    }
                }
            }
        }

        private static List<FieldDefinition> fieldsOf(TypeDefinition<?> definition) {
            return switch (definition) {
                case ObjectTypeDefinition object -> object.getFieldDefinitions();
                case InterfaceTypeDefinition iface -> iface.getFieldDefinitions();
                default -> List.of();
            };
        }

        private void mergeType(String typeName) {
            var bySubgraph = new LinkedHashMap<ParsedSubgraph, List<TypeDefinition<?>>>();
            for (var subgraph : subgraphs) {
                var definitions = subgraph.types.get(typeName);
                if (definitions != null) {
                    bySubgraph.put(subgraph, definitions);
                }
            }
            var kinds = new LinkedHashMap<String, List<String>>();
            bySubgraph.forEach((subgraph, definitions) ->
                    definitions.forEach(d -> kinds.computeIfAbsent(kind(subgraph, d), k -> new ArrayList<>())
                            .add(subgraph.name)));
            if (kinds.size() > 1) {
                errors.add(new CompositionError(
                        "TYPE_KIND_MISMATCH",
                        "type '" + typeName + "' has different kinds in different subgraphs: " + kinds,
                        names(new ArrayList<>(bySubgraph.keySet())),
                        typeName));
                return;
            }
            var first = bySubgraph.values().iterator().next().getFirst();
            if (kinds.containsKey("interface")) {
                mergeInterface(typeName, bySubgraph);
                return;
            }
            switch (first) {
                case ObjectTypeDefinition ignored -> mergeObject(typeName, bySubgraph);
                case InterfaceTypeDefinition ignored -> mergeInterface(typeName, bySubgraph);
                case UnionTypeDefinition ignored -> mergeUnion(typeName, bySubgraph);
                case EnumTypeDefinition ignored -> mergeEnum(typeName, bySubgraph);
                case InputObjectTypeDefinition ignored -> mergeInput(typeName, bySubgraph);
                case ScalarTypeDefinition scalar -> mergeScalar(typeName, bySubgraph);
                default -> {}
            }
        }

        /** The type's kind; an {@code @interfaceObject} is the entity interface it stands for in its subgraph. */
        private static String kind(ParsedSubgraph subgraph, TypeDefinition<?> definition) {
            return switch (definition) {
                case ObjectTypeDefinition object
                when subgraph.has(object.getDirectives(), "interfaceObject") -> "interface";
                case ObjectTypeDefinition ignored -> "object";
                case InterfaceTypeDefinition ignored -> "interface";
                case UnionTypeDefinition ignored -> "union";
                case EnumTypeDefinition ignored -> "enum";
                case InputObjectTypeDefinition ignored -> "input";
                default -> "scalar";
            };
        }

        // ------------------------------------------------------------------ object and interface types

        private void mergeObject(String typeName, Map<ParsedSubgraph, List<TypeDefinition<?>>> bySubgraph) {
            var fields = collectFields(typeName, bySubgraph);
            checkSharing(typeName, fields);
            checkExternals(typeName, fields);
            var interfaces = new LinkedHashSet<String>();
            bySubgraph
                    .values()
                    .forEach(defs -> defs.forEach(d ->
                            ((ObjectTypeDefinition) d).getImplements().forEach(t -> interfaces.add(namedType(t)))));
            var merged = inApolloOrder(mergeFieldDefinitions(typeName, fields), bySubgraph);
            if (merged.isEmpty()) {
                return;
            }
            apiDefinitions.add(ObjectTypeDefinition.newObjectTypeDefinition()
                    .name(typeName)
                    .description(firstDescription(bySubgraph))
                    .implementz(interfaces.stream()
                            .map(i -> (Type) TypeName.newTypeName(i).build())
                            .toList())
                    .fieldDefinitions(merged)
                    .build());
            checkKeys(typeName);
        }

        private void mergeInterface(String typeName, Map<ParsedSubgraph, List<TypeDefinition<?>>> bySubgraph) {
            var fields = collectFields(typeName, bySubgraph);
            var interfaces = new LinkedHashSet<String>();
            bySubgraph
                    .values()
                    .forEach(defs -> defs.forEach(d -> {
                        if (d instanceof InterfaceTypeDefinition iface) {
                            iface.getImplements().forEach(t -> interfaces.add(namedType(t)));
                        }
                    }));
            apiDefinitions.add(InterfaceTypeDefinition.newInterfaceTypeDefinition()
                    .name(typeName)
                    .description(firstDescription(bySubgraph))
                    .implementz(interfaces.stream()
                            .map(i -> (Type) TypeName.newTypeName(i).build())
                            .toList())
                    .definitions(inApolloOrder(mergeFieldDefinitions(typeName, fields), bySubgraph))
                    .build());
        }

        /**
         * The API schema lists a type's fields as Apollo's composition does, taking the subgraphs in name order (each
         * field where the first of them defines it), so that introspection and SDL downloads agree with Apollo's
         * gateway whatever order the subgraphs are configured in; the configured order still breaks resolution ties.
         */
        private static List<FieldDefinition> inApolloOrder(
                List<FieldDefinition> merged, Map<ParsedSubgraph, List<TypeDefinition<?>>> bySubgraph) {
            var order = new HashMap<String, Integer>();
            bySubgraph.keySet().stream()
                    .sorted(java.util.Comparator.comparing((ParsedSubgraph s) -> s.name))
                    .flatMap(subgraph -> bySubgraph.get(subgraph).stream())
                    .flatMap(definition -> fieldsOf(definition).stream())
                    .forEach(field -> order.putIfAbsent(field.getName(), order.size()));
            return merged.stream()
                    .sorted(java.util.Comparator.comparingInt(
                            (FieldDefinition f) -> order.getOrDefault(f.getName(), Integer.MAX_VALUE)))
                    .toList();
        }

        private graphql.language.@Nullable Description firstDescription(
                Map<ParsedSubgraph, List<TypeDefinition<?>>> bySubgraph) {
            return mergedDescription(bySubgraph.values().stream()
                    .flatMap(List::stream)
                    .map(d -> d instanceof graphql.language.AbstractDescribedNode<?> described
                            ? described.getDescription()
                            : null)
                    .toList());
        }

        /**
         * Apollo composition's rule for an element described differently in several subgraphs: the description most
         * subgraphs give (a blank one only when there is no other), the first subgraph's on a tie; so a description
         * written in one subgraph only is not lost because another subgraph lists the element first.
         */
        static graphql.language.@Nullable Description mergedDescription(
                List<graphql.language.@Nullable Description> descriptions) {
            var counts = new LinkedHashMap<String, Integer>();
            var first = new LinkedHashMap<String, graphql.language.Description>();
            for (var description : descriptions) {
                if (description == null || description.getContent() == null) {
                    continue;
                }
                var content = description.getContent();
                first.putIfAbsent(content, description);
                counts.merge(content, content.isBlank() ? Integer.MIN_VALUE / 2 : 1, Integer::sum);
            }
            String best = null;
            for (var entry : counts.entrySet()) {
                if (best == null || entry.getValue() > counts.get(best)) {
                    best = entry.getKey();
                }
            }
            return best == null ? null : first.get(best);
        }

        /** Field name → its definitions per subgraph; also records the subgraph ownership metadata. */
        private Map<String, List<SubgraphField>> collectFields(
                String typeName, Map<ParsedSubgraph, List<TypeDefinition<?>>> bySubgraph) {
            var fields = new LinkedHashMap<String, List<SubgraphField>>();
            var owners = ownership.computeIfAbsent(typeName, k -> new LinkedHashMap<>());
            bySubgraph.forEach((subgraph, definitions) -> {
                var keys = keysOf(subgraph, typeName, definitions);
                var keyFieldNames = new HashSet<String>();
                keys.forEach(k ->
                        k.selection().getSelectionsOfType(Field.class).forEach(f -> keyFieldNames.add(f.getName())));
                var sources = new LinkedHashMap<String, FieldSource>();
                for (var definition : definitions) {
                    var typeDirectives = definition.getDirectives();
                    var typeShareable = subgraph.has(typeDirectives, "shareable");
                    var typeExternal = subgraph.has(typeDirectives, "external");
                    // Apollo's rule for both federation versions (Federation 1's @external key fields of a type
                    // extension): a key field of an extension is resolvable there, whatever @external says
                    var localKeys = isExtension(subgraph, definition) || !subgraph.federation2
                            ? keyFieldNames
                            : Set.<String>of();
                    for (var field : fieldsOf(definition)) {
                        if (typeName.equals("Query") && field.getName().startsWith("_")) {
                            continue;
                        }
                        var source = fieldSource(
                                subgraph, typeName, field, typeShareable, typeExternal, keyFieldNames, localKeys);
                        sources.put(field.getName(), source);
                        fields.computeIfAbsent(field.getName(), k -> new ArrayList<>())
                                .add(new SubgraphField(subgraph.name, field, source));
                    }
                }
                var interfaceObject =
                        definitions.stream().anyMatch(d -> subgraph.has(d.getDirectives(), "interfaceObject"))
                                ? typeName
                                : null;
                owners.put(subgraph.name, new SubgraphType(keys, sources, interfaceObject));
            });
            return fields;
        }

        private FieldSource fieldSource(
                ParsedSubgraph subgraph,
                String typeName,
                FieldDefinition field,
                boolean typeShareable,
                boolean typeExternal,
                Set<String> keyFieldNames,
                Set<String> resolvableKeyFields) {
            var directives = field.getDirectives();
            var external = (typeExternal || subgraph.has(directives, "external"))
                    && !resolvableKeyFields.contains(field.getName());
            var shareable = typeShareable
                    || subgraph.has(directives, "shareable")
                    || !subgraph.federation2
                    || keyFieldNames.contains(field.getName());
            var overridden = overrides.containsKey(subgraph.name + "\u0000" + typeName + "." + field.getName());
            return new FieldSource(
                    external,
                    overridden,
                    shareable,
                    fieldSetArgument(subgraph, directives, "requires", typeName, field),
                    fieldSetArgument(subgraph, directives, "provides", typeName, field));
        }

        private static boolean isExtension(ParsedSubgraph subgraph, TypeDefinition<?> definition) {
            return definition instanceof graphql.language.ObjectTypeExtensionDefinition
                    || definition instanceof graphql.language.InterfaceTypeExtensionDefinition
                    || subgraph.has(definition.getDirectives(), "extends");
        }

        private @Nullable SelectionSet fieldSetArgument(
                ParsedSubgraph subgraph,
                List<Directive> directives,
                String name,
                String typeName,
                FieldDefinition field) {
            for (var directive : subgraph.directives(directives, name)) {
                var fields = stringArgument(directive, "fields");
                if (fields == null) {
                    continue;
                }
                try {
                    return parseFieldSet(fields);
                } catch (InvalidSyntaxException e) {
                    errors.add(new CompositionError(
                            name.toUpperCase(java.util.Locale.ROOT) + "_INVALID_FIELDS",
                            "@" + name + "(fields: \"" + fields + "\") on " + typeName + "." + field.getName()
                                    + " in subgraph '" + subgraph.name + "' is not a valid field set",
                            List.of(subgraph.name),
                            typeName + "." + field.getName()));
                }
            }
            return null;
        }

        private List<EntityKey> keysOf(ParsedSubgraph subgraph, String typeName, List<TypeDefinition<?>> definitions) {
            var keys = new ArrayList<EntityKey>();
            for (var definition : definitions) {
                for (var key : subgraph.directives(definition.getDirectives(), "key")) {
                    var fields = stringArgument(key, "fields");
                    var resolvable = key.getArgument("resolvable") == null
                            || !(key.getArgument("resolvable").getValue() instanceof BooleanValue b)
                            || b.isValue();
                    if (fields == null) {
                        continue;
                    }
                    try {
                        keys.add(new EntityKey(fields, parseFieldSet(fields), resolvable));
                    } catch (InvalidSyntaxException e) {
                        errors.add(new CompositionError(
                                "KEY_INVALID_FIELDS",
                                "@key(fields: \"" + fields + "\") on type '" + typeName + "' in subgraph '"
                                        + subgraph.name + "' is not a valid field set",
                                List.of(subgraph.name),
                                typeName));
                    }
                }
            }
            return keys;
        }

        private void checkKeys(String typeName) {
            var owners = ownership.get(typeName);
            var anyKey = false;
            var anyResolvable = false;
            var keyed = new ArrayList<String>();
            for (var entry : owners.entrySet()) {
                for (var key : entry.getValue().keys()) {
                    anyKey = true;
                    anyResolvable |= key.resolvable();
                    keyed.add(entry.getKey());
                    for (var field : key.selection().getSelectionsOfType(Field.class)) {
                        if (!entry.getValue().fields().containsKey(field.getName())) {
                            errors.add(new CompositionError(
                                    "KEY_INVALID_FIELDS",
                                    "@key(fields: \"" + key.fields() + "\") on type '" + typeName
                                            + "' in subgraph '" + entry.getKey() + "' selects field '"
                                            + field.getName() + "' that the type does not define there",
                                    List.of(entry.getKey()),
                                    typeName));
                        }
                    }
                }
            }
            if (anyKey && !anyResolvable) {
                errors.add(new CompositionError(
                        "KEY_NOT_RESOLVABLE",
                        "entity '" + typeName + "' is only referenced with @key(resolvable: false) in subgraphs "
                                + keyed + ": no subgraph can resolve its key",
                        keyed,
                        typeName));
            }
        }

        private void checkSharing(String typeName, Map<String, List<SubgraphField>> fields) {
            fields.forEach((fieldName, definitions) -> {
                var resolving = definitions.stream()
                        .filter(d -> d.source().resolvable())
                        .toList();
                if (resolving.size() > 1
                        && resolving.stream().anyMatch(d -> !d.source().shareable())) {
                    var offenders = resolving.stream()
                            .filter(d -> !d.source().shareable())
                            .map(SubgraphField::subgraph)
                            .toList();
                    errors.add(new CompositionError(
                            "INVALID_FIELD_SHARING",
                            "non-shareable field '" + typeName + "." + fieldName
                                    + "' is resolved from several subgraphs "
                                    + resolving.stream()
                                            .map(SubgraphField::subgraph)
                                            .toList()
                                    + ": it is not marked @shareable in " + offenders,
                            resolving.stream().map(SubgraphField::subgraph).toList(),
                            typeName + "." + fieldName));
                }
            });
        }

        private void checkExternals(String typeName, Map<String, List<SubgraphField>> fields) {
            fields.forEach((fieldName, definitions) -> {
                var anyResolvable =
                        definitions.stream().anyMatch(d -> !d.source().external());
                if (!anyResolvable) {
                    var subgraphNames =
                            definitions.stream().map(SubgraphField::subgraph).toList();
                    errors.add(new CompositionError(
                            "EXTERNAL_MISSING_ON_BASE",
                            "field '" + typeName + "." + fieldName + "' is @external in " + subgraphNames
                                    + " but no subgraph defines it",
                            subgraphNames,
                            typeName + "." + fieldName));
                }
            });
        }

        private List<FieldDefinition> mergeFieldDefinitions(String typeName, Map<String, List<SubgraphField>> fields) {
            var merged = new ArrayList<FieldDefinition>();
            fields.forEach((fieldName, definitions) -> {
                if (definitions.stream().anyMatch(d -> isInaccessible(d))) {
                    return;
                }
                var type = definitions.getFirst().definition().getType();
                for (var other : definitions.subList(1, definitions.size())) {
                    var mergedType = mergeOutputType(type, other.definition().getType());
                    if (mergedType == null) {
                        errors.add(new CompositionError(
                                "FIELD_TYPE_MISMATCH",
                                "field '" + typeName + "." + fieldName + "' has type '" + AstPrinter.printAst(type)
                                        + "' in subgraph '"
                                        + definitions.getFirst().subgraph() + "' but '"
                                        + AstPrinter.printAst(other.definition().getType()) + "' in subgraph '"
                                        + other.subgraph() + "'",
                                List.of(definitions.getFirst().subgraph(), other.subgraph()),
                                typeName + "." + fieldName));
                        return;
                    }
                    type = mergedType;
                }
                merged.add(FieldDefinition.newFieldDefinition()
                        .name(fieldName)
                        .description(mergedDescription(definitions.stream()
                                .map(d -> d.definition().getDescription())
                                .toList()))
                        .type(type)
                        .inputValueDefinitions(mergeArguments(typeName, fieldName, definitions))
                        .directives(keptDirectives(definitions.stream()
                                .flatMap(d -> d.definition().getDirectives().stream())
                                .toList()))
                        .build());
            });
            return merged;
        }

        private boolean isInaccessible(SubgraphField field) {
            var subgraph = subgraphs.stream()
                    .filter(s -> s.name.equals(field.subgraph()))
                    .findFirst()
                    .orElseThrow();
            return subgraph.has(field.definition().getDirectives(), "inaccessible");
        }

        private List<InputValueDefinition> mergeArguments(
                String typeName, String fieldName, List<SubgraphField> definitions) {
            var resolving =
                    definitions.stream().filter(d -> !d.source().external()).toList();
            var candidates = resolving.isEmpty() ? definitions : resolving;
            var result = new ArrayList<InputValueDefinition>();
            for (var argument : candidates.getFirst().definition().getInputValueDefinitions()) {
                var inAll = true;
                for (var other : candidates.subList(1, candidates.size())) {
                    var match = other.definition().getInputValueDefinitions().stream()
                            .filter(a -> a.getName().equals(argument.getName()))
                            .findFirst();
                    if (match.isEmpty()) {
                        inAll = false;
                    } else if (!AstPrinter.printAst(match.get().getType())
                            .equals(AstPrinter.printAst(argument.getType()))) {
                        errors.add(new CompositionError(
                                "FIELD_ARGUMENT_TYPE_MISMATCH",
                                "argument '" + argument.getName() + "' of field '" + typeName + "." + fieldName
                                        + "' has different types in subgraphs '"
                                        + candidates.getFirst().subgraph() + "' and '" + other.subgraph() + "'",
                                List.of(candidates.getFirst().subgraph(), other.subgraph()),
                                typeName + "." + fieldName + "(" + argument.getName() + ":)"));
                    }
                }
                if (inAll && !hidden(typeName + "." + fieldName + "(" + argument.getName() + ":)", argument)) {
                    var description = mergedDescription(candidates.stream()
                            .flatMap(d -> d.definition().getInputValueDefinitions().stream())
                            .filter(a -> a.getName().equals(argument.getName()))
                            .map(InputValueDefinition::getDescription)
                            .toList());
                    result.add(argument.transform(
                            b -> b.description(description).directives(keptDirectives(argument.getDirectives()))));
                }
            }
            return result;
        }

        private static List<Directive> keptDirectives(List<Directive> directives) {
            var seen = new HashSet<String>();
            return directives.stream()
                    .filter(d -> KEPT_DIRECTIVES.contains(d.getName()) && seen.add(d.getName()))
                    .toList();
        }

        /** The most permissive of two compatible output types (nullable wins), or null if they differ. */
        private static @Nullable Type<?> mergeOutputType(Type<?> a, Type<?> b) {
            if (a instanceof NonNullType nonNullA && b instanceof NonNullType nonNullB) {
                var inner = mergeOutputType(nonNullA.getType(), nonNullB.getType());
                return inner == null ? null : NonNullType.newNonNullType(inner).build();
            }
            if (a instanceof NonNullType nonNullA) {
                return mergeOutputType(nonNullA.getType(), b);
            }
            if (b instanceof NonNullType nonNullB) {
                return mergeOutputType(a, nonNullB.getType());
            }
            if (a instanceof ListType listA && b instanceof ListType listB) {
                var inner = mergeOutputType(listA.getType(), listB.getType());
                return inner == null ? null : ListType.newListType(inner).build();
            }
            if (a instanceof TypeName nameA
                    && b instanceof TypeName nameB
                    && nameA.getName().equals(nameB.getName())) {
                return a;
            }
            return null;
        }

        // ------------------------------------------------------------------ unions, enums, inputs, scalars

        private void mergeUnion(String typeName, Map<ParsedSubgraph, List<TypeDefinition<?>>> bySubgraph) {
            var members = new LinkedHashSet<String>();
            bySubgraph
                    .values()
                    .forEach(defs -> defs.forEach(
                            d -> ((UnionTypeDefinition) d).getMemberTypes().forEach(m -> members.add(namedType(m)))));
            registerPlain(typeName, bySubgraph);
            apiDefinitions.add(UnionTypeDefinition.newUnionTypeDefinition()
                    .name(typeName)
                    .description(firstDescription(bySubgraph))
                    .memberTypes(members.stream()
                            .map(m -> (Type) TypeName.newTypeName(m).build())
                            .toList())
                    .build());
        }

        private void mergeEnum(String typeName, Map<ParsedSubgraph, List<TypeDefinition<?>>> bySubgraph) {
            var values = new LinkedHashMap<String, EnumValueDefinition>();
            var descriptions = new HashMap<String, List<graphql.language.@Nullable Description>>();
            var valueSets = new LinkedHashMap<String, Set<String>>();
            bySubgraph.forEach((subgraph, defs) -> defs.forEach(
                    d -> ((EnumTypeDefinition) d).getEnumValueDefinitions().forEach(v -> {
                        values.putIfAbsent(v.getName(), v);
                        descriptions
                                .computeIfAbsent(v.getName(), k -> new ArrayList<>())
                                .add(v.getDescription());
                        valueSets
                                .computeIfAbsent(subgraph.name, k -> new LinkedHashSet<>())
                                .add(v.getName());
                    })));
            if (inputTypeNames.contains(typeName) && new HashSet<>(valueSets.values()).size() > 1) {
                errors.add(new CompositionError(
                        "ENUM_VALUE_MISMATCH",
                        "enum '" + typeName + "' is used as an input but its values differ between subgraphs: "
                                + valueSets,
                        List.copyOf(valueSets.keySet()),
                        typeName));
            }
            registerPlain(typeName, bySubgraph);
            values.keySet().removeIf(value -> inaccessible.contains(typeName + "." + value));
            if (values.isEmpty() && !inaccessible.contains(typeName)) {
                errors.add(new CompositionError(
                        "ONLY_INACCESSIBLE_CHILDREN",
                        "every value of enum '" + typeName + "' is @inaccessible but the enum is not",
                        List.copyOf(valueSets.keySet()),
                        typeName));
            }
            apiDefinitions.add(EnumTypeDefinition.newEnumTypeDefinition()
                    .name(typeName)
                    .description(firstDescription(bySubgraph))
                    .enumValueDefinitions(values.values().stream()
                            .map(v -> v.transform(b -> b.description(mergedDescription(descriptions.get(v.getName())))
                                    .directives(keptDirectives(v.getDirectives()))))
                            .toList())
                    .build());
        }

        private void mergeInput(String typeName, Map<ParsedSubgraph, List<TypeDefinition<?>>> bySubgraph) {
            var perSubgraph = new LinkedHashMap<String, Map<String, InputValueDefinition>>();
            bySubgraph.forEach((subgraph, defs) -> defs.forEach(d -> ((InputObjectTypeDefinition) d)
                    .getInputValueDefinitions()
                    .forEach(v -> perSubgraph
                            .computeIfAbsent(subgraph.name, k -> new LinkedHashMap<>())
                            .put(v.getName(), v))));
            var first = perSubgraph.values().iterator().next();
            var allNames = new LinkedHashSet<String>();
            perSubgraph.values().forEach(m -> allNames.addAll(m.keySet()));
            var merged = new ArrayList<InputValueDefinition>();
            for (var fieldName : allNames) {
                var definitions = perSubgraph.entrySet().stream()
                        .filter(e -> e.getValue().containsKey(fieldName))
                        .toList();
                if (definitions.size() < perSubgraph.size()) {
                    var required = definitions.stream()
                            .filter(e -> e.getValue().get(fieldName).getType() instanceof NonNullType
                                    && e.getValue().get(fieldName).getDefaultValue() == null)
                            .map(Map.Entry::getKey)
                            .toList();
                    if (!required.isEmpty()) {
                        errors.add(new CompositionError(
                                "REQUIRED_INPUT_FIELD_MISSING_IN_SOME_SUBGRAPH",
                                "input field '" + typeName + "." + fieldName + "' is required in " + required
                                        + " but missing in other subgraphs",
                                List.copyOf(perSubgraph.keySet()),
                                typeName + "." + fieldName));
                    }
                    continue;
                }
                var types = definitions.stream()
                        .map(e -> namedType(e.getValue().get(fieldName).getType()))
                        .distinct()
                        .toList();
                if (types.size() > 1) {
                    errors.add(new CompositionError(
                            "FIELD_TYPE_MISMATCH",
                            "input field '" + typeName + "." + fieldName + "' has different types " + types
                                    + " in subgraphs " + perSubgraph.keySet(),
                            List.copyOf(perSubgraph.keySet()),
                            typeName + "." + fieldName));
                    continue;
                }
                var strictest = definitions.stream()
                        .map(e -> e.getValue().get(fieldName))
                        .filter(v -> v.getType() instanceof NonNullType)
                        .findFirst()
                        .orElse(first.getOrDefault(
                                fieldName, definitions.getFirst().getValue().get(fieldName)));
                if (hidden(typeName + "." + fieldName, strictest)) {
                    continue;
                }
                var description = mergedDescription(definitions.stream()
                        .map(e -> e.getValue().get(fieldName).getDescription())
                        .toList());
                merged.add(strictest.transform(
                        b -> b.description(description).directives(keptDirectives(strictest.getDirectives()))));
            }
            registerPlain(typeName, bySubgraph);
            apiDefinitions.add(InputObjectTypeDefinition.newInputObjectDefinition()
                    .name(typeName)
                    .description(firstDescription(bySubgraph))
                    .inputValueDefinitions(merged)
                    .build());
        }

        private void mergeScalar(String typeName, Map<ParsedSubgraph, List<TypeDefinition<?>>> bySubgraph) {
            registerPlain(typeName, bySubgraph);
            var first =
                    (ScalarTypeDefinition) bySubgraph.values().iterator().next().getFirst();
            apiDefinitions.add(ScalarTypeDefinition.newScalarTypeDefinition()
                    .name(typeName)
                    .description(first.getDescription())
                    .directives(keptDirectives(first.getDirectives()))
                    .build());
        }

        private void registerPlain(String typeName, Map<ParsedSubgraph, List<TypeDefinition<?>>> bySubgraph) {
            var owners = ownership.computeIfAbsent(typeName, k -> new LinkedHashMap<>());
            bySubgraph.keySet().forEach(s -> owners.put(s.name, new SubgraphType(List.of(), Map.of())));
        }
    }

    /**
     * Apollo Federation 2.3's entity interfaces: a subgraph declares {@code interface X @key(...)} with its
     * implementations, another subgraph declares {@code type X @key(...) @interfaceObject} and adds fields to every
     * implementation without knowing them. The interface object's fields were merged into the interface like any
     * subgraph's; here they become fields of every implementation, owned by the interface object's subgraph, which is
     * reached with representations typed as the interface ({@link Supergraph#representationType}). Inconsistent use
     * is an {@code INTERFACE_OBJECT_USAGE_ERROR}, so such a supergraph never goes into service.
     */
    @SuppressWarnings("rawtypes")
    private static final class InterfaceObjects {
        private static final String CODE = "INTERFACE_OBJECT_USAGE_ERROR";
        private final Merge merge;

        InterfaceObjects(Merge merge) {
            this.merge = merge;
        }

        void inherit() {
            for (var entry : List.copyOf(merge.ownership.entrySet())) {
                var typeName = entry.getKey();
                entry.getValue().forEach((subgraph, type) -> {
                    if (typeName.equals(type.interfaceObject()) && valid(typeName, subgraph, type)) {
                        implementations(typeName).forEach(object -> inheritInto(object, typeName, subgraph, type));
                    }
                });
            }
        }

        private boolean valid(String typeName, String subgraph, SubgraphType interfaceObject) {
            if (interfaceObject.keys().isEmpty()) {
                return error(
                        "@interfaceObject can only be applied to entity types but type '" + typeName
                                + "' has no @key in subgraph '" + subgraph + "'",
                        List.of(subgraph),
                        typeName);
            }
            var definers = merge.subgraphs.stream()
                    .filter(s -> s.types.getOrDefault(typeName, List.of()).stream()
                            .anyMatch(d -> d instanceof InterfaceTypeDefinition))
                    .map(s -> s.name)
                    .toList();
            if (definers.isEmpty()) {
                return error(
                        "type '" + typeName + "' is declared with @interfaceObject in subgraph '" + subgraph
                                + "' but no subgraph defines it as an interface",
                        List.of(subgraph),
                        typeName);
            }
            for (var definer : definers) {
                var key = merge.ownership.get(typeName).get(definer).keys().stream()
                        .filter(EntityKey::resolvable)
                        .findFirst();
                if (key.isEmpty()) {
                    // Apollo reports it as unsatisfiable: the concrete type of B's objects cannot be resolved
                    return error(
                            "SATISFIABILITY_ERROR",
                            "type '" + typeName + "' is declared with @interfaceObject in subgraph '" + subgraph
                                    + "' but interface '" + typeName + "' in subgraph '" + definer
                                    + "' is not an entity interface (no resolvable @key)",
                            List.of(subgraph, definer),
                            typeName);
                }
                var missing = key.get().selection().getSelectionsOfType(Field.class).stream()
                        .filter(f -> !interfaceObject.fields().containsKey(f.getName()))
                        .map(Field::getName)
                        .toList();
                if (!missing.isEmpty()) {
                    return error(
                            "the @key(fields: \"" + key.get().fields() + "\") of interface '" + typeName
                                    + "' in subgraph '" + definer + "' selects " + missing
                                    + " that the @interfaceObject in subgraph '" + subgraph + "' does not define",
                            List.of(subgraph, definer),
                            typeName);
                }
                checkImplementationKeys(typeName, definer, key.get());
            }
            return true;
        }

        /** Apollo's INTERFACE_KEY_NOT_ON_IMPLEMENTATION: the interface's subgraph must resolve each implementation by it. */
        private void checkImplementationKeys(String typeName, String definer, EntityKey key) {
            for (var object : implementations(typeName)) {
                var owned =
                        merge.ownership.getOrDefault(object.getName(), Map.of()).get(definer);
                if (owned != null
                        && owned.keys().stream()
                                .noneMatch(k -> k.resolvable() && k.fields().equals(key.fields()))) {
                    merge.errors.add(new CompositionError(
                            "INTERFACE_KEY_NOT_ON_IMPLEMENTATION",
                            "@key(fields: \"" + key.fields() + "\") of interface '" + typeName + "' in subgraph '"
                                    + definer + "' is not a @key of its implementation '" + object.getName() + "'",
                            List.of(definer),
                            object.getName()));
                }
            }
        }

        private boolean error(String message, List<String> subgraphs, String typeName) {
            return error(CODE, message, subgraphs, typeName);
        }

        private boolean error(String code, String message, List<String> subgraphs, String typeName) {
            merge.errors.add(new CompositionError(code, message, subgraphs, typeName));
            return false;
        }

        private List<ObjectTypeDefinition> implementations(String interfaceName) {
            return merge.apiDefinitions.stream()
                    .filter(d -> d instanceof ObjectTypeDefinition object
                            && object.getImplements().stream()
                                    .anyMatch(t -> namedType(t).equals(interfaceName)))
                    .map(d -> (ObjectTypeDefinition) d)
                    .toList();
        }

        /**
         * The implementation gets the interface object's fields it lacks in the API schema, and the interface object's
         * subgraph becomes a resolver of them (and of the keys) on it, marked as known only through the interface.
         */
        private void inheritInto(
                ObjectTypeDefinition object, String interfaceName, String subgraph, SubgraphType type) {
            var owners = merge.ownership.computeIfAbsent(object.getName(), k -> new LinkedHashMap<>());
            if (owners.containsKey(subgraph)) {
                error(
                        "subgraph '" + subgraph + "' declares '" + interfaceName + "' as @interfaceObject and also"
                                + " defines its implementation '" + object.getName() + "'",
                        List.of(subgraph),
                        object.getName());
                return;
            }
            owners.put(subgraph, new SubgraphType(type.keys(), type.fields(), interfaceName));
            var iface = merge.apiDefinitions.stream()
                    .filter(d -> d instanceof InterfaceTypeDefinition i
                            && i.getName().equals(interfaceName))
                    .map(d -> (InterfaceTypeDefinition) d)
                    .findFirst()
                    .orElse(null);
            if (iface == null) {
                return;
            }
            var present = new HashSet<String>();
            object.getFieldDefinitions().forEach(f -> present.add(f.getName()));
            var fields = new ArrayList<>(object.getFieldDefinitions());
            for (var field : iface.getFieldDefinitions()) {
                if (!type.fields().containsKey(field.getName())) {
                    continue;
                }
                if (!present.contains(field.getName())) {
                    fields.add(field);
                } else if (!type.fields().get(field.getName()).shareable()) {
                    merge.errors.add(new CompositionError(
                            "INVALID_FIELD_SHARING",
                            "non-shareable field '" + interfaceName + "." + field.getName() + "' of @interfaceObject"
                                    + " in subgraph '" + subgraph + "' is also resolved on '" + object.getName()
                                    + "' by another subgraph",
                            List.of(subgraph),
                            object.getName() + "." + field.getName()));
                }
            }
            var replaced = object.transform(b -> b.fieldDefinitions(fields));
            merge.apiDefinitions.replaceAll(d -> d == object ? replaced : d);
        }
    }
}
