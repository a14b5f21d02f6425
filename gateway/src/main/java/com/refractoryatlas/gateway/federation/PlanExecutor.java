package com.refractoryatlas.gateway.federation;

import com.refractoryatlas.gateway.federation.QueryPlan.EntityBatch;
import com.refractoryatlas.gateway.federation.QueryPlan.EntityTarget;
import com.refractoryatlas.gateway.federation.QueryPlan.RootFetch;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.language.Field;
import graphql.language.SelectionSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs a {@link QueryPlan}: root fetches (in parallel for queries, in order for mutations), then level by level one
 * {@code _entities} call per subgraph with each distinct representation sent once. Results merge into one tree keyed
 * by the client's response keys; what a subgraph could not deliver is marked with a {@link FieldFailure}.
 */
final class PlanExecutor {

    static final String SUBGRAPH_UNAVAILABLE = "SUBGRAPH_UNAVAILABLE";
    private static final String TYPENAME = "__typename";

    private final SubgraphTransport transport;
    private final ExecutorService parallel;

    PlanExecutor(SubgraphTransport transport, ExecutorService parallel) {
        this.transport = transport;
        this.parallel = parallel;
    }

    /** The merged result tree plus the subgraph errors that have no field to sit on. */
    record Outcome(Map<String, Object> data, List<GraphQLError> errors) {}

    /** One outcome of one subgraph call. */
    private record Call(
            @Nullable Map<String, Object> response,
            @Nullable RuntimeException failure) {}

    /**
     * An object that receives entity fields. Its client path is not kept (a copy per object was a large share of the
     * allocation on big answers): only an entity error needs it, and then {@link #pathTo} finds it again.
     */
    private record Found(Map<String, Object> object, EntityTarget target) {}

    Outcome run(
            QueryPlan plan,
            Map<String, Object> variables,
            Map<String, Object> coercedVariables,
            Map<String, String> headers) {
        var data = new CompactMap();
        var errors = new ArrayList<GraphQLError>();
        if (plan.mutation()) {
            for (var fetch : plan.rootFetches()) {
                applyRoot(
                        data,
                        fetch,
                        call(fetch.subgraph(), fetch.query(), subset(variables, fetch.variables()), headers),
                        errors);
            }
        } else {
            var calls = inParallel(plan.rootFetches().stream()
                    .<Supplier<Call>>map(
                            f -> () -> call(f.subgraph(), f.query(), subset(variables, f.variables()), headers))
                    .toList());
            for (var i = 0; i < calls.size(); i++) {
                applyRoot(data, plan.rootFetches().get(i), calls.get(i), errors);
            }
        }
        for (var level = 1; level <= plan.depth(); level++) {
            runLevel(data, plan.batchesAt(level), variables, coercedVariables, headers, errors);
        }
        return new Outcome(data, errors);
    }

    /**
     * Runs the plan of a subscription for one event: the event is the answer of the plan's one root fetch (the
     * subgraph's stream already delivered it), then the entity levels run as for a query. {@code failure} instead of
     * an event: the stream broke, and the root fields are nulled with its error.
     */
    Outcome runFromEvent(
            QueryPlan plan,
            @Nullable Map<String, Object> event,
            @Nullable RuntimeException failure,
            Map<String, Object> variables,
            Map<String, Object> coercedVariables,
            Map<String, String> headers) {
        var data = new CompactMap();
        var errors = new ArrayList<GraphQLError>();
        applyRoot(data, plan.rootFetches().getFirst(), new Call(event, failure), errors);
        for (var level = 1; level <= plan.depth(); level++) {
            runLevel(data, plan.batchesAt(level), variables, coercedVariables, headers, errors);
        }
        return new Outcome(data, errors);
    }

