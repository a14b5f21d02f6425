package com.refractoryatlas.importer.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AlignmentTests {

    static GoldReference gold(int n, String author, String title, String year) {
        return new GoldReference(n, author, 2, year, "12", "1-9", "Nature", title, null, true);
    }

    static Candidate parsed(int n, String author, String title, String year) {
        return new Candidate(n, author, 2, year, "12", "1-9", "Nature", title, null);
    }

    private static final List<GoldReference> GOLD = List.of(
            gold(1, "Smith", "Dogs and wolves in the wild", "2001"),
            gold(2, "Jones", "Cats in towns", "2002"),
            gold(3, "Brown", "Ferrets at home and abroad", "2003"));

    @Test
    void numberedListsAlignByNumberEvenWhenContentIsWrong() {
        var a = Alignment.of(GOLD, List.of(parsed(2, "Smith", "Dogs and wolves in the wild", "2001")), true);
        assertThat(a.get(2)).isNotNull();
        assertThat(a.get(1)).isNull();
        assertThat(a.spurious()).isEmpty();
    }

    @Test
    void numbersBeyondTheGoldListAreSpurious() {
        var a = Alignment.of(GOLD, List.of(parsed(1, "Smith", "x", "2001"), parsed(9, "Nobody", "y", "1999")), true);
        assertThat(a.pairs()).containsOnlyKeys(1);
        assertThat(a.spurious()).extracting(Candidate::number).containsExactly(9);
    }

    @Test
    void duplicateNumbersFallBackToContent() {
        var a = Alignment.of(
                GOLD,
                List.of(
                        parsed(1, "Brown", "Ferrets at home and abroad", "2003"),
                        parsed(1, "Smith", "Dogs and wolves in the wild", "2001")),
                true);
        assertThat(a.get(3)).extracting(Candidate::firstAuthorFamily).isEqualTo("Brown");
        assertThat(a.get(1)).extracting(Candidate::firstAuthorFamily).isEqualTo("Smith");
    }

    @Test
    void unnumberedListsAlignByBestMatchEachUsedOnce() {
        var a = Alignment.of(
                GOLD,
                List.of(
                        parsed(1, "Jones", "Cats in towns", "2002"),
                        parsed(2, "Smith", "Dogs and wolves in the wild", "2001"),
                        parsed(3, "Smith", "Dogs and wolves in the wild", "2001")),
                false);
        assertThat(a.get(1)).isNotNull();
        assertThat(a.get(2)).extracting(Candidate::firstAuthorFamily).isEqualTo("Jones");
        assertThat(a.get(3)).isNull();
        assertThat(a.spurious()).hasSize(1);
    }

    @Test
    void aSlightlyWrongTitleStillAlignsButAnUnrelatedReferenceIsSpurious() {
        var a = Alignment.of(
                GOLD,
                List.of(
                        new Candidate(1, "Smith", null, "2001", null, null, null, "Dogs and wolves in the wil", null),
                        new Candidate(2, "Nobody", null, "1950", null, null, null, "Entirely different", null)),
                false);
        assertThat(a.pairs()).containsOnlyKeys(1);
        assertThat(a.spurious()).extracting(Candidate::firstAuthorFamily).containsExactly("Nobody");
    }

    @Test
    void unstructuredGoldEntriesAreFilledByLeftoversInOrder() {
        var gold = List.of(
                gold(1, "Smith", "Dogs and wolves in the wild", "2001"),
                new GoldReference(2, null, null, null, null, null, null, null, null, false));
        var a = Alignment.of(
                gold,
                List.of(
                        parsed(1, "Smith", "Dogs and wolves in the wild", "2001"),
                        parsed(2, null, "AmphibiaWeb", null)),
                false);
        assertThat(a.pairs()).containsOnlyKeys(1, 2);
        assertThat(a.spurious()).isEmpty();
    }
}
