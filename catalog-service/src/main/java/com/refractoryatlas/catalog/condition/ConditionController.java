package com.refractoryatlas.catalog.condition;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class ConditionController {

    private final ConditionRepository conditions;

    ConditionController(ConditionRepository conditions) {
        this.conditions = conditions;
    }

    /** Resolves {@code _entities} representations in one query, answering null for unknown ids. */
    @EntityMapping
    List<@Nullable Condition> condition(@Argument List<String> idList) {
        var found =
                conditions.findAllById(idList).stream().collect(Collectors.toMap(Condition::id, Function.identity()));
        return idList.stream().map(found::get).toList();
    }

    @QueryMapping
    @Nullable
    Condition condition(@Argument String id) {
        return conditions.findById(id).orElse(null);
    }
}
