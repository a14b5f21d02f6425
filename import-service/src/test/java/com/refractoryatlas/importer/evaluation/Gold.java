package com.refractoryatlas.importer.evaluation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The gold of one article (or reference file): what every file made from it should parse to.
 *
 * @param kind JOURNAL_ARTICLE, EXPLAINER or REFERENCE_LIST
 * @param partial true when only some references are labelled (hand-labelled gold): unlabelled parsed references
 *     are then not spurious
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record Gold(
        String id,
        String split,
        String kind,
        @Nullable String title,
        @Nullable String firstAuthorFamily,
        boolean partial,
        Map<String, Object> source,
        List<GoldDocument> documents,
        List<GoldReference> references) {

    Gold {
        documents = List.copyOf(documents);
        references = List.copyOf(references);
    }
}
