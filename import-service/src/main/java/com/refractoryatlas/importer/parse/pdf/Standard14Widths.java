package com.refractoryatlas.importer.parse.pdf;

import org.apache.fontbox.afm.FontMetrics;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.font.encoding.DictionaryEncoding;
import org.apache.pdfbox.pdmodel.font.encoding.Encoding;
import org.apache.pdfbox.pdmodel.font.encoding.StandardEncoding;
import org.jspecify.annotations.Nullable;

/**
 * Widths for the standard 14 fonts a PDF names without embedding them and without a {@code /Widths} array. PDFBox
 * measures such a font with its metrics only while its encoding is the standard one; once the font dictionary
 * changes a few codes ({@code /Differences}, as many typesetters do for quotes and dashes), it measures the glyphs
 * with the substitute font it draws them with (Liberation Sans for Times-Roman), so every glyph of a line advances
 * by the wrong width and a word placed again at its true position overlaps the ones before it ("Rimar S, Schreiber
 * MD" read "Rimar S,e Sibcehr rMD"). This writes the font's Adobe metrics, under its encoding, into the dictionary
 * before the page is read, as poppler measures it. Touches only the parsed document in memory.
 */
final class Standard14Widths {

    private static final int CODES = 256;

    private Standard14Widths() {}

    /** Supplies widths to every such font among the resources' fonts; fonts that have widths are left alone. */
    static void supply(@Nullable PDResources resources) {
        if (resources == null) {
            return;
        }
        COSDictionary fonts = resources.getCOSObject().getCOSDictionary(COSName.FONT);
        if (fonts == null) {
            return;
        }
        for (COSName name : fonts.keySet()) {
            if (fonts.getDictionaryObject(name) instanceof COSDictionary font) {
                supplyTo(font);
            }
        }
    }

    private static void supplyTo(COSDictionary font) {
        if (!COSName.TYPE1.equals(font.getCOSName(COSName.SUBTYPE))
                || font.containsKey(COSName.WIDTHS)
                || embedded(font)
                || !(font.getDictionaryObject(COSName.ENCODING) instanceof COSDictionary encoding)) {
            return;
        }
        String base = font.getNameAsString(COSName.BASE_FONT);
        FontMetrics metrics = base == null ? null : Standard14Fonts.getAFM(base);
        if (metrics == null || "FontSpecific".equals(metrics.getEncodingScheme())) {
            return; // Symbol and ZapfDingbats keep their own encodings
        }
        Encoding codes = new DictionaryEncoding(encoding, true, StandardEncoding.INSTANCE);
        COSArray widths = new COSArray();
        for (int code = 0; code < CODES; code++) {
            widths.add(new COSFloat(metrics.getCharacterWidth(codes.getName(code))));
        }
        font.setItem(COSName.FIRST_CHAR, COSInteger.get(0));
        font.setItem(COSName.LAST_CHAR, COSInteger.get(CODES - 1));
        font.setItem(COSName.WIDTHS, widths);
    }

    private static boolean embedded(COSDictionary font) {
        COSBase descriptor = font.getDictionaryObject(COSName.FONT_DESC);
        return descriptor instanceof COSDictionary d
                && (d.containsKey(COSName.FONT_FILE)
                        || d.containsKey(COSName.FONT_FILE2)
                        || d.containsKey(COSName.FONT_FILE3));
    }
}
