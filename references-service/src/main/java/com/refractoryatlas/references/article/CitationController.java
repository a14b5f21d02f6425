package com.refractoryatlas.references.article;

import com.refractoryatlas.references.reference.Reference;
import com.refractoryatlas.references.reference.References;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/** The hops between articles and references, each batched so that N items cost one query. */
@Controller
class CitationController {

    private final ArticleRepository articles;
    private final References references;

    CitationController(ArticleRepository articles, References references) {
        this.articles = articles;
        this.references = references;
    }

    /** {@code Citation.reference} for every citation of the current level in one query. */
    @BatchMapping
    Map<Citation, Reference> reference(List<Citation> citations) {
        var ids = new HashSet<String>();
        citations.forEach(citation -> ids.add(citation.referenceId()));
        var found = references.findAllById(ids);
        var result = new LinkedHashMap<Citation, Reference>();
        for (var citation : citations) {
            var reference = found.get(citation.referenceId());
            if (reference != null) {
                result.put(citation, reference);
            }
        }
        return result;
    }

    /** {@code Reference.citedBy} for every reference of the current level in one query. */
    @BatchMapping(typeName = "Reference")
    Map<Reference, List<Article>> citedBy(List<Reference> cited) {
        var ids = cited.stream().map(Reference::id).toList();
        var byReference = new LinkedHashMap<String, List<Article>>();
        for (var article : articles.findCiting(ids)) {
            article.referenceIds().forEach(id -> byReference
                    .computeIfAbsent(id, key -> new ArrayList<>())
                    .add(article));
        }
        var result = new LinkedHashMap<Reference, List<Article>>();
        cited.forEach(reference -> result.put(reference, byReference.getOrDefault(reference.id(), List.of())));
        return result;
    }
}
