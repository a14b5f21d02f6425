package com.refractoryatlas.importer.parse.format;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The character encoding of a text document, as its bytes themselves say it: a byte-order mark (UTF-8, UTF-16 and
 * UTF-32 in either byte order; Windows tools save "Unicode" text as UTF-16 with a mark), UTF-16 without a mark (in
 * mostly-ASCII text every other byte is zero), or the first line of a BibTeX file declaring it ({@code % Encoding:
 * windows-1252}, which JabRef writes). Anything else is UTF-8, decoded strictly downstream: an undeclared legacy
 * encoding is refused with a typed error rather than guessed. Looks at most {@link #PROBE_BYTES} bytes.
 *
 * @param charset the encoding to decode with
 * @param markLength bytes of byte-order mark to skip
 * @param declared how the encoding was found, for messages ("a UTF-16LE byte-order mark")
 */
public record TextEncoding(Charset charset, int markLength, String declared) {

    static final int PROBE_BYTES = 1024;
    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");
    private static final int MIN_UNMARKED_UTF16_BYTES = 8;
    private static final int MAX_DECLARATION_LINE = 80;
    private static final Pattern DECLARATION =
            Pattern.compile("%\\s{0,4}+Encoding:\\s{0,4}+([A-Za-z0-9._:-]{1,40}+)\\s{0,10}+");
    private static final TextEncoding UTF8 = new TextEncoding(StandardCharsets.UTF_8, 0, "the default");

    /** The encoding of {@code bytes}. */
    public static TextEncoding of(byte[] bytes) {
        TextEncoding marked = byteOrderMark(bytes);
        if (marked != null) {
            return marked;
        }
        TextEncoding unmarked = unmarkedUtf16(bytes);
        if (unmarked != null) {
            return unmarked;
        }
        TextEncoding declaredLine = declaration(bytes);
        return declaredLine != null ? declaredLine : UTF8;
    }

    /** Whether the bytes are UTF-8 without a mark, as the readers expect them. */
    public boolean plainUtf8() {
        return charset.equals(StandardCharsets.UTF_8) && markLength == 0;
    }

    /**
     * The text re-encoded as UTF-8 without a mark, or null when a byte is not valid in {@link #charset} (then the
     * document is refused: nothing is decoded with replacement characters).
     */
    public byte @Nullable [] toUtf8(byte[] bytes) {
        try {
            var text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, markLength, bytes.length - markLength));
            return text.toString().getBytes(StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static @Nullable TextEncoding byteOrderMark(byte[] b) {
        if (starts(b, 0x00, 0x00, 0xFE, 0xFF)) {
            return new TextEncoding(UTF_32BE, 4, "a UTF-32BE byte-order mark");
        }
        if (starts(b, 0xFF, 0xFE, 0x00, 0x00)) {
            return new TextEncoding(UTF_32LE, 4, "a UTF-32LE byte-order mark");
        }
        if (starts(b, 0xEF, 0xBB, 0xBF)) {
            return new TextEncoding(StandardCharsets.UTF_8, 3, "a UTF-8 byte-order mark");
        }
        if (starts(b, 0xFE, 0xFF)) {
            return new TextEncoding(StandardCharsets.UTF_16BE, 2, "a UTF-16BE byte-order mark");
        }
        if (starts(b, 0xFF, 0xFE)) {
            return new TextEncoding(StandardCharsets.UTF_16LE, 2, "a UTF-16LE byte-order mark");
        }
        return null;
    }

    /**
     * UTF-16 without a mark: in the probe, nine in ten bytes on one side of each pair are zero and none on the other
     * (text whose characters are mostly below U+0100, as the reference-manager formats' tags always are).
     */
    private static @Nullable TextEncoding unmarkedUtf16(byte[] b) {
        int n = Math.min(b.length, PROBE_BYTES) & ~1;
        if (n < MIN_UNMARKED_UTF16_BYTES) {
            return null;
        }
        int zeroEven = 0;
        int zeroOdd = 0;
        for (int i = 0; i < n; i += 2) {
            zeroEven += b[i] == 0 ? 1 : 0;
            zeroOdd += b[i + 1] == 0 ? 1 : 0;
        }
        int pairs = n / 2;
        int most = pairs - pairs / 10;
        if (zeroEven >= most && zeroOdd == 0) {
            return new TextEncoding(StandardCharsets.UTF_16BE, 0, "its bytes (UTF-16BE without a byte-order mark)");
        }
        if (zeroOdd >= most && zeroEven == 0) {
            return new TextEncoding(StandardCharsets.UTF_16LE, 0, "its bytes (UTF-16LE without a byte-order mark)");
        }
        return null;
    }

    /** A first line {@code % Encoding: <name>} naming a charset this JVM has. */
    private static @Nullable TextEncoding declaration(byte[] b) {
        int end = 0;
        while (end < b.length && end < MAX_DECLARATION_LINE && b[end] != '\n' && b[end] != '\r') {
            end++;
        }
        var line = new String(b, 0, end, StandardCharsets.US_ASCII);
        var m = DECLARATION.matcher(line);
        if (!m.matches()) {
            return null;
        }
        try {
            var name = m.group(1);
            if (!Charset.isSupported(name)) {
                return null;
            }
            var charset = Charset.forName(name);
            return charset.equals(StandardCharsets.UTF_8)
                    ? null
                    : new TextEncoding(
                            charset, 0, "its first line ('% Encoding: " + name.toLowerCase(Locale.ROOT) + "')");
        } catch (IllegalCharsetNameException e) {
            return null;
        }
    }

    private static boolean starts(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
