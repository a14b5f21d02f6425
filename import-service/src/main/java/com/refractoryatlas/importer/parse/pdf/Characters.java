package com.refractoryatlas.importer.parse.pdf;

import java.text.Normalizer;
import org.jspecify.annotations.Nullable;

/**
 * Character clean-up for PDF text: ligature glyphs become their letters, the many Unicode spaces become one
 * space, zero-width characters go, a soft hyphen stays only where a line breaks (as {@code -}), and accents drawn
 * as separate glyphs are merged into their letter (composed to NFC). Everything else is kept as the font mapped
 * it: dashes, quotes, Greek, superscript digits.
 */
final class Characters {

    static final char SOFT_HYPHEN = '\u00AD';

    private Characters() {}

    /** One glyph's Unicode, normalized: ligatures expanded, odd spaces made a plain space, invisibles dropped. */
    static String normalizeGlyph(String unicode) {
        if (unicode.length() == 1) {
            String mapped = mapped(unicode.charAt(0));
            return mapped == null ? unicode : mapped;
        }
        StringBuilder out = new StringBuilder(unicode.length() + 2);
        for (int i = 0; i < unicode.length(); i++) {
            char c = unicode.charAt(i);
            String mapped = mapped(c);
            if (mapped == null) {
                out.append(c);
            } else {
                out.append(mapped);
            }
        }
        return out.toString();
    }

    /** What {@code c} becomes, or null when it stays as it is. */
    private static @Nullable String mapped(char c) {
        return switch (c) {
            case '\uFB00' -> "ff";
            case '\uFB01' -> "fi";
            case '\uFB02' -> "fl";
            case '\uFB03' -> "ffi";
            case '\uFB04' -> "ffl";
            case '\uFB05', '\uFB06' -> "st";
            case '\u00A0',
                    '\u1680',
                    '\u2000',
                    '\u2001',
                    '\u2002',
                    '\u2003',
                    '\u2004',
                    '\u2005',
                    '\u2006',
                    '\u2007',
                    '\u2008',
                    '\u2009',
                    '\u200A',
                    '\u202F',
                    '\u205F',
                    '\u3000',
                    '\t' -> " ";
            case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u0000' -> "";
            case '\u2010', '\u2011' -> "-";
            default -> null;
        };
    }

    /** Whether the glyph's font gave no real character: a replacement character, a control code, private use. */
    static boolean unmapped(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean bad = c == '\uFFFD' || (c < 0x20 && c != '\t') || (c >= '\uE000' && c <= '\uF8FF');
            if (!bad) {
                return false;
            }
        }
        return true;
    }

    /**
     * The finished text of a line: a soft hyphen at the end becomes {@code -} (it is where the word was broken), one
     * inside is dropped, runs of spaces collapse, and the result is composed (NFC) so merged accents become the
     * precomposed letters a search matches.
     */
    static String finishLine(CharSequence raw) {
        StringBuilder out = new StringBuilder(raw.length());
        int end = raw.length();
        while (end > 0 && raw.charAt(end - 1) == ' ') {
            end--;
        }
        for (int i = 0; i < end; i++) {
            char c = raw.charAt(i);
            if (c == SOFT_HYPHEN) {
                if (i == end - 1) {
                    out.append('-');
                }
                continue;
            }
            if (c == ' ' && (out.isEmpty() || out.charAt(out.length() - 1) == ' ')) {
                continue;
            }
            out.append(c);
        }
        String line = out.toString();
        return Normalizer.isNormalized(line, Normalizer.Form.NFC)
                ? line
                : Normalizer.normalize(line, Normalizer.Form.NFC);
    }
}
