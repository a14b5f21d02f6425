package com.refractoryatlas.gateway.edge;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Strict UTF-8 for everything the gateway decodes from a client. A lenient decoder turns an overlong form
 * ({@code C1 9F}, {@code C0 AF}), an encoded surrogate, a truncated or an invalid sequence into U+FFFD (or, in old
 * decoders, into the character it disguises) and the gateway would then execute text the client never validly
 * sent; here such input is refused with {@link #INVALID_UTF8} instead. Every check is one pass over the input with
 * a fixed-size buffer: linear, no recursion.
 */
public final class StrictUtf8 {

    /** The {@code extensions.code} of a request refused for its encoding. */
    public static final String INVALID_UTF8 = "INVALID_UTF8";

    private static final int CHUNK = 4096;
    private static final int ESCAPE_LENGTH = 6;
    private static final int HEX = 16;

    private StrictUtf8() {}

    /**
     * Why the bytes are not well-formed UTF-8 (the JDK's decoder follows the Unicode standard: no overlong forms, no
     * surrogates, nothing above U+10FFFF, no truncated sequence), or {@code null} when they are.
     */
    public static @Nullable String problem(byte[] bytes, int length, String what) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        var in = ByteBuffer.wrap(bytes, 0, length);
        var out = CharBuffer.allocate(CHUNK);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return what + " is not valid UTF-8 (malformed or overlong sequence at byte " + in.position() + ")";
            }
            if (result.isUnderflow()) {
                break;
            }
            out.clear();
        }
        out.clear();
        return decoder.flush(out).isError() ? what + " is not valid UTF-8 (truncated sequence at its end)" : null;
    }

    /**
     * Why a JSON body that is valid UTF-8 still does not hold Unicode text, or {@code null}: a {@code \}{@code uD800}
     * escape without its other half is a lone surrogate (JSON's grammar allows it, Unicode does not, and a
     * downstream encoder would mangle or refuse it), and NUL bytes mean the body is UTF-16 or UTF-32, which Jackson
     * would otherwise detect and decode on its own.
     */
    public static @Nullable String jsonProblem(byte[] json, int length) {
        int i = 0;
        while (i < length) {
            byte b = json[i];
            if (b == 0) {
                return "The request body holds NUL bytes: only UTF-8 JSON is accepted (not UTF-16 or UTF-32)";
            }
            if (b != '\\') {
                i++;
                continue;
            }
            int step = escapeLength(json, i, length);
            if (step < 0) {
                return "The request body escapes a lone surrogate (\\u" + hex(json, i + 2, length)
                        + "): JSON strings must hold Unicode text";
            }
            i += step;
        }
        return null;
    }

    /**
     * Why a raw (still percent-encoded) query string or path does not decode to UTF-8, or {@code null}. Tomcat
     * refuses raw non-ASCII bytes in the request line itself; what is left to check is the percent-encoded bytes.
     */
    public static @Nullable String uriProblem(@Nullable String raw, String what) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        var bytes = new byte[raw.length()];
        int length = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                bytes[length++] = (byte) (c > 0x7F ? 0xFF : c);
                continue;
            }
            int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), HEX) : -1;
            int low = high >= 0 ? Character.digit(raw.charAt(i + 2), HEX) : -1;
            if (low < 0) {
                return what + " holds a malformed percent-encoding at character " + i;
            }
            bytes[length++] = (byte) (high * HEX + low);
            i += 2;
        }
        return problem(bytes, length, what);
    }

    /** The length of the escape starting at {@code i}, or -1 for a lone surrogate. */
    private static int escapeLength(byte[] json, int i, int length) {
        int unit = unicodeEscape(json, i, length);
        if (unit < 0) {
            return 2;
        }
        if (Character.isLowSurrogate((char) unit)) {
            return -1;
        }
        if (!Character.isHighSurrogate((char) unit)) {
            return ESCAPE_LENGTH;
        }
        int next = unicodeEscape(json, i + ESCAPE_LENGTH, length);
        return next >= 0 && Character.isLowSurrogate((char) next) ? 2 * ESCAPE_LENGTH : -1;
    }

    /** The code unit of a {@code \}{@code uXXXX} escape at {@code i}, or -1 when there is none. */
    private static int unicodeEscape(byte[] json, int i, int length) {
        if (i + ESCAPE_LENGTH > length || json[i] != '\\' || json[i + 1] != 'u') {
            return -1;
        }
        int unit = 0;
        for (int k = i + 2; k < i + ESCAPE_LENGTH; k++) {
            int digit = Character.digit(json[k], HEX);
            if (digit < 0) {
                return -1;
            }
            unit = unit * HEX + digit;
        }
        return unit;
    }

    private static String hex(byte[] json, int from, int length) {
        return new String(json, from, Math.max(0, Math.min(4, length - from)), StandardCharsets.US_ASCII);
    }
}
