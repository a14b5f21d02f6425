package com.refractoryatlas.importer.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class KnowledgeExtractorTests {

    private static final KnowledgeExtractor EXTRACTOR = new KnowledgeExtractor(Vocabulary.bundled());

    private static Knowledge extract(String... sentences) {
        List<TextSentence> list = new java.util.ArrayList<>();
        for (int i = 0; i < sentences.length; i++) {
            list.add(new TextSentence(sentences[i], List.of(), i + 1));
        }
        return EXTRACTOR.extract(List.of(new TextParagraph("Body", list))).knowledge();
    }

    @Test
    void mapsAliasesAndAbbreviationsToTheCanonicalEntry() {
        Knowledge k = extract("Ketamine helps in TRD.", "Ketamine also helps treatment-resistant depression.");
        assertThat(k.conditions()).extracting(Condition::id).containsExactly("depression");
        assertThat(k.therapies()).extracting(Therapy::id).containsExactly("ketamine");
        assertThat(k.treatments()).singleElement().satisfies(t -> {
            assertThat(t.conditionId()).isEqualTo("depression");
            assertThat(t.therapyId()).isEqualTo("ketamine");
        });
    }

    @Test
    void matchesAbbreviationsOnlyWithTheirCase() {
        assertThat(extract("The ms of the ect were noted.").conditions()).isEmpty();
        assertThat(extract("ECT is used in MS.").therapies())
                .extracting(Therapy::id)
                .containsExactly("electroconvulsive-therapy");
    }

    @Test
    void findsConditionsTheVocabularyLacksThroughPatterns() {
        Knowledge k = extract(
                "Octreotide was tried in treatment-refractory chylothorax.",
                "Drug-resistant pemphigus is rare.",
                "Salvage therapy for Kikuchi disease is debated.");
        assertThat(k.conditions()).extracting(Condition::id).contains("chylothorax", "pemphigus", "kikuchi-disease");
        assertThat(k.conditions()).allMatch(c -> !c.fromVocabulary() && c.specialty() == Specialty.OTHER);
    }

    @Test
    void ignoresGenericRefractoryPhrases() {
        assertThat(extract("Refractory cases and refractory patients in the refractory state.")
                        .conditions())
                .isEmpty();
    }

    @Test
    void statesRolesNearTheTherapy() {
        Knowledge k = extract("Clozapine remains the gold standard for refractory schizophrenia.");
        assertThat(k.treatments()).singleElement().satisfies(t -> assertThat(t.role())
                .isEqualTo(TreatmentRole.GOLD_STANDARD));
        Knowledge despite = extract("Seizures persist in epilepsy despite anti-seizure medications.");
        assertThat(despite.treatments()).singleElement().satisfies(t -> assertThat(t.role())
                .isEqualTo(TreatmentRole.STANDARD));
        Knowledge none = extract("Lithium is used in bipolar disorder.");
        assertThat(none.treatments()).singleElement().satisfies(t -> assertThat(t.role())
                .isEqualTo(TreatmentRole.UNSPECIFIED));
    }

    @Test
    void findsRoleCuesAtTheirOffsetsWhenLowerCasingWouldChangeTheLength() {
        String sentence = "İİİİİİİİİİ clinicians in İstanbul call clozapine the gold standard for schizophrenia.";
        assertThat(Cues.lower(sentence)).hasSameSizeAs(sentence).startsWith("iiiiiiiiii clinicians");
        int at = sentence.indexOf("clozapine");
        assertThat(Cues.role(Cues.lower(sentence), at, at + "clozapine".length()))
                .isEqualTo(TreatmentRole.GOLD_STANDARD);
        assertThat(extract(sentence).treatments()).singleElement().satisfies(t -> assertThat(t.role())
                .isEqualTo(TreatmentRole.GOLD_STANDARD));
    }

    @Test
    void attachesCriteriaToTheConditionOfThePreviousSentence() {
        Knowledge k = extract(
                "Many patients have refractory depression.",
                "This is defined as failure of two or more adequate antidepressant trials.");
        assertThat(k.conditions()).singleElement().satisfies(c -> assertThat(c.refractoryCriteria())
                .hasSize(1));
    }

    @Test
    void linksTreatmentsToTheCitationsOfTheirSentenceOrTheNextCitingOne() {
        List<TextSentence> sentences = List.of(
                new TextSentence("Ketamine is used for depression.", List.of(), 1),
                new TextSentence("Its effects are rapid [3].", List.of(3), 1),
                new TextSentence("ECT helps in schizophrenia [5].", List.of(5), 2));
        Knowledge k =
                EXTRACTOR.extract(List.of(new TextParagraph("Body", sentences))).knowledge();
        assertThat(k.treatments()).extracting(Treatment::referenceNumbers).containsExactly(List.of(3), List.of(5));
    }

    @Test
    void linksMechanismsToConditionsOnlyWhereTheTextTalksAboutResistance() {
        Knowledge k = extract("Resistance in cancer often involves P-glycoprotein efflux pumps.");
        assertThat(k.mechanisms()).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo("drug-efflux-pumps");
            assertThat(m.conditionIds()).containsExactly("cancer");
        });
        assertThat(extract("Treatment selection depends on genetic mutations in cancer.")
                        .mechanisms())
                .isEmpty();
    }

    @Test
    void refusesAMalformedVocabularyNamingTheLine() {
        assertThatThrownBy(() -> Vocabulary.parse("version | 1\ncondition | Foo | NOT_A_SPECIALTY | x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2");
    }

    @Test
    void bundledVocabularyIsVersionedAndSlugsAreStable() {
        Vocabulary v = Vocabulary.bundled();
        assertThat(v.version()).isNotBlank();
        assertThat(v.conditionCount()).isGreaterThan(50);
        assertThat(v.therapyCount()).isGreaterThan(80);
        assertThat(Vocabulary.slug("Crohn's disease")).isEqualTo("crohns-disease");
        assertThat(Vocabulary.slug("Electroconvulsive therapy")).isEqualTo("electroconvulsive-therapy");
        assertThat(Vocabulary.slug("Sjögren's syndrome")).isEqualTo("sjogrens-syndrome");
    }
}
