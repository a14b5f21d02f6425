package com.refractoryatlas.catalog.evidence;

import com.refractoryatlas.catalog.term.Condition;
import com.refractoryatlas.catalog.term.ConditionCatalog;
import com.refractoryatlas.catalog.term.Therapy;
import com.refractoryatlas.catalog.term.TherapyCatalog;
import com.refractoryatlas.catalog.treatment.Article;
import com.refractoryatlas.catalog.treatment.Reference;
import com.refractoryatlas.catalog.treatment.Treatment;
import com.refractoryatlas.catalog.treatment.TreatmentCatalog;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * Resolves {@code Reference} and {@code Article} representations sent by the gateway to the conditions and therapies
 * whose treatments cite them. Any id is a valid stub here: references-service decides whether the work exists.
 */
@Controller
class EvidenceController {

    private final TreatmentCatalog treatments;
    private final ConditionCatalog conditions;
    private final TherapyCatalog therapies;

    EvidenceController(TreatmentCatalog treatments, ConditionCatalog conditions, TherapyCatalog therapies) {
        this.treatments = treatments;
        this.conditions = conditions;
        this.therapies = therapies;
    }

    @EntityMapping(name = "Reference")
    List<Reference> reference(@Argument List<String> idList) {
        return idList.stream().map(Reference::new).toList();
    }

    @EntityMapping(name = "Article")
    List<Article> article(@Argument List<String> idList) {
        return idList.stream().map(Article::new).toList();
    }

    /** The conditions whose treatments cite each reference as evidence: two queries for any number of references. */
    @BatchMapping(typeName = "Reference", field = "conditions")
    Map<Reference, List<Condition>> referenceConditions(List<Reference> batch) {
        var ids = batch.stream().map(Reference::id).toList();
        var linked = group(treatments.citing(ids), Treatment::evidenceIds, ids, Treatment::conditionId);
        var found = conditions.findAllById(union(linked.values()));
        return mapEach(batch, ref -> resolve(linked.get(ref.id()), found));
    }

    @BatchMapping(typeName = "Reference", field = "therapies")
    Map<Reference, List<Therapy>> referenceTherapies(List<Reference> batch) {
        var ids = batch.stream().map(Reference::id).toList();
        var linked = group(treatments.citing(ids), Treatment::evidenceIds, ids, Treatment::therapyId);
        var found = therapies.findAllById(union(linked.values()));
        return mapEach(batch, ref -> resolve(linked.get(ref.id()), found));
    }

    /** The conditions an article is a source of, directly or through a treatment it discusses. */
    @BatchMapping(typeName = "Article", field = "conditions")
    Map<Article, List<Condition>> articleConditions(List<Article> batch) {
        var ids = batch.stream().map(Article::id).toList();
        var linked = group(treatments.discussedIn(ids), Treatment::articleIds, ids, Treatment::conditionId);
        for (var condition : conditions.discussedIn(ids)) {
            condition.articleIds().stream().filter(linked::containsKey).forEach(article -> linked.get(article)
                    .add(condition.id()));
        }
        var found = conditions.findAllById(union(linked.values()));
        return mapEach(batch, article -> resolve(linked.get(article.id()), found));
    }

    @BatchMapping(typeName = "Article", field = "therapies")
    Map<Article, List<Therapy>> articleTherapies(List<Article> batch) {
        var ids = batch.stream().map(Article::id).toList();
        var linked = group(treatments.discussedIn(ids), Treatment::articleIds, ids, Treatment::therapyId);
        var found = therapies.findAllById(union(linked.values()));
        return mapEach(batch, article -> resolve(linked.get(article.id()), found));
    }

    /** For each wanted source id, the ids (in first-seen order) of what the treatments citing it point at. */
    private static Map<String, Set<String>> group(
            List<Treatment> found,
            Function<Treatment, List<String>> sourcesOf,
            List<String> wanted,
            Function<Treatment, String> target) {
        var linked = new LinkedHashMap<String, Set<String>>();
        wanted.forEach(id -> linked.put(id, new LinkedHashSet<>()));
        for (var treatment : found) {
            sourcesOf.apply(treatment).stream().filter(linked::containsKey).forEach(source -> linked.get(source)
                    .add(target.apply(treatment)));
        }
        return linked;
    }

    private static Set<String> union(Collection<Set<String>> sets) {
        var all = new LinkedHashSet<String>();
        sets.forEach(all::addAll);
        return all;
    }

    private static <T> List<T> resolve(Set<String> ids, Map<String, T> found) {
        return ids.stream().sorted().map(found::get).filter(Objects::nonNull).toList();
    }

    private static <K, V> Map<K, V> mapEach(List<K> keys, Function<K, V> value) {
        var result = new HashMap<K, V>();
        keys.forEach(key -> result.putIfAbsent(key, value.apply(key)));
        return result;
    }
}
