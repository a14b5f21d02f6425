package com.refractoryatlas.catalog.node;

import com.refractoryatlas.catalog.mechanism.Mechanism;
import com.refractoryatlas.catalog.mechanism.MechanismCatalog;
import com.refractoryatlas.catalog.term.Condition;
import com.refractoryatlas.catalog.term.ConditionCatalog;
import com.refractoryatlas.catalog.term.Therapy;
import com.refractoryatlas.catalog.term.TherapyCatalog;
import com.refractoryatlas.catalog.treatment.Article;
import com.refractoryatlas.catalog.treatment.Reference;
import com.refractoryatlas.subgraph.ApiException;
import com.refractoryatlas.subgraph.GlobalId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code Query.node} and {@code Query.nodes} for the whole supergraph. Federation routes a root field to one subgraph,
 * so this one decodes every global id: an entity the catalog owns is looked up here (null when it does not exist);
 * any other is answered as a reference ({@code __typename} and {@code id}) which the gateway completes from the
 * owning subgraph through {@code _entities}, where the owner's own existence and visibility rules apply.
 */
@Controller
class NodeController {

    /** The most ids one {@code nodes} call may ask for, as the schema says (the cost estimate assumes as many). */
    static final int MAX_IDS = 100;

    private static final String CONDITION = "Condition";
    private static final String THERAPY = "Therapy";
    private static final String MECHANISM = "Mechanism";
    private static final Set<String> NODE_TYPES =
            Set.of(CONDITION, THERAPY, MECHANISM, "Reference", "Article", "ImportJob");

    private final ConditionCatalog conditions;
    private final TherapyCatalog therapies;
    private final MechanismCatalog mechanisms;

    NodeController(ConditionCatalog conditions, TherapyCatalog therapies, MechanismCatalog mechanisms) {
        this.conditions = conditions;
        this.therapies = therapies;
        this.mechanisms = mechanisms;
    }

    @QueryMapping
    @Nullable
    Object node(@Argument String id) {
        return nodes(List.of(id)).getFirst();
    }

    /** One query per catalog type however many ids name it; ids of other services' types cost nothing here. */
    @QueryMapping
    List<@Nullable Object> nodes(@Argument List<String> ids) {
        if (ids.size() > MAX_IDS) {
            throw ApiException.badUserInput("ids", "at most " + MAX_IDS + " ids (was " + ids.size() + ")");
        }
        var decoded = ids.stream().map(id -> GlobalId.decode(id, NODE_TYPES)).toList();
        var foundConditions = found(keysOf(decoded, CONDITION), conditions::findAllById);
        var foundTherapies = found(keysOf(decoded, THERAPY), therapies::findAllById);
        var foundMechanisms = found(keysOf(decoded, MECHANISM), mechanisms::findAllById);
        var result = new ArrayList<@Nullable Object>(ids.size());
        for (var global : decoded) {
            result.add(global.map(g -> resolve(g, foundConditions, foundTherapies, foundMechanisms))
                    .orElse(null));
        }
        return result;
    }

    private static @Nullable Object resolve(
            GlobalId id,
            Map<String, Condition> conditions,
            Map<String, Therapy> therapies,
            Map<String, Mechanism> mechanisms) {
        return switch (id.typename()) {
            case CONDITION -> conditions.get(id.key());
            case THERAPY -> therapies.get(id.key());
            case MECHANISM -> mechanisms.get(id.key());
            case "Reference" -> new Reference(id.key());
            case "Article" -> new Article(id.key());
            case "ImportJob" -> new ImportJob(id.key());
            default -> null;
        };
    }

    private static <T> Map<String, T> found(List<String> keys, Function<List<String>, Map<String, T>> lookUp) {
        return keys.isEmpty() ? Map.of() : lookUp.apply(keys);
    }

    private static List<String> keysOf(List<Optional<GlobalId>> decoded, String typename) {
        return decoded.stream()
                .flatMap(Optional::stream)
                .filter(id -> id.typename().equals(typename))
                .map(GlobalId::key)
                .distinct()
                .toList();
    }

    /** {@code _entities} for the import job stub: any id is a valid reference here; import-service decides. */
    @EntityMapping(name = "ImportJob")
    List<ImportJob> importJob(@Argument List<String> idList) {
        return idList.stream().map(ImportJob::new).toList();
    }

    @SchemaMapping(typeName = CONDITION, field = "nodeId")
    String conditionNodeId(Condition condition) {
        return GlobalId.encode(CONDITION, condition.id());
    }

    @SchemaMapping(typeName = THERAPY, field = "nodeId")
    String therapyNodeId(Therapy therapy) {
        return GlobalId.encode(THERAPY, therapy.id());
    }

    @SchemaMapping(typeName = MECHANISM, field = "nodeId")
    String mechanismNodeId(Mechanism mechanism) {
        return GlobalId.encode(MECHANISM, mechanism.id());
    }
}
