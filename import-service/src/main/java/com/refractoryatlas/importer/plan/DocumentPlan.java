package com.refractoryatlas.importer.plan;

import com.refractoryatlas.importer.write.ArticleInput;
import com.refractoryatlas.importer.write.CatalogBatchInput;
import com.refractoryatlas.importer.write.CatalogBatchInput.TreatmentInput;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What importing one document means: the writes to make, or why there are none. */
public sealed interface DocumentPlan {

    /**
     * A document ready to write: the article first (its references get their ids there), then the catalog items,
     * whose treatments cite references by the article's citation numbers until those ids are known.
     */
    record Write(ArticleInput article, CatalogDraft catalog, List<Issue> warnings) implements DocumentPlan {

        public Write {
            warnings = List.copyOf(warnings);
        }
    }

    /** A document that cannot be imported; nothing of it is written. */
    record Reject(List<Issue> errors) implements DocumentPlan {

        public Reject {
            errors = List.copyOf(errors);
        }
    }

    /** One problem found in a document, with the 1-based line it concerns when known. */
    record Issue(String code, String message, @Nullable Integer line) {}

    /**
     * The catalog half of a plan before the references service has named the references.
     *
     * @param treatments the pairings, each with the citation numbers of the paragraphs that support it
     */
    record CatalogDraft(
            List<CatalogBatchInput.ConditionInput> conditions,
            List<CatalogBatchInput.TherapyInput> therapies,
            List<CatalogBatchInput.MechanismInput> mechanisms,
            List<TreatmentDraft> treatments) {

        public CatalogDraft {
            conditions = List.copyOf(conditions);
            therapies = List.copyOf(therapies);
            mechanisms = List.copyOf(mechanisms);
            treatments = List.copyOf(treatments);
        }

        /** The batch to send, once the article id and the reference id of every citation number are known. */
        public CatalogBatchInput resolve(String articleId, Map<Integer, String> referenceIds) {
            var conditionsWithArticle = conditions.stream()
                    .map(c -> new CatalogBatchInput.ConditionInput(
                            c.id(),
                            c.name(),
                            c.aliases(),
                            c.specialty(),
                            c.refractoryCriteria(),
                            with(c.articleIds(), articleId)))
                    .toList();
            var resolved = treatments.stream()
                    .map(t -> t.resolve(articleId, referenceIds))
                    .toList();
            return new CatalogBatchInput(conditionsWithArticle, therapies, mechanisms, resolved);
        }

        private static List<String> with(List<String> ids, String id) {
            var all = new LinkedHashSet<>(ids);
            all.add(id);
            return List.copyOf(all);
        }
    }

    /** A treatment whose evidence is still a list of citation numbers of the article. */
    record TreatmentDraft(
            String conditionId,
            String therapyId,
            String role,
            @Nullable String summary,
            List<Integer> citationNumbers) {

        public TreatmentDraft {
            citationNumbers = List.copyOf(citationNumbers);
        }

        TreatmentInput resolve(String articleId, Map<Integer, String> referenceIds) {
            var evidence = new ArrayList<String>();
            for (int number : citationNumbers) {
                var id = referenceIds.get(number);
                if (id != null && !evidence.contains(id)) {
                    evidence.add(id);
                }
            }
            return new TreatmentInput(conditionId, therapyId, role, summary, evidence, List.of(articleId));
        }
    }
}
