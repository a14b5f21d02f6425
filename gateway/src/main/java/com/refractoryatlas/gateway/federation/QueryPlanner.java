package com.refractoryatlas.gateway.federation;

import com.refractoryatlas.gateway.federation.QueryPlan.EntityBatch;
import com.refractoryatlas.gateway.federation.QueryPlan.EntityTarget;
import com.refractoryatlas.gateway.federation.QueryPlan.RootFetch;
import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.AstPrinter;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.TypeName;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns a validated client operation into a {@link QueryPlan}: root fields grouped by owning subgraph, and every field
 * another subgraph owns moved into that subgraph's {@code _entities} batch one level deeper. Fragments are inlined
 * into the subgraph queries; aliases, arguments, variables and {@code @include}/{@code @skip} travel unchanged.
 */
@SuppressWarnings("rawtypes")
final class QueryPlanner {

    private static final String TYPENAME = "__typename";
    private static final Field TYPENAME_FIELD = Field.newField(TYPENAME).build();

    private final Supergraph supergraph;
    private final GraphQLSchema schema;

    QueryPlanner(Supergraph supergraph) {
        this.supergraph = supergraph;
        this.schema = supergraph.apiSchema();
    }

    /** Plans the operation; throws {@link PlanningException} for what the supergraph cannot answer. */
    QueryPlan plan(Document document, @Nullable String operationName) {
        return new Planning(document, operationName).run();
    }

    /**
     * The fields the planner could not serve: for every subgraph that can return an object type (a field it resolves
     * returns the type), every field of the type must be resolvable
     * there or reachable from there through a key that subgraph can give, with the fields it {@code @requires}
     * obtainable the same way. Composition reports each as an error so that a supergraph is never served (readiness
     * UP) only for its operations to fail at planning time.
     */
    static List<String> unsatisfiable(Supergraph supergraph) {
        var schema = supergraph.apiSchema();
        var problems = new ArrayList<String>();
        for (var type : schema.getAllTypesAsList()) {
            if (!(type instanceof GraphQLObjectType object)
                    || object.getName().startsWith("__")
                    || object == schema.getQueryType()
                    || object == schema.getMutationType()
                    || object == schema.getSubscriptionType()) {
                continue;
            }
            for (var subgraph : supergraph.subgraphs()) {
                if (!returns(supergraph, subgraph, object)) {
                    continue;
                }
                for (var field : object.getFieldDefinitions()) {
                    var problem = reach(supergraph, subgraph, object.getName(), field.getName(), 0);
                    if (problem != null) {
                        problems.add(problem);
                    }
                }
            }
        }
        return problems;
    }

    private static final int MAX_REQUIRES_HOPS = 16;

    private static @Nullable String reach(Supergraph supergraph, String from, String type, String field, int hops) {
        if (supergraph.resolves(from, type, field)) {
            return null;
        }
        if (hops > MAX_REQUIRES_HOPS) {
            return "field " + type + "." + field + " needs more than " + MAX_REQUIRES_HOPS + " @requires hops";
        }
        for (var candidate : supergraph.resolvers(type, field)) {
            var key = supergraph.resolvableKey(candidate, type);
            if (key == null
                    || !key.selection().getSelectionsOfType(Field.class).stream()
                            .allMatch(f -> supergraph.resolves(from, type, f.getName()))) {
                continue;
            }
            var requires = supergraph.requires(candidate, type, field);
            if (requires == null
                    || requires.getSelectionsOfType(Field.class).stream()
                            .allMatch(r -> reach(supergraph, from, type, r.getName(), hops + 1) == null)) {
                return null;
            }
        }
        return "field " + type + "." + field + " cannot be reached from subgraph '" + from
                + "': no subgraph resolving it has a key (and @requires fields) that '" + from + "' can provide";
    }

