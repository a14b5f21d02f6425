package com.refractoryatlas.importer.parse.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextEncodingTests {

    @Test
    void takesTheEncodingFromAByteOrderMark() {
        assertThat(TextEncoding.of(new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', 0})
                        .charset())
                .isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(TextEncoding.of(new byte[] {(byte) 0xFE, (byte) 0xFF, 0, 'a'})
                        .charset())
                .isEqualTo(StandardCharsets.UTF_16BE);
        assertThat(TextEncoding.of(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0, 'a', 0, 0, 0})
                        .charset())
                .isEqualTo(Charset.forName("UTF-32LE"));
        var utf8 = TextEncoding.of(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a'});
        assertThat(utf8.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(utf8.plainUtf8()).isFalse();
        assertThat(utf8.toUtf8(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a'}))
                .isEqualTo(new byte[] {'a'});
    }

    @Test
    void leavesUtf8AndUndeclaredBytesToTheStrictUtf8Reader() {
        assertThat(TextEncoding.of("plain text é".getBytes(StandardCharsets.UTF_8))
                        .plainUtf8())
                .isTrue();
        assertThat(TextEncoding.of("caf\u00e9".getBytes(Charset.forName("windows-1252")))
                        .plainUtf8())
                .isTrue();
        assertThat(TextEncoding.of("% Encoding: UTF-8\n@article{k}".getBytes(StandardCharsets.UTF_8))
                        .plainUtf8())
                .isTrue();
        assertThat(TextEncoding.of("% Encoding: no-such-charset\n".getBytes(StandardCharsets.UTF_8))
                        .plainUtf8())
                .isTrue();
    }

    @Test
    void neverTakesBinaryForUnmarkedUtf16() {
        var random = new Random(7);
        for (int i = 0; i < 200; i++) {
            byte[] bytes = new byte[2048];
            random.nextBytes(bytes);
            assertThat(TextEncoding.of(bytes).charset()).isNotIn(StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE);
        }
    }

    @Test
    void readsUnmarkedUtf16WithSomeCharactersAboveLatin1() {
        var text = "@article{k, title={Treatment-resistant depression and the \u03c9-3 fatty acids}}\n";

        var encoding = TextEncoding.of(text.getBytes(StandardCharsets.UTF_16BE));

        assertThat(encoding.charset()).isEqualTo(StandardCharsets.UTF_16BE);
        assertThat(new String(encoding.toUtf8(text.getBytes(StandardCharsets.UTF_16BE)), StandardCharsets.UTF_8))
                .isEqualTo(text);
    }
}
