package com.refractoryatlas.catalog.condition;

import com.refractoryatlas.catalog.term.Condition;
import com.refractoryatlas.catalog.term.ConditionCatalog;
import com.refractoryatlas.catalog.term.TermFilter;
import com.refractoryatlas.catalog.treatment.Article;
import com.refractoryatlas.catalog.treatment.Reference;
import com.refractoryatlas.catalog.treatment.Treatment;
import com.refractoryatlas.catalog.treatment.TreatmentCatalog;
import com.refractoryatlas.subgraph.Connection;
import com.refractoryatlas.subgraph.PageRequest;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

@Controller
class ConditionController {

    /** Counted only when the operation asks for it: a page alone is one query less. */
    private static final String TOTAL_COUNT = "totalCount";

    /** Loads the treatments of many conditions in one query; treatments, references and articles share it. */
    static final String TREATMENTS_BY_CONDITION = "treatmentsByCondition";

    private final ConditionCatalog catalog;
    private final TreatmentCatalog treatments;

    ConditionController(ConditionCatalog catalog, TreatmentCatalog treatments, BatchLoaderRegistry loaders) {
        this.catalog = catalog;
        this.treatments = treatments;
        loaders.<String, List<Treatment>>forName(TREATMENTS_BY_CONDITION)
                .registerMappedBatchLoader((ids, env) -> Mono.fromSupplier(() -> treatments.byConditionIds(ids)));
    }

    @QueryMapping
    @Nullable
    Condition condition(@Argument String id) {
        return catalog.resolve(id).orElse(null);
    }

    @QueryMapping
    Connection<Condition> conditions(
            @Argument @Nullable ConditionFilter filter,
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
    @EntityMapping(name = "Condition")
    List<@Nullable Condition> condition(@Argument List<String> idList) {
        var found = catalog.findAllById(idList);
        return idList.stream().map(found::get).toList();
    }

    @SchemaMapping
    CompletableFuture<List<Treatment>> treatments(
            Condition condition, @Argument @Nullable String role, DataFetchingEnvironment env) {
        return treatmentsOf(condition, env)
                .thenApply(all -> role == null
                        ? all
                        : all.stream().filter(t -> t.role().equals(role)).toList());
    }

    /** Every reference behind any of the condition's treatments, each once. */
    @SchemaMapping
    CompletableFuture<List<Reference>> references(Condition condition, DataFetchingEnvironment env) {
        return treatmentsOf(condition, env)
                .thenApply(all -> distinct(all.stream().flatMap(t -> t.evidenceIds().stream()))
                        .map(Reference::new)
                        .toList());
    }

    /** The articles naming the condition as a source, and those discussing any of its treatments. */
    @SchemaMapping
    CompletableFuture<List<Article>> articles(Condition condition, DataFetchingEnvironment env) {
        return treatmentsOf(condition, env).thenApply(all -> distinct(Stream.concat(
                        condition.articleIds().stream(), all.stream().flatMap(t -> t.articleIds().stream())))
                .map(Article::new)
                .toList());
    }

    @BatchMapping(typeName = "Treatment", field = "condition")
    Map<Treatment, Condition> conditionOfTreatments(List<Treatment> batch) {
        var found = catalog.findAllById(
                batch.stream().map(Treatment::conditionId).distinct().toList());
        return batch.stream()
                .filter(t -> found.containsKey(t.conditionId()))
                .collect(Collectors.toMap(Function.identity(), t -> found.get(t.conditionId()), (a, b) -> a));
    }

    /** The shared term filter; a therapy filter becomes the ids of the conditions it treats. */
    private TermFilter termFilter(ConditionFilter filter) {
        var therapyId = filter.therapyId();
        var ids = therapyId == null ? null : treatments.conditionIdsTreatedBy(therapyId);
        return new TermFilter(filter.text(), filter.specialty(), ids);
    }

    private static CompletableFuture<List<Treatment>> treatmentsOf(Condition condition, DataFetchingEnvironment env) {
        DataLoader<String, List<Treatment>> loader = env.getDataLoader(TREATMENTS_BY_CONDITION);
        return loader.load(condition.id()).thenApply(list -> list == null ? List.of() : list);
    }

    private static Stream<String> distinct(Stream<String> ids) {
        return ids.collect(Collectors.toCollection(LinkedHashSet::new)).stream();
    }
}