    /**
     * True if a field the subgraph resolves returns objects of the type. (An entity fetch into the subgraph asks it
     * only for the fields it resolves, so a key alone does not make the subgraph a starting point.)
     */
    private static boolean returns(Supergraph supergraph, String subgraph, GraphQLObjectType object) {
        if (!supergraph.defines(subgraph, object.getName())) {
            return false;
        }
        var schema = supergraph.apiSchema();
        for (var type : schema.getAllTypesAsList()) {
            if (!(type instanceof GraphQLObjectType parent) || parent.getName().startsWith("__")) {
                continue;
            }
            for (var field : parent.getFieldDefinitions()) {
                var returned = GraphQLTypeUtil.unwrapAll(field.getType());
                var matches = returned == object
                        || returned instanceof graphql.schema.GraphQLInterfaceType iface
                                && schema.isPossibleType(iface, object)
                        || returned instanceof graphql.schema.GraphQLUnionType union
                                && union.getTypes().contains(object);
                if (matches && supergraph.resolves(subgraph, parent.getName(), field.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The operation cannot be planned (ambiguous operation, unreachable field). */
    static final class PlanningException extends RuntimeException {
        PlanningException(String message) {
            super(message);
        }
    }

    private record RootField(Field field, List<Directive> conditions) {}

    private record TargetKey(int level, String subgraph, String typeName, List<String> path) {}

    /** Key or required fields one selection level must fetch for a target, added once the level is complete. */
    private record NeededFields(PendingTarget target, SelectionSet fields) {}

    /** Prefix of the alias under which a needed field is fetched when the client uses its name for another field. */
    private static final String INTERNAL_ALIAS = "__atlas_";

    /** Fields deferred to one entity target, and the representation they need. */
    private static final class PendingTarget {
        final TargetKey key;
        final List<Selection> selections = new ArrayList<>();
        final List<Selection> representation = new ArrayList<>();
        final Set<String> responseKeys = new LinkedHashSet<>();
        final List<List<Directive>> conditions = new ArrayList<>();
        /** Result keys of representation fields that are sent even when null: required, not key, fields. */
        final Set<String> nullable = new LinkedHashSet<>();

        PendingTarget(TargetKey key) {
            this.key = key;
        }
    }

    private final class Planning {
        final Document document;
        final OperationDefinition operation;
        final Map<String, FragmentDefinition> fragments = new LinkedHashMap<>();
        final Map<String, VariableDefinition> variables = new LinkedHashMap<>();
        final Map<TargetKey, PendingTarget> targets = new LinkedHashMap<>();
        final java.util.ArrayDeque<List<NeededFields>> needed = new java.util.ArrayDeque<>();

        Planning(Document document, @Nullable String operationName) {
            this.document = document;
            this.operation = selectOperation(operationName);
            document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
            operation.getVariableDefinitions().forEach(v -> variables.put(v.getName(), v));
        }

        private OperationDefinition selectOperation(@Nullable String operationName) {
            var operations = document.getDefinitionsOfType(OperationDefinition.class);
            if (operationName == null || operationName.isEmpty()) {
                if (operations.size() != 1) {
                    throw new PlanningException("the document has several operations: an operation name is required");
                }
                return operations.getFirst();
            }
            return operations.stream()
                    .filter(o -> operationName.equals(o.getName()))
                    .findFirst()
                    .orElseThrow(() -> new PlanningException("unknown operation named '" + operationName + "'"));
        }

        QueryPlan run() {
            var kind = operation.getOperation();
            var mutation = kind == OperationDefinition.Operation.MUTATION;
            var rootType =
                    switch (kind) {
                        case MUTATION -> schema.getMutationType();
                        case SUBSCRIPTION -> schema.getSubscriptionType();
                        default -> schema.getQueryType();
                    };
            if (rootType == null) {
                throw new PlanningException(
                        "the supergraph has no " + kind.name().toLowerCase(Locale.ROOT) + " type");
            }
            var rootFields = new ArrayList<RootField>();
            collectRootFields(operation.getSelectionSet(), List.of(), rootType, rootFields);
            var rootFetches = new ArrayList<RootFetch>();
            for (var group : groupByOwner(rootType, rootFields, mutation)) {
                rootFetches.add(rootFetch(rootType, group.getKey(), group.getValue(), kind));
            }
            if (kind == OperationDefinition.Operation.SUBSCRIPTION && rootFetches.size() != 1) {
                // a subscription follows one event stream: one root field (validation), so one subgraph
                throw new PlanningException("a subscription must select exactly one root field");
            }
            return new QueryPlan(mutation, rootFetches, entityBatches());
        }

        private void collectRootFields(
                SelectionSet selectionSet,
                List<Directive> conditions,
                GraphQLObjectType rootType,
                List<RootField> out) {
            for (var selection : selectionSet.getSelections()) {
                switch (selection) {
                    case Field field -> {
                        if (!field.getName().startsWith("__")) {
                            out.add(new RootField(field, conditions));
                        }
                    }
                    case InlineFragment inline ->
                        collectRootFields(
                                inline.getSelectionSet(), concat(conditions, inline.getDirectives()), rootType, out);
                    case FragmentSpread spread -> {
                        var fragment = fragments.get(spread.getName());
                        if (fragment != null) {
                            collectRootFields(
                                    fragment.getSelectionSet(),
                                    concat(conditions, spread.getDirectives()),
                                    rootType,
                                    out);
                        }
                    }
                    default -> {}
                }
            }
        }

        private List<Map.Entry<String, List<RootField>>> groupByOwner(
                GraphQLObjectType rootType, List<RootField> fields, boolean serial) {
            var groups = new ArrayList<Map.Entry<String, List<RootField>>>();
            for (var field : fields) {
                var resolvers =
                        supergraph.resolvers(rootType.getName(), field.field().getName());
                if (resolvers.isEmpty()) {
                    throw new PlanningException("no subgraph resolves " + rootType.getName() + "."
                            + field.field().getName());
                }
                Map.Entry<String, List<RootField>> group = null;
                if (serial) {
                    var last = groups.isEmpty() ? null : groups.getLast();
                    if (last != null && resolvers.contains(last.getKey())) {
                        group = last;
                    }
                } else {
                    group = groups.stream()
                            .filter(g -> resolvers.contains(g.getKey()))
                            .findFirst()
                            .orElse(null);
                }
                if (group == null) {
                    group = Map.entry(resolvers.getFirst(), new ArrayList<>());
                    groups.add(group);
                }
                group.getValue().add(field);
            }
            return groups;
        }

        private RootFetch rootFetch(
                GraphQLObjectType rootType,
                String subgraph,
                List<RootField> fields,
                OperationDefinition.Operation kind) {
            var wrapped = new ArrayList<Selection>();
            var responseKeys = new LinkedHashSet<String>();
            for (var field : fields) {
                wrapped.add(wrap(field.field(), field.conditions()));
                responseKeys.add(field.field().getResultKey());
            }
            var selections = build(subgraph, rootType, wrapped, List.of(), 0, Set.of(), List.of());
            var selectionSet = SelectionSet.newSelectionSet(selections).build();
            var used = usedVariables(selectionSet);
            var operationNode = OperationDefinition.newOperationDefinition()
                    .operation(kind)
                    .variableDefinitions(used.stream().map(variables::get).toList())
                    .selectionSet(selectionSet)
                    .build();
            return new RootFetch(subgraph, AstPrinter.printAstCompact(operationNode), used, List.copyOf(responseKeys));
        }

        private List<EntityBatch> entityBatches() {
            var batches = new ArrayList<EntityBatch>();
            for (var level = 1; ; level++) {
                final var current = level;
                var atLevel = targets.values().stream()
                        .filter(t -> t.key.level() == current)
                        .toList();
                if (atLevel.isEmpty()) {
                    return batches;
                }
                var bySubgraph = new LinkedHashMap<String, List<PendingTarget>>();
                atLevel.forEach(t -> bySubgraph
                        .computeIfAbsent(t.key.subgraph(), k -> new ArrayList<>())
                        .add(t));
                bySubgraph.forEach((subgraph, pending) -> batches.add(entityBatch(subgraph, current, pending)));
            }
        }

        private EntityBatch entityBatch(String subgraph, int level, List<PendingTarget> pending) {
            var fragmentsOut = new ArrayList<Selection>();
            var sentFragments = new HashSet<String>();
            var entityTargets = new ArrayList<EntityTarget>();
            for (var target : pending) {
                var type = (GraphQLCompositeType) schema.getType(target.key.typeName());
                var representationType = supergraph.representationType(subgraph, type.getName());
                var selections =
                        build(subgraph, type, target.selections, target.key.path(), level, Set.of(), List.of());
                var fragment = InlineFragment.newInlineFragment()
                        .typeCondition(TypeName.newTypeName(representationType).build())
                        .selectionSet(SelectionSet.newSelectionSet(selections).build())
                        .build();
                // implementations asked through one @interfaceObject often select the same fields: sent once
                // (Node.isEqualTo compares no children, hence the printed form)
                var printed = AstPrinter.printAstCompact(fragment);
                if (sentFragments.add(printed)) {
                    fragmentsOut.add(fragment);
                }
                entityTargets.add(new EntityTarget(
                        type.getName(),
                        representationType,
                        target.key.path(),
                        SelectionSet.newSelectionSet(keyFieldsFirst(target)).build(),
                        List.copyOf(target.responseKeys),
                        List.copyOf(target.conditions),
                        Set.copyOf(target.nullable)));
            }
            var entitiesField = Field.newField("_entities")
                    .arguments(List.of(new Argument("representations", new VariableReference("representations"))))
                    .selectionSet(SelectionSet.newSelectionSet(fragmentsOut).build())
                    .build();
            var selectionSet =
                    SelectionSet.newSelectionSet(List.of(entitiesField)).build();
            var used = usedVariables(selectionSet);
            used.remove("representations");
            var definitions = new ArrayList<VariableDefinition>();
            definitions.add(VariableDefinition.newVariableDefinition(
                            "representations",
                            NonNullType.newNonNullType(
                                            ListType.newListType(NonNullType.newNonNullType(TypeName.newTypeName("_Any")
                                                                    .build())
                                                            .build())
                                                    .build())
                                    .build())
                    .build());
            used.forEach(v -> definitions.add(variables.get(v)));
            var operationNode = OperationDefinition.newOperationDefinition()
                    .operation(OperationDefinition.Operation.QUERY)
                    .variableDefinitions(definitions)
                    .selectionSet(selectionSet)
                    .build();
            return new EntityBatch(
                    subgraph, level, AstPrinter.printAstCompact(operationNode), List.copyOf(used), entityTargets);
        }

        /** The representation with the key fields before the {@code @requires} ones, as Apollo's planner sends it. */
        private static List<Selection> keyFieldsFirst(PendingTarget target) {
            var ordered = new ArrayList<Selection>();
            for (var pass = 0; pass < 2; pass++) {
                for (var selection : target.representation) {
                    var required = selection instanceof Field field && target.nullable.contains(field.getResultKey());
                    if (required == (pass == 1)) {
                        ordered.add(selection);
                    }
                }
            }
            return ordered;
        }

        /** The selections to send to {@code subgraph} for {@code selections} on {@code parentType}. */
        private List<Selection> build(
                String subgraph,
                GraphQLCompositeType parentType,
                List<? extends Selection> selections,
                List<String> path,
                int level,
                Set<String> provided,
                List<Directive> conditions) {
            var out = new ArrayList<Selection>();
            needed.push(new ArrayList<>());
            var root = isRoot(parentType);
            if (!root) {
                out.add(TYPENAME_FIELD);
            }
            if (supergraph.isInterfaceObject(subgraph, parentType.getName())) {
                var toOwner = new ArrayList<Selection>();
                for (var selection : selections) {
                    if (selection instanceof Field field
                            && !field.getName().equals(TYPENAME)
                            && supergraph.resolves(subgraph, parentType.getName(), field.getName())) {
                        addField(subgraph, parentType, field, path, level, provided, conditions, out);
                    } else {
                        toOwner.add(selection);
                    }
                }
                deferToInterfaceOwner(subgraph, parentType, toOwner, path, level, conditions);
                addNeededFields(out, needed.pop());
                return out;
            }
            for (var selection : selections) {
                switch (selection) {
                    case Field field -> addField(subgraph, parentType, field, path, level, provided, conditions, out);
                    case InlineFragment inline ->
                        addFragment(
                                subgraph,
                                parentType,
                                inline.getTypeCondition() == null
                                        ? null
                                        : inline.getTypeCondition().getName(),
                                inline.getDirectives(),
                                inline.getSelectionSet(),
                                path,
                                level,
                                provided,
                                conditions,
                                out);
                    case FragmentSpread spread -> {
                        var fragment = fragments.get(spread.getName());
                        if (fragment != null) {
                            addFragment(
                                    subgraph,
                                    parentType,
                                    fragment.getTypeCondition().getName(),
                                    spread.getDirectives(),
                                    fragment.getSelectionSet(),
                                    path,
                                    level,
                                    provided,
                                    conditions,
                                    out);
                        }
                    }
                    default -> {}
                }
            }
            addNeededFields(out, needed.pop());
            return out;
        }

        /**
         * Objects a subgraph returns as its {@code @interfaceObject} carry the interface's name, not their concrete
         * type. As Apollo's planner does, the subgraph gives their key and the interface fields it resolves itself;
         * the rest of the selection ({@code __typename}, fragments, other subgraphs' fields) goes one level later to
         * the interface's own subgraph, which answers the concrete {@code __typename} and defers what the interface
         * object owns inside fragments back to it, with representations typed as the interface. The hop is made even
         * when nothing else is asked, since the response is shaped by concrete type. One hop per such object
         * position: no recursion beyond the selection's own depth.
         */
        private void deferToInterfaceOwner(
                String subgraph,
                GraphQLCompositeType iface,
                List<? extends Selection> selections,
                List<String> path,
                int level,
                List<Directive> conditions) {
            var typeName = iface.getName();
            var owner = supergraph.subgraphs().stream()
                    .filter(candidate -> !supergraph.isInterfaceObject(candidate, typeName))
                    .filter(candidate -> {
                        var key = supergraph.resolvableKey(candidate, typeName);
                        return key != null && keyAvailableIn(subgraph, typeName, key.selection());
                    })
                    .findFirst()
                    .orElseThrow(() -> new PlanningException("no subgraph resolves the entity interface " + typeName
                            + " by a key that subgraph '" + subgraph + "' can provide"));
            var key = java.util.Objects.requireNonNull(supergraph.resolvableKey(owner, typeName));
            var pending = targets.computeIfAbsent(new TargetKey(level + 1, owner, typeName, path), PendingTarget::new);
            pending.selections.addAll(selections);
            collectResponseKeys(selections, pending.responseKeys, 0);
            pending.conditions.add(List.copyOf(conditions));
            needed.element().add(new NeededFields(pending, key.selection()));
        }

        /** The response keys the selections add to their object, for marking them failed; fragments as deep as written. */
        private void collectResponseKeys(List<? extends Selection> selections, Set<String> out, int depth) {
            if (depth > fragments.size()) {
                return;
            }
            for (var selection : selections) {
                switch (selection) {
                    case Field field -> {
                        if (!field.getName().equals(TYPENAME)) {
                            out.add(field.getResultKey());
                        }
                    }
                    case InlineFragment inline ->
                        collectResponseKeys(inline.getSelectionSet().getSelections(), out, depth + 1);
                    case FragmentSpread spread -> {
                        var fragment = fragments.get(spread.getName());
                        if (fragment != null) {
                            collectResponseKeys(fragment.getSelectionSet().getSelections(), out, depth + 1);
                        }
                    }
                    default -> {}
                }
            }
        }

        /** Adds key and required fields, aliased where the client uses their name as the response key of another field. */
        private void addNeededFields(List<Selection> out, List<NeededFields> neededFields) {
            var clientFields = new java.util.HashMap<String, String>();
            for (var selection : out) {
                if (selection instanceof Field field) {
                    clientFields.putIfAbsent(field.getResultKey(), field.getName());
                }
            }
            for (var need : neededFields) {
                var fields = new ArrayList<Selection>();
                for (var field : need.fields().getSelectionsOfType(Field.class)) {
                    var taken = clientFields.get(field.getName());
                    fields.add(
                            taken != null && !taken.equals(field.getName())
                                    ? field.transform(b -> b.alias(INTERNAL_ALIAS + field.getName()))
                                    : field);
                }
                var selection = SelectionSet.newSelectionSet(fields).build();
                addRepresentation(need.target(), selection);
                addMissing(out, selection);
            }
        }

        private void addFragment(
                String subgraph,
                GraphQLCompositeType parentType,
                @Nullable String typeCondition,
                List<Directive> directives,
                SelectionSet selectionSet,
                List<String> path,
                int level,
                Set<String> provided,
                List<Directive> conditions,
                List<Selection> out) {
            var innerConditions = concat(conditions, conditionsOf(directives));
            if (parentType instanceof GraphQLObjectType object) {
                if (typeCondition != null && !appliesTo(typeCondition, object)) {
                    return;
                }
                var inner =
                        build(subgraph, object, selectionSet.getSelections(), path, level, provided, innerConditions);
                out.add(inlineFragment(null, directives, inner));
                return;
            }
            var condition = typeCondition == null ? parentType.getName() : typeCondition;
            for (var possible : possibleObjectTypes(condition)) {
                if (!appliesTo(parentType.getName(), possible) || !supergraph.defines(subgraph, possible.getName())) {
                    continue;
                }
                var inner =
                        build(subgraph, possible, selectionSet.getSelections(), path, level, provided, innerConditions);
                out.add(inlineFragment(possible.getName(), directives, inner));
            }
        }

        private void addField(
                String subgraph,
                GraphQLCompositeType parentType,
                Field field,
                List<String> path,
                int level,
                Set<String> provided,
                List<Directive> conditions,
                List<Selection> out) {
            if (field.getName().equals(TYPENAME)) {
                if (field.getAlias() != null || isRoot(parentType)) {
                    out.add(field);
                }
                return;
            }
            if (!(parentType instanceof GraphQLObjectType object)) {
                addAbstractField(subgraph, parentType, field, path, level, provided, conditions, out);
                return;
            }
            var typeName = object.getName();
            if (supergraph.resolves(subgraph, typeName, field.getName()) || provided.contains(field.getName())) {
                out.add(resolvedField(subgraph, object, field, path, level));
                return;
            }
            defer(
                    subgraph,
                    object,
                    field,
                    path,
                    level,
                    provided,
                    concat(conditions, conditionsOf(field.getDirectives())),
                    false);
        }

        private void addAbstractField(
                String subgraph,
                GraphQLCompositeType parentType,
                Field field,
                List<String> path,
                int level,
                Set<String> provided,
                List<Directive> conditions,
                List<Selection> out) {
            if (resolvesOnEveryType(subgraph, parentType, field.getName())) {
                var fieldType = ((GraphQLFieldsContainer) parentType).getFieldDefinition(field.getName());
                out.add(withChildren(subgraph, fieldType.getType(), field, path, level, Set.of()));
                return;
            }
            for (var possible : possibleObjectTypes(parentType.getName())) {
                if (supergraph.defines(subgraph, possible.getName())) {
                    var inner = build(subgraph, possible, List.of(field), path, level, provided, conditions);
                    out.add(inlineFragment(possible.getName(), List.of(), inner));
                }
            }
        }

        /**
         * True if the subgraph can answer the field on the abstract type as it stands: it declares the field on the
         * interface and resolves it on every implementation it defines. An implementation the subgraph only names (a
         * stub entity whose field is {@code @external} there, as {@code Query.node} answers them) needs the field from
         * its owner, so the selection is split per type and that type's field deferred.
         */
        private boolean resolvesOnEveryType(String subgraph, GraphQLCompositeType parentType, String fieldName) {
            if (!supergraph.resolves(subgraph, parentType.getName(), fieldName)) {
                return false;
            }
            for (var possible : possibleObjectTypes(parentType.getName())) {
                if (supergraph.defines(subgraph, possible.getName())
                        && !supergraph.resolves(subgraph, possible.getName(), fieldName)) {
                    return false;
                }
            }
            return true;
        }

        private Field resolvedField(
                String subgraph, GraphQLObjectType object, Field field, List<String> path, int level) {
            var definition = object.getFieldDefinition(field.getName());
            if (definition == null) {
                throw new PlanningException("unknown field " + object.getName() + "." + field.getName());
            }
            var provides = supergraph.provides(subgraph, object.getName(), field.getName());
            var provided = new HashSet<String>();
            if (provides != null) {
                provides.getSelectionsOfType(Field.class).forEach(f -> provided.add(f.getName()));
            }
            return withChildren(subgraph, definition.getType(), field, path, level, provided);
        }

        private Field withChildren(
                String subgraph,
                GraphQLType fieldType,
                Field field,
                List<String> path,
                int level,
                Set<String> provided) {
            var unwrapped = GraphQLTypeUtil.unwrapAll(fieldType);
            if (!(unwrapped instanceof GraphQLCompositeType composite) || field.getSelectionSet() == null) {
                return field;
            }
            var childPath = append(path, field.getResultKey());
            var children = build(
                    subgraph,
                    composite,
                    field.getSelectionSet().getSelections(),
                    childPath,
                    level,
                    provided,
                    List.of());
            return field.transform(
                    b -> b.selectionSet(SelectionSet.newSelectionSet(children).build()));
        }

        /**
         * Moves a field {@code subgraph} cannot resolve to the subgraph that can, one entity fetch later; when that
         * subgraph {@code @requires} fields {@code subgraph} cannot give either, those are fetched first from whichever
         * subgraph owns them (recursively, so across any number of hops) and the field waits one level more.
         *
         * @param internal true for a required field the client did not ask for (fetched under an internal alias)
         * @return the level of the fetch that resolves the field
         */
        private int defer(
                String subgraph,
                GraphQLObjectType object,
                Field field,
                List<String> path,
                int level,
                Set<String> provided,
                List<Directive> conditions,
                boolean internal) {
            var typeName = object.getName();
            var target = targetSubgraph(subgraph, typeName, field.getName());
            var key = supergraph.resolvableKey(target, typeName);
            if (key == null) {
                throw new PlanningException("no key to reach " + typeName + "." + field.getName());
            }
            var requires = supergraph.requires(target, typeName, field.getName());
            var fetchedHere = new ArrayList<Selection>();
            var fetchedElsewhere = new ArrayList<Field>();
            var targetLevel = level + 1;
            if (requires != null) {
                for (var required : requires.getSelectionsOfType(Field.class)) {
                    if (supergraph.resolves(subgraph, typeName, required.getName())
                            || provided.contains(required.getName())) {
                        fetchedHere.add(required);
                        continue;
                    }
                    var aliased = required.transform(b -> b.alias(INTERNAL_ALIAS + required.getName()));
                    var at = defer(subgraph, object, aliased, path, level, provided, conditions, true);
                    targetLevel = Math.max(targetLevel, at + 1);
                    fetchedElsewhere.add(aliased);
                }
            }
            var pending =
                    targets.computeIfAbsent(new TargetKey(targetLevel, target, typeName, path), PendingTarget::new);
            pending.selections.add(field);
            if (!internal) {
                pending.responseKeys.add(field.getResultKey());
            }
            pending.conditions.add(List.copyOf(conditions));
            needed.element().add(new NeededFields(pending, key.selection()));
            if (!fetchedHere.isEmpty()) {
                var selection = SelectionSet.newSelectionSet(fetchedHere).build();
                needed.element().add(new NeededFields(pending, selection));
                selection.getSelectionsOfType(Field.class).forEach(f -> {
                    pending.nullable.add(f.getName());
                    pending.nullable.add(INTERNAL_ALIAS + f.getName());
                });
            }
            if (!fetchedElsewhere.isEmpty()) {
                addRepresentation(
                        pending,
                        SelectionSet.newSelectionSet(List.<Selection>copyOf(fetchedElsewhere))
                                .build());
                fetchedElsewhere.forEach(f -> pending.nullable.add(f.getResultKey()));
            }
            return targetLevel;
        }

        private static void addMissing(List<Selection> out, SelectionSet fields) {
            for (var field : fields.getSelections()) {
                if (out.stream().noneMatch(s -> s.isEqualTo(field))) {
                    out.add(field);
                }
            }
        }

        private void addRepresentation(PendingTarget pending, SelectionSet selection) {
            for (var field : selection.getSelections()) {
                if (pending.representation.stream().noneMatch(s -> s.isEqualTo(field))) {
                    pending.representation.add(field);
                }
            }
        }

        private String targetSubgraph(String from, String typeName, String fieldName) {
            var candidates = supergraph.resolvers(typeName, fieldName);
            for (var candidate : candidates) {
                var key = supergraph.resolvableKey(candidate, typeName);
                if (key != null && keyAvailableIn(from, typeName, key.selection())) {
                    return candidate;
                }
            }
            throw new PlanningException("field " + typeName + "." + fieldName + " cannot be reached from subgraph '"
                    + from + "': no subgraph resolving it has a key that '" + from + "' can provide");
        }

        private boolean keyAvailableIn(String subgraph, String typeName, SelectionSet key) {
            return key.getSelectionsOfType(Field.class).stream()
                    .allMatch(f -> supergraph.resolves(subgraph, typeName, f.getName()));
        }

        private boolean appliesTo(String typeCondition, GraphQLObjectType object) {
            if (typeCondition.equals(object.getName())) {
                return true;
            }
            var conditionType = schema.getType(typeCondition);
            return conditionType instanceof GraphQLCompositeType composite
                    && !(composite instanceof GraphQLObjectType)
                    && schema.isPossibleType((graphql.schema.GraphQLNamedOutputType) composite, object);
        }

        private List<GraphQLObjectType> possibleObjectTypes(String typeName) {
            var type = schema.getType(typeName);
            if (type instanceof GraphQLObjectType object) {
                return List.of(object);
            }
            if (type instanceof graphql.schema.GraphQLInterfaceType iface) {
                return schema.getImplementations(iface);
            }
            if (type instanceof graphql.schema.GraphQLUnionType union) {
                return union.getTypes().stream().map(t -> (GraphQLObjectType) t).toList();
            }
            return List.of();
        }

        private boolean isRoot(GraphQLNamedType type) {
            return type == schema.getQueryType()
                    || type == schema.getMutationType()
                    || type == schema.getSubscriptionType();
        }
    }

    private static InlineFragment inlineFragment(
            @Nullable String typeCondition, List<Directive> directives, List<Selection> selections) {
        var builder = InlineFragment.newInlineFragment()
                .directives(directives)
                .selectionSet(SelectionSet.newSelectionSet(selections).build());
        if (typeCondition != null) {
            builder.typeCondition(TypeName.newTypeName(typeCondition).build());
        }
        return builder.build();
    }

    private static Selection wrap(Field field, List<Directive> conditions) {
        if (conditions.isEmpty()) {
            return field;
        }
        return inlineFragment(null, conditions, List.of(field));
    }

    private static List<Directive> conditionsOf(List<Directive> directives) {
        if (directives.isEmpty()) {
            return directives;
        }
        return directives.stream()
                .filter(d -> d.getName().equals("skip") || d.getName().equals("include"))
                .toList();
    }

    private static List<Directive> concat(List<Directive> a, List<Directive> b) {
        if (b.isEmpty()) {
            return a;
        }
        var result = new ArrayList<>(a);
        result.addAll(b);
        return result;
    }

    private static List<String> append(List<String> path, String key) {
        var result = new ArrayList<String>(path.size() + 1);
        result.addAll(path);
        result.add(key);
        return List.copyOf(result);
    }

    /** Variable names referenced anywhere in the selection set, in first-use order. */
    static List<String> usedVariables(SelectionSet selectionSet) {
        var used = new LinkedHashSet<String>();
        collectVariables(selectionSet, used);
        return new ArrayList<>(used);
    }

    private static void collectVariables(@Nullable SelectionSet selectionSet, Set<String> used) {
        if (selectionSet == null) {
            return;
        }
        for (var selection : selectionSet.getSelections()) {
            switch (selection) {
                case Field field -> {
                    field.getArguments().forEach(a -> collectValue(a.getValue(), used));
                    field.getDirectives().forEach(d -> d.getArguments().forEach(a -> collectValue(a.getValue(), used)));
                    collectVariables(field.getSelectionSet(), used);
                }
                case InlineFragment inline -> {
                    inline.getDirectives()
                            .forEach(d -> d.getArguments().forEach(a -> collectValue(a.getValue(), used)));
                    collectVariables(inline.getSelectionSet(), used);
                }
                default -> {}
            }
        }
    }

    private static void collectValue(Value<?> value, Set<String> used) {
        switch (value) {
            case VariableReference reference -> used.add(reference.getName());
            case ArrayValue array -> array.getValues().forEach(v -> collectValue(v, used));
            case ObjectValue object -> object.getObjectFields().forEach(f -> collectValue(f.getValue(), used));
            default -> {}
        }
    }
}