    private void runLevel(
            Map<String, Object> data,
            List<EntityBatch> batches,
            Map<String, Object> variables,
            Map<String, Object> coercedVariables,
            Map<String, String> headers,
            List<GraphQLError> errors) {
        var prepared = new ArrayList<PreparedBatch>();
        for (var batch : batches) {
            var preparedBatch = prepare(data, batch, coercedVariables);
            if (!preparedBatch.representations.isEmpty()) {
                prepared.add(preparedBatch);
            }
        }
        var calls = inParallel(prepared.stream()
                .<Supplier<Call>>map(p -> () -> {
                    var batchVariables = new LinkedHashMap<String, Object>(subset(variables, p.batch.variables()));
                    batchVariables.put("representations", p.representations);
                    return call(p.batch.subgraph(), p.batch.query(), batchVariables, headers);
                })
                .toList());
        for (var i = 0; i < calls.size(); i++) {
            applyEntities(prepared.get(i), calls.get(i), errors);
        }
    }

    /** The distinct representations of one batch and, per representation, the objects that receive the answer. */
    private static final class PreparedBatch {
        final EntityBatch batch;
        final Map<String, Object> data;
        final List<Map<String, Object>> representations = new ArrayList<>();
        final List<List<Found>> receivers = new ArrayList<>();
        java.util.@Nullable IdentityHashMap<Object, List<Object>> paths;

        PreparedBatch(EntityBatch batch, Map<String, Object> data) {
            this.batch = batch;
            this.data = data;
        }
    }

    private static PreparedBatch prepare(Map<String, Object> data, EntityBatch batch, Map<String, Object> variables) {
        var prepared = new PreparedBatch(batch, data);
        var index = new HashMap<List<@Nullable Object>, Integer>();
        for (var target : batch.targets()) {
            if (!target.active(variables)) {
                continue;
            }
            var found = new ArrayList<Found>();
            collect(data, target, 0, found);
            var fields = representationFields(target.representation());
            for (var receiver : found) {
                // the representation's identity first (a flat list, cheap to hash); the map only for a new one
                var key = new ArrayList<@Nullable Object>();
                key.add(target.representationType());
                if (!identity(receiver.object(), fields, target.nullable(), key)) {
                    continue;
                }
                var position = index.get(key);
                if (position == null) {
                    position = prepared.representations.size();
                    index.put(key, position);
                    prepared.representations.add(represent(receiver.object(), target, fields));
                    prepared.receivers.add(new ArrayList<>());
                }
                prepared.receivers.get(position).add(receiver);
            }
        }
        return prepared;
    }

    /** Marks where a nested representation object opens and closes in an {@link #identity}. */
    private static final Object OPEN = new Object();

    private static final Object CLOSE = new Object();

    /**
     * Appends the names and values {@link #project} would put in the representation; false when it would give none.
     * Two objects with equal identities have equal representations.
     */
    private static boolean identity(
            Map<?, ?> object, List<Field> fields, java.util.Set<String> nullable, List<@Nullable Object> key) {
        for (var field : fields) {
            var value = object.get(field.getResultKey());
            if (value == null && nullable.contains(field.getResultKey()) && object.containsKey(field.getResultKey())) {
                key.add(field.getName());
                key.add(null);
                continue;
            }
            if (value == null || value instanceof FieldFailure) {
                return false;
            }
            key.add(field.getName());
            if (field.getSelectionSet() != null && value instanceof Map<?, ?> nested) {
                key.add(OPEN);
                if (!identity(nested, representationFields(field.getSelectionSet()), java.util.Set.of(), key)) {
                    return false;
                }
                key.add(CLOSE);
            } else {
                key.add(value);
            }
        }
        return true;
    }

    /** The fields of a representation's selection, without the stream graphql-java's accessor runs per call. */
    private static List<Field> representationFields(SelectionSet selection) {
        var fields = new ArrayList<Field>(selection.getSelections().size());
        for (var candidate : selection.getSelections()) {
            if (candidate instanceof Field field) {
                fields.add(field);
            }
        }
        return fields;
    }

    /** The target's objects under {@code node}; the walk follows the target's path, of the operation's depth. */
    private static void collect(@Nullable Object node, EntityTarget target, int depth, List<Found> out) {
        if (node instanceof List<?> list) {
            for (var item : list) {
                collect(item, target, depth, out);
            }
            return;
        }
        if (!(node instanceof Map<?, ?> map)) {
            return;
        }
        @SuppressWarnings("unchecked")
        var object = (Map<String, Object>) map;
        if (depth == target.path().size()) {
            if (target.typeName().equals(object.get(TYPENAME))) {
                out.add(new Found(object, target));
            }
            return;
        }
        collect(object.get(target.path().get(depth)), target, depth + 1, out);
    }

