package com.refractoryatlas.subgraph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VisibleTextTests {

    @Test
    void allowsLettersAndSpacesEverywhereAndLineBreaksOnlyInProse() {
        assertThat(VisibleText.allowed('a', false)).isTrue();
        assertThat(VisibleText.allowed(' ', false)).isTrue();
        assertThat(VisibleText.allowed(0x1F600, false)).isTrue();
        assertThat(VisibleText.allowed('\n', true)).isTrue();
        assertThat(VisibleText.allowed('\t', true)).isTrue();
        assertThat(VisibleText.allowed('\n', false)).isFalse();
    }

    @Test
    void refusesControlFormatAndLoneSurrogateCharacters() {
        for (int c : new int[] {0x0000, 0x0007, 0x00AD, 0x200B, 0x202E, 0xFEFF, 0xD83D}) {
            assertThat(VisibleText.allowed(c, true)).as("U+%04X", c).isFalse();
        }
    }
}
