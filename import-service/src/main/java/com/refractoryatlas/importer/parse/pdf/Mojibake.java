package com.refractoryatlas.importer.parse.pdf;

import com.refractoryatlas.importer.parse.layout.Layout;
import com.refractoryatlas.importer.parse.layout.LayoutLine;

/**
 * Spots a text layer whose fonts map glyphs to the wrong characters: some PDFs (Quartz, old Distiller jobs with
 * custom encodings and no ToUnicode map) give every glyph a character from the Latin-1 and IPA blocks, so the
 * text is as long as the real one but reads {@code ¿Äº¿Ä½ Å¼}. No language written in Latin letters has most
 * of its letters accented or from the IPA block, so such a share means the layer is unusable; scripts outside
 * those blocks (Greek, Cyrillic, CJK) are not counted against it.
 */
final class Mojibake {

    private static final int MIN_LETTERS = 200;
    private static final double MAX_SHARE = 0.4;
    private static final int MIN_LINE_LETTERS = 1;
    private static final double MAX_LINE_SHARE = 0.6;

    private Mojibake() {}

    /**
     * Whether one line is garbled: a PDF often has one broken font (a header face, a symbol font) among good ones,
     * and dropping its lines keeps the rest of the document.
     */
    static boolean garbled(String text) {
        int letters = 0;
        int odd = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                odd += odd(c) ? 1 : 0;
            }
        }
        return letters >= MIN_LINE_LETTERS && odd > MAX_LINE_SHARE * letters;
    }

    private static boolean odd(char c) {
        return c >= '\u00C0' && c <= '\u02FF';
    }

    static boolean likely(Layout layout) {
        long letters = 0;
        long odd = 0;
        for (LayoutLine line : layout.lines()) {
            String text = line.text();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (!Character.isLetter(c)) {
                    continue;
                }
                letters++;
                odd += odd(c) ? 1 : 0;
            }
        }
        return letters >= MIN_LETTERS && odd > MAX_SHARE * letters;
    }
}
