package com.refractoryatlas.catalog.therapy;

import com.refractoryatlas.catalog.term.TermFilter;
import com.refractoryatlas.catalog.term.Therapy;
import com.refractoryatlas.catalog.term.TherapyCatalog;
import com.refractoryatlas.catalog.treatment.Treatment;
import com.refractoryatlas.catalog.treatment.TreatmentCatalog;
import com.refractoryatlas.subgraph.Connection;
import com.refractoryatlas.subgraph.PageRequest;
import graphql.schema.DataFetchingFieldSelectionSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class TherapyController {

    /** Counted only when the operation asks for it: a page alone is one query less. */
    private static final String TOTAL_COUNT = "totalCount";

    private final TherapyCatalog catalog;
    private final TreatmentCatalog treatments;

    TherapyController(TherapyCatalog catalog, TreatmentCatalog treatments) {
        this.catalog = catalog;
        this.treatments = treatments;
    }

    @QueryMapping
    @Nullable
    Therapy therapy(@Argument String id) {
        return catalog.resolve(id).orElse(null);
    }

    @QueryMapping
    Connection<Therapy> therapies(
            @Argument @Nullable TherapyFilter filter,
            @Argument @Nullable Integer first,
            @Argument @Nullable String after,
            @Argument @Nullable Integer last,
            @Argument @Nullable String before,
            DataFetchingFieldSelectionSet selection) {
        return catalog.page(
                filter == null ? TermFilter.none() : termFilter(filter),
                PageRequest.of(first, after, last, before, 1),
                selection.contains(TOTAL_COUNT));
    }

    /** Resolves {@code _entities} representations in one query, answering null for unknown ids. */
    @EntityMapping(name = "Therapy")
    List<@Nullable Therapy> therapy(@Argument List<String> idList) {
        var found = catalog.findAllById(idList);
        return idList.stream().map(found::get).toList();
    }

    @BatchMapping(typeName = "Therapy", field = "treatments")
    Map<Therapy, List<Treatment>> treatments(List<Therapy> batch) {
        var byTherapy = treatments.byTherapyIds(batch.stream().map(Therapy::id).toList());
        return batch.stream()
                .collect(Collectors.toMap(
                        Function.identity(), t -> byTherapy.getOrDefault(t.id(), List.of()), (a, b) -> a));
    }

    @BatchMapping(typeName = "Treatment", field = "therapy")
    Map<Treatment, Therapy> therapyOfTreatments(List<Treatment> batch) {
        var found = catalog.findAllById(
                batch.stream().map(Treatment::therapyId).distinct().toList());
        return batch.stream()
                .filter(t -> found.containsKey(t.therapyId()))
                .collect(Collectors.toMap(Function.identity(), t -> found.get(t.therapyId()), (a, b) -> a));
    }

    /** The shared term filter; a condition filter becomes the ids of the therapies treating it. */
    private TermFilter termFilter(TherapyFilter filter) {
        var conditionId = filter.conditionId();
        var ids = conditionId == null ? null : treatments.therapyIdsTreating(conditionId);
        return new TermFilter(filter.text(), filter.kind(), ids);
    }
}
