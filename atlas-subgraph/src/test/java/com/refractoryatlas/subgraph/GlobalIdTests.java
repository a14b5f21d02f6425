package com.refractoryatlas.subgraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GlobalIdTests {

    private static String base64url(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    @Nested
    class RoundTrip {

        @Test
        void encodesTypeAndKeyAsUnpaddedBase64Url() {
            assertThat(GlobalId.encode("Condition", "depression")).isEqualTo("Q29uZGl0aW9uOmRlcHJlc3Npb24");
            assertThat(GlobalId.decode("Q29uZGl0aW9uOmRlcHJlc3Npb24"))
                    .contains(new GlobalId("Condition", "depression"));
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "doi:10.1016/j.jad.2021.01.001",
                    "sha256:0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0",
                    "ref-0123456789abcdef",
                    "Sjögren's syndrome / ü? & +",
                    "a"
                })
        void keepsKeysWithColonsSlashesAndNonAsciiText(String key) {
            var id = GlobalId.encode("Article", key);
            assertThat(id).doesNotContain("=", "+", "/");
            assertThat(GlobalId.decode(id)).contains(new GlobalId("Article", key));
        }

        @Test
        void answersOnlyTheTypesAsked() {
            var id = GlobalId.encode("ImportJob", "job-1");
            assertThat(GlobalId.decode(id, Set.of("ImportJob", "Article"))).isPresent();
            assertThat(GlobalId.decode(id, Set.of("Condition"))).isEmpty();
        }

        @Test
        void refusesToEncodeWhatItCouldNotDecode() {
            assertThatThrownBy(() -> GlobalId.encode("Condition", "")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> GlobalId.encode("condition", "x")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> GlobalId.encode("Condition", "a\u0000b"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class MalformedInput {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "",
                    "depression", // a domain id, not a global one (decodes to bytes without a colon)
                    "Q29uZGl0aW9uOmRlcHJlc3Npb24=", // padded
                    "Q29uZGl0aW9uOmRlcHJlc3Npb24==",
                    "Q29uZGl0aW9uOmRlcHJlc3Npb25", // same bytes, stray bits in the last character
                    "Q29uZGl0aW9u OmRlcHJlc3Npb24",
                    "Q29uZGl0aW9u+mRlcHJlc3Npb24", // standard alphabet
                    "%%%",
                    "Q"
                })
        void isNotAnId(String id) {
            assertThat(GlobalId.decode(id)).isEmpty();
        }

        @Test
        void needsATypeNameAndANonEmptyKey() {
            assertThat(GlobalId.decode(base64url("Condition:"))).isEmpty();
            assertThat(GlobalId.decode(base64url(":depression"))).isEmpty();
            assertThat(GlobalId.decode(base64url("Condition"))).isEmpty();
            assertThat(GlobalId.decode(base64url("not a type:x"))).isEmpty();
            assertThat(GlobalId.decode(base64url("__Schema:x"))).isEmpty();
            assertThat(GlobalId.decode(base64url("Condition:line\nbreak"))).isEmpty();
        }

        @Test
        void refusesInvalidUtf8() {
            var bytes = new byte[] {'C', ':', (byte) 0xC3, (byte) 0x28};
            var id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            assertThat(GlobalId.decode(id)).isEmpty();
        }
    }

    @Nested
    class Bounds {

        @Test
        void acceptsIdsUpToTheLimitAndRefusesLongerOnes() {
            var longest = "Article:" + "k".repeat(GlobalId.MAX_LENGTH / 4 * 3 - "Article:".length());
            var atLimit = base64url(longest);
            assertThat(atLimit).hasSize(GlobalId.MAX_LENGTH);
            assertThat(GlobalId.decode(atLimit)).isPresent();

            assertThat(GlobalId.decode(base64url(longest + "kkk"))).isEmpty();
            assertThat(GlobalId.decode("A".repeat(1_000_000))).isEmpty();
        }
    }
}
