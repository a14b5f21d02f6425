package com.refractoryatlas.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.refractoryatlas.gateway.edge.EdgeProperties;
import graphql.GraphQLContext;
import graphql.GraphQLException;
import graphql.execution.RawVariables;
import graphql.execution.ValuesResolver;
import graphql.introspection.GoodFaithIntrospection;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.language.OperationDefinition.Operation;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Decides, from the parsed operation alone and before the federation engine runs it, whether it may run: it must
 * parse within the token limit, stay within the depth, alias, root-field and cost limits, validate against the
 * supergraph, and, for a mutation, come from a user whose roles allow every field it selects. Internal mutations
 * (the import service's write API) are never allowed through the gateway.
 */
@Component
public class OperationGuard {

    static final String GRAPHQL_PARSE_FAILED = "GRAPHQL_PARSE_FAILED";
    static final String GRAPHQL_VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED";
    static final String BAD_USER_INPUT = "BAD_USER_INPUT";
    static final String UNAUTHENTICATED = "UNAUTHENTICATED";
    static final String FORBIDDEN = "FORBIDDEN";

    private static final Pattern SUGGESTION = Pattern.compile("\\s*Did you mean[^?]*\\?");

    private final EdgeProperties properties;
    private final EdgeProperties.Limits limits;
    private final CostDirectiveSource costDirectives;
    private final Cache<String, Parsed> documents;
    private final Cache<ValidationKey, List<Verdict.Problem>> validations;

    public OperationGuard(EdgeProperties properties) {
        this(properties, CostDirectiveSource.NONE);
    }

    @Autowired
    OperationGuard(EdgeProperties properties, CostDirectiveSource costDirectives) {
        // graphql-java's own good-faith check refuses standard queries (it allows __Type.fields once per document,
        // so `{ __schema { queryType { fields { name } } mutationType { fields { name } } } }` fails) and answers
        // without an extensions.code; introspection is guarded here instead, before execution (checkIntrospection)
        GoodFaithIntrospection.enabledJvmWide(false);
        this.properties = properties;
        this.costDirectives = costDirectives;
        this.limits = properties.limits();
        this.documents = Caffeine.newBuilder()
                .maximumWeight(properties.documentCacheCharacters())
                .weigher((String query, Parsed parsed) -> query.length())
                .build();
        this.validations = Caffeine.newBuilder()
                .maximumWeight(properties.documentCacheCharacters())
                .weigher((ValidationKey key, List<Verdict.Problem> problems) ->
                        key.query().length())
                .build();
    }

    /** A query text parsed, or why it does not parse; kept so that a repeated query is parsed once. */
    private sealed interface Parsed {
        record Ok(Document document) implements Parsed {}

        record Failed(Verdict.Rejected rejection) implements Parsed {}
    }

    /** Validation depends on the supergraph (compared by identity: a new composition is a new schema) and the text. */
    private record ValidationKey(GraphQLSchema schema, String query) {}

    /**
     * Inspects one operation.
     *
     * @param viaGet whether it came in a GET request, where only queries are allowed
     */
    public Verdict inspect(
            GraphQLSchema schema,
            String query,
            @Nullable String operationName,
            Map<String, Object> variables,
            UserContext user,
            boolean viaGet) {
        Parsed parsed = documents.get(query, this::parse);
        if (parsed instanceof Parsed.Failed failed) {
            return failed.rejection();
        }
        Document document = ((Parsed.Ok) parsed).document();
        var operation = select(document, operationName);
        if (operation.isEmpty()) {
            return Verdict.Rejected.of(
                    Verdict.Reason.INVALID_REQUEST,
                    GRAPHQL_VALIDATION_FAILED,
                    operationName == null
                            ? "The document must contain exactly one operation, or name the one to run"
                            : "The document has no operation named '" + operationName + "'");
        }
        Operation kind = operation.get().getOperation();
        if (viaGet && kind != Operation.QUERY) {
            return Verdict.Rejected.of(
                    Verdict.Reason.METHOD_NOT_ALLOWED,
                    "METHOD_NOT_ALLOWED",
                    "Only queries may be sent with GET; send " + kind.name().toLowerCase(Locale.ROOT) + "s with POST");
        }
        if (usesIncrementalDelivery(document)) {
            return invalid(
                    "DEFER_NOT_SUPPORTED",
                    "@defer and @stream are not supported by this gateway: ask for the fields without them");
        }
        DocumentShape shape = DocumentShape.of(document, operation.get());
        if (kind == Operation.MUTATION) {
            var denied = authorizeMutation(shape, user);
            if (denied != null) {
                return denied;
            }
        }
        var tooLarge = checkShape(shape);
        if (tooLarge != null) {
            return tooLarge;
        }
        // priced before validation: graphql-java's validation expands fragments, the estimate does not
        OperationCost cost;
        try {
            cost = OperationCost.of(
                    schema, costDirectives.forSchema(schema), document, operationName, variables, limits);
        } catch (OperationCost.InvalidSlicingException e) {
            return invalid(BAD_USER_INPUT, e.getMessage());
        }
        var tooCostly = checkCost(cost);
        if (tooCostly != null) {
            return tooCostly;
        }
        var invalid = validate(schema, query, document);
        if (invalid != null) {
            return invalid;
        }
        var badVariables = checkVariables(schema, operation.get(), variables);
        return badVariables != null ? badVariables : new Verdict.Allowed(kind, cost.cost(), document);
    }

    /**
     * The cost of an answer by the same weights as the estimate, counting the lists as they came back; for the
     * {@code extensions.cost} a client may ask for.
     */
    public long actualCost(GraphQLSchema schema, Verdict.Allowed allowed, @Nullable String operationName, Object data) {
        return ActualCost.of(schema, costDirectives.forSchema(schema), allowed.document(), operationName, data);
    }

    /** Removes "Did you mean ...?" suggestions when introspection is off, so that errors do not leak the schema. */
    public String maskSuggestions(String message) {
        return properties.introspectionEnabled()
                ? message
                : SUGGESTION.matcher(message).replaceAll("");
    }

    private Parsed parse(String query) {
        var options = ParserOptions.getDefaultOperationParserOptions()
                .transform(builder -> builder.maxTokens(limits.maxTokens()).captureSourceLocation(true));
        try {
            return new Parsed.Ok(Parser.parse(ParserEnvironment.newParserEnvironment()
                    .document(query)
                    .parserOptions(options)
                    .build()));
        } catch (ParseCancelledException e) {
            return new Parsed.Failed(Verdict.Rejected.of(
                    Verdict.Reason.INVALID_REQUEST,
                    "TOO_MANY_TOKENS",
                    "The document has more than " + limits.maxTokens() + " tokens"));
        } catch (InvalidSyntaxException e) {
            return new Parsed.Failed(new Verdict.Rejected(
                    Verdict.Reason.INVALID_REQUEST,
                    List.of(Verdict.Problem.at(
                            "Syntax error: " + e.getMessage(), GRAPHQL_PARSE_FAILED, e.getLocation()))));
        }
    }

    private static Optional<OperationDefinition> select(Document document, @Nullable String operationName) {
        var operations = document.getDefinitionsOfType(OperationDefinition.class);
        if (operationName == null) {
            return operations.size() == 1 ? Optional.of(operations.getFirst()) : Optional.empty();
        }
        return operations.stream()
                .filter(operation -> operationName.equals(operation.getName()))
                .findFirst();
    }

    private Verdict.@Nullable Rejected authorizeMutation(DocumentShape shape, UserContext user) {
        var auth = properties.auth();
        for (String field : shape.rootFieldNames()) {
            if (limits.internalMutations().contains(field)) {
                return Verdict.Rejected.of(
                        Verdict.Reason.FORBIDDEN,
                        FORBIDDEN,
                        "The mutation '" + field + "' is internal and not available through the gateway");
            }
        }
        if (!user.authenticated()) {
            return Verdict.Rejected.of(
                    Verdict.Reason.UNAUTHENTICATED, UNAUTHENTICATED, "Mutations need a valid bearer token");
        }
        for (String field : shape.rootFieldNames()) {
            if (field.startsWith("__")) {
                continue;
            }
            String role = auth.importMutations().contains(field) ? auth.importerRole() : auth.editorRole();
            if (!user.hasRole(role)) {
                return Verdict.Rejected.of(
                        Verdict.Reason.FORBIDDEN,
                        FORBIDDEN,
                        "The mutation '" + field + "' needs the role '" + role + "'");
            }
        }
        return null;
    }

    private Verdict.@Nullable Rejected checkShape(DocumentShape shape) {
        if (shape.depth() > limits.maxDepth()) {
            return invalid(
                    "QUERY_TOO_DEEP",
                    "The operation is nested " + shape.depth() + " levels deep; at most " + limits.maxDepth()
                            + " are allowed");
        }
        if (shape.aliases() > limits.maxAliases()) {
            return invalid(
                    "TOO_MANY_ALIASES",
                    "The operation uses " + shape.aliases() + " aliases; at most " + limits.maxAliases()
                            + " are allowed");
        }
        if (shape.rootFields() > limits.maxRootFields()) {
            return invalid(
                    "TOO_MANY_ROOT_FIELDS",
                    "The operation selects " + shape.rootFields() + " root fields; at most " + limits.maxRootFields()
                            + " are allowed");
        }
        if (shape.fields() > limits.maxFields()) {
            return invalid(
                    "TOO_MANY_FIELDS",
                    "The operation selects " + shape.fields() + " fields once its fragments are expanded; at most "
                            + limits.maxFields() + " are allowed");
        }
        return checkIntrospection(shape.introspection());
    }

    private Verdict.@Nullable Rejected checkIntrospection(DocumentShape.Introspection introspection) {
        if (!introspection.present()) {
            return null;
        }
        if (!properties.introspectionEnabled()) {
            return invalid("INTROSPECTION_DISABLED", "Introspection is disabled on this server");
        }
        var max = properties.introspection();
        var measures = List.of(
                new Measure("__schema/__type selections", introspection.roots(), max.maxRoots()),
                new Measure("introspection fields", introspection.fields(), max.maxFields()),
                new Measure("nested type-graph lists", introspection.listDepth(), max.maxListDepth()),
                new Measure("nested ofType", introspection.ofTypeDepth(), max.maxOfTypeDepth()));
        for (var measure : measures) {
            if (measure.value() > measure.max()) {
                return invalid(
                        "INTROSPECTION_TOO_COMPLEX",
                        "The introspection query asks for more than the standard tools do: " + measure.value() + " "
                                + measure.name() + ", at most " + measure.max() + " are allowed");
            }
        }
        return null;
    }

    private record Measure(String name, long value, long max) {}

    private Verdict.@Nullable Rejected validate(GraphQLSchema schema, String query, Document document) {
        var problems = validations.get(new ValidationKey(schema, query), key -> validationProblems(schema, document));
        return problems.isEmpty() ? null : new Verdict.Rejected(Verdict.Reason.INVALID_REQUEST, problems);
    }

    private List<Verdict.Problem> validationProblems(GraphQLSchema schema, Document document) {
        List<ValidationError> errors = graphql.ParseAndValidate.validate(schema, document, Locale.ENGLISH);
        var problems = new ArrayList<Verdict.Problem>();
        for (ValidationError error : errors) {
            var location = error.getLocations() == null || error.getLocations().isEmpty()
                    ? null
                    : error.getLocations().getFirst();
            problems.add(Verdict.Problem.at(maskSuggestions(error.getMessage()), GRAPHQL_VALIDATION_FAILED, location));
        }
        return List.copyOf(problems);
    }

    /** Whether any selection of the document carries {@code @defer} or {@code @stream}; each selection is seen once. */
    private static boolean usesIncrementalDelivery(Document document) {
        var pending = new java.util.ArrayDeque<graphql.language.SelectionSet>();
        for (var definition : document.getDefinitions()) {
            if (definition instanceof OperationDefinition operation) {
                pending.push(operation.getSelectionSet());
            } else if (definition instanceof graphql.language.FragmentDefinition fragment) {
                pending.push(fragment.getSelectionSet());
            }
        }
        while (!pending.isEmpty()) {
            for (var selection : pending.pop().getSelections()) {
                if (selection instanceof graphql.language.DirectivesContainer<?> directives
                        && (directives.hasDirective("defer") || directives.hasDirective("stream"))) {
                    return true;
                }
                if (selection instanceof graphql.language.SelectionSetContainer<?> container
                        && container.getSelectionSet() != null) {
                    pending.push(container.getSelectionSet());
                }
            }
        }
        return false;
    }

    /** Coerces the variables as execution will, so that a wrong value is a typed error, never a silent null. */
    private static Verdict.@Nullable Rejected checkVariables(
            GraphQLSchema schema, OperationDefinition operation, Map<String, Object> variables) {
        try {
            ValuesResolver.coerceVariableValues(
                    schema,
                    operation.getVariableDefinitions(),
                    RawVariables.of(variables),
                    GraphQLContext.getDefault(),
                    Locale.ENGLISH);
            return null;
        } catch (GraphQLException e) {
            return invalid(BAD_USER_INPUT, "The variables do not match the operation: " + e.getMessage());
        }
    }

    private Verdict.@Nullable Rejected checkCost(OperationCost cost) {
        if (cost.largestFirst() > limits.maxFirst()) {
            return invalid(
                    BAD_USER_INPUT, "'first' may be at most " + limits.maxFirst() + ", got " + cost.largestFirst());
        }
        if (cost.cost() > limits.maxCost()) {
            return invalid(
                    "QUERY_TOO_COSTLY",
                    "The operation's estimated cost is " + cost.cost() + "; at most " + limits.maxCost()
                            + " is allowed");
        }
        return null;
    }

    private static Verdict.Rejected invalid(String code, String message) {
        return Verdict.Rejected.of(Verdict.Reason.INVALID_REQUEST, code, message);
    }
}