    /**
     * The client path of a receiving object (only for placing an entity error): the paths of all the batch's
     * receivers are found in one walk per target the first time one is needed, so that many errors cost no more.
     */
    private static List<Object> pathTo(PreparedBatch prepared, Found receiver) {
        if (prepared.paths == null) {
            var paths = new java.util.IdentityHashMap<Object, List<Object>>();
            for (var target : prepared.batch.targets()) {
                paths(prepared.data, target, 0, new ArrayList<>(), paths);
            }
            prepared.paths = paths;
        }
        return prepared.paths.getOrDefault(receiver.object(), List.of());
    }

    private static void paths(
            @Nullable Object node,
            EntityTarget target,
            int depth,
            List<Object> path,
            java.util.IdentityHashMap<Object, List<Object>> out) {
        if (node instanceof List<?> list) {
            for (var i = 0; i < list.size(); i++) {
                path.add(i);
                paths(list.get(i), target, depth, path, out);
                path.removeLast();
            }
            return;
        }
        if (!(node instanceof Map<?, ?> object)) {
            return;
        }
        if (depth == target.path().size()) {
            out.putIfAbsent(object, List.copyOf(path));
            return;
        }
        path.add(target.path().get(depth));
        paths(object.get(target.path().get(depth)), target, depth + 1, path, out);
        path.removeLast();
    }

    private static Map<String, Object> represent(Map<String, Object> object, EntityTarget target, List<Field> fields) {
        var result = new CompactMap(fields.size() + 1);
        result.put(TYPENAME, target.representationType());
        // identity() has checked that every field is there
        project(object, fields, target.nullable(), result);
        return result;
    }

    /**
     * The representation's fields read from the object; null when one is missing or failed, or is a null that may not
     * be sent ({@code nullable}: the top-level required fields, which a subgraph may legitimately resolve to null).
     */
    private static @Nullable Map<String, Object> project(
            Map<?, ?> object, List<Field> fields, java.util.Set<String> nullable, Map<String, Object> result) {
        for (var field : fields) {
            var value = object.get(field.getResultKey());
            if (value == null && nullable.contains(field.getResultKey()) && object.containsKey(field.getResultKey())) {
                result.put(field.getName(), null);
                continue;
            }
            if (value == null || value instanceof FieldFailure) {
                return null;
            }
            if (field.getSelectionSet() != null && value instanceof Map<?, ?> nested) {
                var nestedFields = representationFields(field.getSelectionSet());
                value = project(nested, nestedFields, java.util.Set.of(), new CompactMap(nestedFields.size()));
                if (value == null) {
                    return null;
                }
            }
            result.put(field.getName(), value);
        }
        return result;
    }

    private List<Call> inParallel(List<Supplier<Call>> tasks) {
        if (tasks.size() == 1) {
            return List.of(tasks.getFirst().get());
        }
        var futures = new ArrayList<Future<Call>>();
        for (var task : tasks) {
            futures.add(parallel.submit(task::get));
        }
        var calls = new ArrayList<Call>();
        for (var future : futures) {
            calls.add(join(future));
        }
        return calls;
    }

