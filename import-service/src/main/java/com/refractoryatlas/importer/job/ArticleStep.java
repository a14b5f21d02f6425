package com.refractoryatlas.importer.job;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the references service answered to a job's {@code upsertArticle}, kept on the job so that a job resumed
 * after that write neither sends it again nor loses the reference ids its catalog write needs, and so that a job
 * failing after it knows exactly what it created and must remove again.
 *
 * @param created whether this job created the article (an article it only matched is never removed)
 */
public record ArticleStep(String articleId, boolean created, List<ReferenceId> references) {

    public ArticleStep {
        references = List.copyOf(references);
    }

    /** A step for an article this job found already there. */
    public ArticleStep(String articleId, List<ReferenceId> references) {
        this(articleId, false, references);
    }

    /** @param created whether this job created the reference */
    public record ReferenceId(int number, String id, boolean created) {

        public ReferenceId(int number, String id) {
            this(number, id, false);
        }
    }

    Map<Integer, String> referenceIdsByNumber() {
        return references.stream()
                .collect(Collectors.toMap(ReferenceId::number, ReferenceId::id, (first, second) -> first));
    }
}
