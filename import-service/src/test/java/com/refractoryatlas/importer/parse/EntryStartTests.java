package com.refractoryatlas.importer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Entry numbers: short ones anywhere, long ones only where the list's numbering continues. */
class EntryStartTests {

    @Test
    void aLooseNumberOpensAnEntryWithACapitalOrANamesParticle() {
        assertThat(EntryStart.loose("37 van Santen DK, van der Helm JJ. Temporal trends.", 37))
                .isEqualTo(new EntryStart(37, "van Santen DK, van der Helm JJ. Temporal trends."));
        assertThat(EntryStart.loose("37 Stoové MA, Dietze PM.", 37))
                .isEqualTo(new EntryStart(37, "Stoové MA, Dietze PM."));
        assertThat(EntryStart.loose("37 patients were enrolled.", 37)).isNull();
    }

    @Test
    void readsNumbersUpToFourDigitsWhereverTheListStands() {
        assertThat(EntryStart.parse("12. Smith J. Title. J. 2020;1:2."))
                .isEqualTo(new EntryStart(12, "Smith J. Title. J. 2020;1:2."));
        assertThat(EntryStart.parse("[9999] Smith J.", 5)).isEqualTo(new EntryStart(9999, "Smith J."));
        assertThat(EntryStart.parse("3)")).isEqualTo(new EntryStart(3, ""));
    }

    @Test
    void readsALongerNumberOnlyWhenItContinuesTheSequence() {
        assertThat(EntryStart.parse("10000. Smith J. Title.", 10000))
                .isEqualTo(new EntryStart(10000, "Smith J. Title."));
        assertThat(EntryStart.parse("[123456] Smith J.", 123456)).isEqualTo(new EntryStart(123456, "Smith J."));
        assertThat(EntryStart.parse("10000.", 10000)).isEqualTo(new EntryStart(10000, ""));
    }

    @Test
    void refusesALongerNumberOutOfSequence() {
        assertThat(EntryStart.parse("102506. doi:10.1016/j.x.2020.102506", 14)).isNull();
        assertThat(EntryStart.parse("10001. Smith J.", 10000)).isNull();
        assertThat(EntryStart.parse("10000. Smith J.")).isNull();
        assertThat(EntryStart.parse("1234567890. Smith J.", 1234567890)).isNull();
    }
}