    private static Call join(Future<Call> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Call(null, new IllegalStateException("interrupted", e));
        } catch (ExecutionException e) {
            return new Call(null, new IllegalStateException(e.getCause()));
        }
    }

    private Call call(String subgraph, String query, Map<String, Object> variables, Map<String, String> headers) {
        try {
            return new Call(transport.execute(subgraph, query, variables, headers), null);
        } catch (SubgraphUnavailableException e) {
            return new Call(null, e);
        } catch (RuntimeException e) {
            return new Call(
                    null,
                    new SubgraphUnavailableException(subgraph, e.getClass().getSimpleName(), e));
        }
    }

    static Map<String, Object> subset(Map<String, Object> variables, List<String> names) {
        if (names.isEmpty()) {
            return Map.of();
        }
        var result = new LinkedHashMap<String, Object>();
        for (var name : names) {
            if (variables.containsKey(name)) {
                result.put(name, variables.get(name));
            }
        }
        return result;
    }

    // ------------------------------------------------------------------ applying responses

    private static void applyRoot(Map<String, Object> data, RootFetch fetch, Call call, List<GraphQLError> errors) {
        if (call.response() == null) {
            var failure = unavailable(call.failure());
            fetch.responseKeys().forEach(key -> data.put(key, failure));
            return;
        }
        var response = call.response();
        if (response.get("data") instanceof Map<?, ?> subgraphData) {
            merge(data, subgraphData);
        }
        var subgraphErrors = errorsOf(response);
        for (var error : subgraphErrors) {
            var path = pathOf(error);
            if (path.isEmpty() || !place(data, path, failure(error, path))) {
                errors.add(toGraphQLError(error, path));
            }
        }
        var fallback = subgraphErrors.isEmpty() ? noData(fetch.subgraph()) : failure(subgraphErrors.getFirst(), null);
        for (var key : fetch.responseKeys()) {
            if (!data.containsKey(key)) {
                data.put(key, fallback);
            }
        }
    }

    private static void applyEntities(PreparedBatch prepared, Call call, List<GraphQLError> errors) {
        if (call.response() == null) {
            markAll(prepared, unavailable(call.failure()));
            return;
        }
        var response = call.response();
        var subgraphErrors = errorsOf(response);
        var entities = response.get("data") instanceof Map<?, ?> data && data.get("_entities") instanceof List<?> list
                ? list
                : null;
        if (entities == null) {
            markAll(
                    prepared,
                    subgraphErrors.isEmpty()
                            ? noData(prepared.batch.subgraph())
                            : failure(subgraphErrors.getFirst(), null));
            return;
        }
        for (var i = 0; i < prepared.receivers.size() && i < entities.size(); i++) {
            if (entities.get(i) instanceof Map<?, ?> entity) {
                for (var receiver : prepared.receivers.get(i)) {
                    mergeEntity(receiver, entity);
                }
            }
        }
        for (var error : subgraphErrors) {
            placeEntityError(prepared, error, errors);
        }
    }

    private static void placeEntityError(PreparedBatch prepared, Map<?, ?> error, List<GraphQLError> errors) {
        var path = pathOf(error);
        if (path.size() < 2
                || !"_entities".equals(path.getFirst())
                || !(path.get(1) instanceof Integer index)
                || index >= prepared.receivers.size()) {
            errors.add(toGraphQLError(error, List.of()));
            return;
        }
        var rest = path.subList(2, path.size());
        for (var receiver : prepared.receivers.get(index)) {
            var clientPath = new ArrayList<>(pathTo(prepared, receiver));
            clientPath.addAll(rest);
            var failure = failure(error, clientPath);
            if (rest.isEmpty()) {
                receiver.target().responseKeys().forEach(key -> receiver.object()
                        .putIfAbsent(key, failure));
            } else if (!place(receiver.object(), rest, failure)) {
                errors.add(toGraphQLError(error, clientPath));
            }
        }
    }

    private static void markAll(PreparedBatch prepared, FieldFailure failure) {
        for (var receivers : prepared.receivers) {
            for (var receiver : receivers) {
                receiver.target().responseKeys().forEach(key -> receiver.object()
                        .put(key, failure));
            }
        }
    }

    /** Puts the failure where the error points, or at the nearest ancestor the subgraph nulled. */
    @SuppressWarnings("unchecked")
    private static boolean place(Map<String, Object> root, List<Object> path, FieldFailure failure) {
        Object current = root;
        for (var i = 0; i < path.size(); i++) {
            var segment = path.get(i);
            if (current instanceof Map<?, ?> map && segment instanceof String key) {
                var next = map.get(key);
                if (next == null || next instanceof FieldFailure) {
                    ((Map<String, Object>) map).put(key, failure);
                    return true;
                }
                current = next;
            } else if (current instanceof List<?> list && segment instanceof Integer index && index < list.size()) {
                current = list.get(index);
                if (current == null) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return false;
    }

    /**
     * Merges one {@code _entities} answer into a receiving object. Representations are shared by identity, so one
     * answer may reach receivers of several targets (implementations of one entity interface asked through its
     * {@code @interfaceObject}); each keeps its own concrete {@code __typename} unless its target replaces it.
     */
    private static void mergeEntity(Found receiver, Map<?, ?> entity) {
        var object = receiver.object();
        if (receiver.target().mergesTypename() || !entity.containsKey(TYPENAME)) {
            merge(object, entity);
            return;
        }
        var typename = object.get(TYPENAME);
        merge(object, entity);
        object.put(TYPENAME, typename);
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> target, Map<?, ?> source) {
        for (var entry : source.entrySet()) {
            var key = (String) entry.getKey();
            var existing = target.get(key);
            var incoming = entry.getValue();
            if (existing instanceof Map<?, ?> existingMap && incoming instanceof Map<?, ?> incomingMap) {
                merge((Map<String, Object>) existingMap, incomingMap);
            } else if (existing instanceof List<?> existingList
                    && incoming instanceof List<?> incomingList
                    && existingList.size() == incomingList.size()) {
                mergeLists(existingList, incomingList);
            } else {
                target.put(key, incoming);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void mergeLists(List<?> existing, List<?> incoming) {
        for (var i = 0; i < existing.size(); i++) {
            if (existing.get(i) instanceof Map<?, ?> a && incoming.get(i) instanceof Map<?, ?> b) {
                merge((Map<String, Object>) a, b);
            } else if (existing.get(i) instanceof List<?> a
                    && incoming.get(i) instanceof List<?> b
                    && a.size() == b.size()) {
                mergeLists(a, b);
            }
        }
    }

    // ------------------------------------------------------------------ errors

    private static List<Map<?, ?>> errorsOf(Map<String, Object> response) {
        if (!(response.get("errors") instanceof List<?> list)) {
            return List.of();
        }
        return list.stream()
                .filter(e -> e instanceof Map<?, ?>)
                .<Map<?, ?>>map(e -> (Map<?, ?>) e)
                .toList();
    }

    private static List<Object> pathOf(Map<?, ?> error) {
        if (!(error.get("path") instanceof List<?> path)) {
            return List.of();
        }
        return path.stream()
                .map(p -> p instanceof Number n ? (Object) n.intValue() : (Object) String.valueOf(p))
                .toList();
    }

    private static FieldFailure failure(Map<?, ?> error, @Nullable List<Object> path) {
        var message = error.get("message") instanceof String s ? s : "subgraph error";
        var extensions = new LinkedHashMap<String, Object>();
        if (error.get("extensions") instanceof Map<?, ?> map) {
            map.forEach((k, v) -> extensions.put(String.valueOf(k), v));
        }
        return new FieldFailure(message, extensions, path == null ? null : List.copyOf(path));
    }

    /**
     * What the client sees of a failed subgraph call: which subgraph, never why (the cause names internal hosts and
     * library internals); the cause goes to the log, whose lines carry the request id the client got.
     */
    private static FieldFailure unavailable(@Nullable RuntimeException failure) {
        if (failure != null) {
            UNAVAILABLE_LOG.warn("Subgraph call failed: {}", failure.getMessage());
        }
        var message = failure instanceof SubgraphUnavailableException unavailable
                ? "Subgraph '" + unavailable.subgraph() + "' is unavailable"
                : "A subgraph is unavailable";
        return new FieldFailure(message, Map.of("code", SUBGRAPH_UNAVAILABLE), null);
    }

    private static final org.slf4j.Logger UNAVAILABLE_LOG = org.slf4j.LoggerFactory.getLogger(PlanExecutor.class);

    private static FieldFailure noData(String subgraph) {
        return new FieldFailure(
                "Subgraph '" + subgraph + "' returned no data", Map.of("code", SUBGRAPH_UNAVAILABLE), null);
    }

    private static GraphQLError toGraphQLError(Map<?, ?> error, List<Object> path) {
        var failure = failure(error, path);
        var builder = GraphqlErrorBuilder.newError().message(failure.message()).extensions(failure.extensions());
        if (!path.isEmpty()) {
            builder.path(path);
        }
        return builder.build();
    }
}
