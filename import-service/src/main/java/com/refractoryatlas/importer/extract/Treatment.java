package com.refractoryatlas.importer.extract;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One condition × one therapy pairing stated by the text.
 *
 * @param conditionId id of a {@link Condition} of the same {@link Knowledge}
 * @param therapyId id of a {@link Therapy} of the same {@link Knowledge}
 * @param role the role the text states, {@link TreatmentRole#UNSPECIFIED} when it states none
 * @param summary the supporting sentence
 * @param referenceNumbers the {@code [n]} numbers cited in the supporting sentence (or else its paragraph), sorted;
 *     empty for explainer pages. The import job maps them to reference ids.
 */
public record Treatment(
        String conditionId,
        String therapyId,
        TreatmentRole role,
        @Nullable String summary,
        List<Integer> referenceNumbers) {

    public Treatment {
        referenceNumbers = List.copyOf(referenceNumbers);
    }
}
