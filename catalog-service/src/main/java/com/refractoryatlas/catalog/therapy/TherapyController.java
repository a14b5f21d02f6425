package com.refractoryatlas.catalog.therapy;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.model.Filters;
import com.refractoryatlas.catalog.CatalogProperties;
import com.refractoryatlas.catalog.naming.Names;
import com.refractoryatlas.catalog.treatment.Treatment;
import com.refractoryatlas.catalog.treatment.TreatmentCatalog;
import com.refractoryatlas.subgraph.ApiException;
import com.refractoryatlas.subgraph.Connection;
import com.refractoryatlas.subgraph.Cursor;
import com.refractoryatlas.subgraph.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class TherapyController {

    private final TherapyRepository therapies;
    private final TherapyCatalog catalog;
    private final TreatmentCatalog treatments;
    private final CatalogProperties properties;

    TherapyController(
            TherapyRepository therapies,
            TherapyCatalog catalog,
            TreatmentCatalog treatments,
            CatalogProperties properties) {
        this.therapies = therapies;
        this.catalog = catalog;
        this.treatments = treatments;
        this.properties = properties;
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
            @Argument @Nullable String after) {
        var page = PageRequest.of(first, after, 1);
        var query = filter == null ? Filters.empty() : toQuery(filter);
        if (query == null) {
            return Connection.of(List.of(), page, Therapy::id, 0);
        }
        var rows = page.first() == 0 ? List.<Therapy>of() : therapies.page(query, page);
        return Connection.of(rows, page, therapy -> Cursor.encode(therapy.id()), therapies.count(query));
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

    /** The Mongo filter for {@code filter}, or null when it can match nothing (no need to ask). */
    private @Nullable Bson toQuery(TherapyFilter filter) {
        var parts = new ArrayList<Bson>();
        var text = filter.text();
        if (text != null && !text.isBlank()) {
            if (text.length() > properties.limits().nameLength()) {
                throw ApiException.badUserInput(
                        "filter.text", "must be at most " + properties.limits().nameLength() + " characters");
            }
            var words = Names.prefixFilters("searchTokens", text);
            if (words.isEmpty()) {
                return null;
            }
            parts.addAll(words);
        }
        if (filter.kind() != null) {
            parts.add(eq("kind", filter.kind()));
        }
        if (filter.conditionId() != null) {
            var ids = treatments.therapyIdsTreating(filter.conditionId());
            if (ids.isEmpty()) {
                return null;
            }
            parts.add(in("_id", ids));
        }
        return parts.isEmpty() ? Filters.empty() : and(parts);
    }
}
