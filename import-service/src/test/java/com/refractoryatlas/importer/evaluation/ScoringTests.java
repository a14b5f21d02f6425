package com.refractoryatlas.importer.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoringTests {

    private static final GoldReference REF =
            new GoldReference(1, "Smith", 3, "2001", "12", "100-109", "Nature", "Dogs and wolves", "10.1/x", true);
    private static final Gold GOLD = new Gold(
            "a", "dev", "JOURNAL_ARTICLE", "A title", "Doe", false, Map.of(), List.of(doc(Map.of())), List.of(REF));

    private static GoldDocument doc(Map<String, List<String>> unprinted) {
        return new GoldDocument("a.pdf", "PDF", "real", true, unprinted);
    }

    @Test
    void scoresEachFieldAndTheWholeReference() {
        var parsed = new Candidate(1, "Smith", 3, "2001", "12", "100-9", "Nature", "Dogs and wolves", "10.1/X");
        Tally t = Scoring.score(GOLD, GOLD.documents().getFirst(), view(parsed));
        assertThat(t.pooledExact()).isEqualTo(8);
        assertThat(t.pooledEvaluated()).isEqualTo(8);
        assertThat(t.wholeExact).isEqualTo(1);
        assertThat(t.kindCorrect).isEqualTo(1);
        assertThat(t.titleExact).isEqualTo(1);
    }

    @Test
    void oneWrongFieldSpoilsTheWholeReferenceOnly() {
        var parsed = new Candidate(1, "Smith", 4, "2001", "12", "100-9", "Nature", "Dogs and wolves", "10.1/X");
        Tally t = Scoring.score(GOLD, GOLD.documents().getFirst(), view(parsed));
        assertThat(t.exact(Field.AUTHOR_COUNT)).isZero();
        assertThat(t.pooledExact()).isEqualTo(7);
        assertThat(t.wholeExact).isZero();
        assertThat(t.wholeEvaluated).isEqualTo(1);
    }

    @Test
    void aReferenceNotFoundIsWrongInEveryField() {
        Tally t =
                Scoring.score(GOLD, GOLD.documents().getFirst(), new ParsedView("UNRECOGNIZED", null, null, List.of()));
        assertThat(t.pooledEvaluated()).isEqualTo(8);
        assertThat(t.pooledExact()).isZero();
        assertThat(t.found).isZero();
        assertThat(t.kindCorrect).isZero();
    }

    @Test
    void fieldsTheDocumentDoesNotPrintAreNotScored() {
        var parsed = new Candidate(1, "Smith", 3, "2001", "12", "100-9", "Nature", "Dogs and wolves", null);
        Tally t = Scoring.score(GOLD, doc(Map.of("1", List.of("doi"))), view(parsed));
        assertThat(t.evaluated(Field.DOI)).isZero();
        assertThat(t.wholeExact).isEqualTo(1);
    }

    private static ParsedView view(Candidate c) {
        return new ParsedView("JOURNAL_ARTICLE", "A title", "Doe", List.of(c));
    }
}
