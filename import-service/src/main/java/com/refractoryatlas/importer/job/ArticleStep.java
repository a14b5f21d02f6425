package com.refractoryatlas.importer.job;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the references service answered to a job's {@code upsertArticle}, kept on the job so that a job resumed
 * after that write neither sends it again nor loses the reference ids its catalog write needs.
 */
public record ArticleStep(String articleId, List<ReferenceId> references) {

    public ArticleStep {
        references = List.copyOf(references);
    }

    public record ReferenceId(int number, String id) {}

    Map<Integer, String> referenceIdsByNumber() {
        return references.stream()
                .collect(Collectors.toMap(ReferenceId::number, ReferenceId::id, (first, second) -> first));
    }
}
