package com.refractoryatlas.catalog.treatment;

import com.refractoryatlas.catalog.condition.Condition;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class TreatmentController {

    private final TreatmentRepository treatments;

    TreatmentController(TreatmentRepository treatments) {
        this.treatments = treatments;
    }

    @BatchMapping(typeName = "Condition")
    Map<Condition, List<Treatment>> treatments(List<Condition> conditions) {
        var byCondition = treatments
                .findByConditionIds(conditions.stream().map(Condition::id).toList())
                .stream()
                .collect(Collectors.groupingBy(Treatment::conditionId));
        return conditions.stream()
                .collect(Collectors.toMap(c -> c, c -> byCondition.getOrDefault(c.id(), List.of()), (a, b) -> a));
    }

    /** Reference stubs: the references service resolves them through the gateway. */
    @SchemaMapping
    List<ReferenceStub> evidence(Treatment treatment) {
        return treatment.evidenceIds().stream().map(ReferenceStub::new).toList();
    }

    record ReferenceStub(String id) {}
}
