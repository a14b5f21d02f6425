package com.refractoryatlas.catalog.mechanism;

import com.refractoryatlas.catalog.term.Condition;
import com.refractoryatlas.catalog.term.ConditionCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class MechanismController {

    private final MechanismRepository mechanisms;
    private final ConditionCatalog conditions;

    MechanismController(MechanismRepository mechanisms, ConditionCatalog conditions) {
        this.mechanisms = mechanisms;
        this.conditions = conditions;
    }

    @QueryMapping
    List<Mechanism> mechanisms() {
        return mechanisms.findAll();
    }

    @EntityMapping(name = "Mechanism")
    List<@Nullable Mechanism> mechanism(@Argument List<String> idList) {
        var found = new HashMap<String, Mechanism>();
        mechanisms.findAllById(idList).forEach(m -> found.put(m.id(), m));
        return idList.stream().map(found::get).toList();
    }

    @BatchMapping(typeName = "Mechanism", field = "conditions")
    Map<Mechanism, List<Condition>> conditions(List<Mechanism> batch) {
        var found = conditions.findAllById(batch.stream()
                .flatMap(m -> m.conditionIds().stream())
                .distinct()
                .toList());
        var result = new HashMap<Mechanism, List<Condition>>();
        for (var mechanism : batch) {
            result.put(
                    mechanism,
                    mechanism.conditionIds().stream()
                            .map(found::get)
                            .filter(Objects::nonNull)
                            .toList());
        }
        return result;
    }

    @BatchMapping(typeName = "Condition", field = "mechanisms")
    Map<Condition, List<Mechanism>> mechanismsOfConditions(List<Condition> batch) {
        var linked = mechanisms.findByConditionIds(
                batch.stream().map(Condition::id).distinct().toList());
        var result = new HashMap<Condition, List<Mechanism>>();
        for (var condition : batch) {
            var own = new ArrayList<Mechanism>();
            linked.stream()
                    .filter(m -> m.conditionIds().contains(condition.id()))
                    .forEach(own::add);
            result.put(condition, List.copyOf(own));
        }
        return result;
    }
}
