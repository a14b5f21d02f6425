package com.refractoryatlas.importer.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.refractoryatlas.importer.write.CatalogBatchInput.ConditionInput;
import com.refractoryatlas.importer.write.CatalogBatchInput.MechanismInput;
import com.refractoryatlas.importer.write.CatalogBatchInput.TherapyInput;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CatalogFitTests {

    private static final ConditionInput DEPRESSION = new ConditionInput(
            "treatment-resistant-depression",
            "Treatment-resistant depression",
            List.of("TRD"),
            "PSYCHIATRY",
            List.of(),
            List.of());
    private static final TherapyInput KETAMINE = new TherapyInput("ketamine", "Ketamine", List.of(), "DRUG", null);

    private static DocumentPlan.TreatmentDraft treatment(String summary, List<Integer> numbers) {
        return new DocumentPlan.TreatmentDraft(
                "treatment-resistant-depression", "ketamine", "RESCUE", summary, numbers);
    }

    private static DocumentPlan.CatalogDraft draft(List<DocumentPlan.TreatmentDraft> treatments) {
        return new DocumentPlan.CatalogDraft(List.of(DEPRESSION), List.of(KETAMINE), List.of(), treatments);
    }

    @Test
    void leavesADraftWithinTheLimitsAsItIsWithoutWarnings() {
        var draft = draft(List.of(treatment("Ketamine helps in TRD [1].", List.of(1, 2))));

        var fitted = CatalogFit.fit(draft);

        assertThat(fitted.draft()).isEqualTo(draft);
        assertThat(fitted.warnings()).isEmpty();
    }

    @Test
    void shortensAnOverlongSummaryAtAWordWithAnEllipsisAndSaysSo() {
        var sentence = "Ketamine was given to patients with refractory depression and ".repeat(200);

        var fitted = CatalogFit.fit(draft(List.of(treatment(sentence, List.of(1)))));

        var summary = fitted.draft().treatments().getFirst().summary();
        assertThat(summary).hasSizeLessThanOrEqualTo(CatalogFit.TEXT_CHARS).endsWith("\u2026");
        assertThat(summary.substring(0, summary.length() - 1)).isEqualTo(sentence.substring(0, summary.length() - 1));
        assertThat(summary.charAt(summary.length() - 2)).isNotEqualTo(' ');
        assertThat(fitted.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo(CatalogFit.VALUE_SHORTENED);
            assertThat(w.message()).contains("treatment summary").doesNotContain("Ketamine was given");
        });
    }

    @Test
    void neverCutsBetweenTheTwoHalvesOfASurrogatePair() {
        var emoji = "\uD83D\uDE00"; // one code point, two chars
        var text = emoji.repeat(CatalogFit.TEXT_CHARS);

        var summary = CatalogFit.fit(draft(List.of(treatment(text, List.of()))))
                .draft()
                .treatments()
                .getFirst()
                .summary();

        assertThat(summary).hasSizeLessThanOrEqualTo(CatalogFit.TEXT_CHARS);
        assertThat(summary.codePoints().filter(c -> Character.getType(c) == Character.SURROGATE))
                .isEmpty();
    }

    @Test
    void removesTheInvisibleAndControlCharactersTheCatalogRefuses() {
        var condition = new ConditionInput(
                "refractory-epilepsy",
                "Refrac\u00ADtory\u0007epi\u200Blepsy\u202E",
                List.of("RE\u0000", "\u200B"),
                "NEUROLOGY",
                List.of("two\nlines\u00AD"),
                List.of());
        var draft = new DocumentPlan.CatalogDraft(List.of(condition), List.of(KETAMINE), List.of(), List.of());

        var fitted = CatalogFit.fit(draft).draft().conditions().getFirst();

        assertThat(fitted.name()).isEqualTo("Refractory epilepsy");
        assertThat(fitted.aliases()).containsExactly("RE");
        assertThat(fitted.refractoryCriteria()).containsExactly("two\nlines");
    }

    @Test
    void keepsTheFirstTwoHundredEvidenceNumbersOfATreatment() {
        var numbers = IntStream.rangeClosed(1, 500).boxed().toList();

        var fitted = CatalogFit.fit(draft(List.of(treatment("ok", numbers))));

        assertThat(fitted.draft().treatments().getFirst().citationNumbers())
                .hasSize(CatalogFit.LIST_ITEMS)
                .startsWith(1, 2, 3)
                .endsWith(200);
        assertThat(fitted.warnings()).extracting(DocumentPlan.Issue::code).containsExactly(CatalogFit.VALUE_SHORTENED);
    }

    @Test
    void dropsItemsBeyondABatchAndWhatDependsOnADroppedItem() {
        var therapies = new ArrayList<TherapyInput>();
        var treatments = new ArrayList<DocumentPlan.TreatmentDraft>();
        for (int i = 0; i < CatalogFit.BATCH_ITEMS + 5; i++) {
            therapies.add(new TherapyInput("therapy-" + i, "Therapy " + i, List.of(), "DRUG", null));
            treatments.add(new DocumentPlan.TreatmentDraft(
                    "treatment-resistant-depression", "therapy-" + i, "RESCUE", null, List.of()));
        }
        var longId =
                new ConditionInput("x".repeat(CatalogFit.ID_CHARS + 1), "X", List.of(), "OTHER", List.of(), List.of());
        var mechanism = new MechanismInput(
                "nmda-antagonism", "NMDA antagonism", null, List.of("treatment-resistant-depression", longId.id()));
        var draft =
                new DocumentPlan.CatalogDraft(List.of(DEPRESSION, longId), therapies, List.of(mechanism), treatments);

        var fitted = CatalogFit.fit(draft);

        assertThat(fitted.draft().conditions()).containsExactly(DEPRESSION);
        assertThat(fitted.draft().therapies()).hasSize(CatalogFit.BATCH_ITEMS);
        assertThat(fitted.draft().treatments()).hasSize(CatalogFit.BATCH_ITEMS).allSatisfy(t -> assertThat(
                        Integer.parseInt(t.therapyId().substring("therapy-".length())))
                .isLessThan(CatalogFit.BATCH_ITEMS));
        assertThat(fitted.draft().mechanisms().getFirst().conditionIds())
                .containsExactly("treatment-resistant-depression");
        assertThat(fitted.warnings()).extracting(DocumentPlan.Issue::code).containsExactly(CatalogFit.ITEMS_DROPPED);
        assertThat(fitted.warnings().getFirst().message()).startsWith("11 extracted items");
    }
}
