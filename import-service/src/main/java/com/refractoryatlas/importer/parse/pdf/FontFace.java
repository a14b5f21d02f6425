package com.refractoryatlas.importer.parse.pdf;

import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;

/**
 * Whether a font is bold or italic, from its descriptor's flags and weight and from its name: article PDFs name
 * their faces ({@code Times-Bold}, {@code NimbusRomNo9L-Medi}, {@code CMBX10}, {@code AdvTT830b2708.B}) far more
 * reliably than they set the descriptor's flags, so the name decides when the flags say nothing.
 */
record FontFace(boolean bold, boolean italic) {

    static final FontFace REGULAR = new FontFace(false, false);

    private static final int BOLD_WEIGHT = 600;
    /** Vertical stem width of bold faces (Times-Bold 136, Helvetica-Bold 140) against regular ones (85, 88). */
    private static final float BOLD_STEM = 120;

    private static final Pattern BOLD_SUFFIX = Pattern.compile("[-,.](b|bd|sb|bi)$");
    private static final Pattern ITALIC_SUFFIX = Pattern.compile("[-,.](i|it|bi|obl)$");

    static FontFace of(PDFont font) {
        String name = baseName(font.getName());
        boolean bold = boldByName(name);
        boolean italic = italicByName(name);
        PDFontDescriptor descriptor = font.getFontDescriptor();
        if (descriptor != null) {
            bold |= descriptor.isForceBold()
                    || descriptor.getFontWeight() >= BOLD_WEIGHT
                    || descriptor.getStemV() >= BOLD_STEM;
            italic |= descriptor.isItalic() || descriptor.getItalicAngle() != 0;
        }
        return new FontFace(bold, italic);
    }

    /** The name without a subset prefix ({@code ABCDEF+}), lower case. */
    private static String baseName(String name) {
        if (name == null) {
            return "";
        }
        int plus = name.indexOf('+');
        return (plus >= 0 ? name.substring(plus + 1) : name).toLowerCase(Locale.ROOT);
    }

    private static boolean boldByName(String name) {
        return name.contains("bold")
                || name.contains("black")
                || name.contains("heavy")
                || name.contains("semibold")
                || name.contains("demi")
                || name.endsWith("-medi")
                || name.contains("-medium")
                || name.startsWith("cmbx")
                || name.startsWith("cmb10")
                || name.startsWith("sfbx")
                || BOLD_SUFFIX.matcher(name).find();
    }

    private static boolean italicByName(String name) {
        return name.contains("italic")
                || name.contains("oblique")
                || name.contains("ital")
                || name.startsWith("cmti")
                || name.startsWith("cmsl")
                || name.startsWith("cmmi")
                || name.startsWith("sfti")
                || ITALIC_SUFFIX.matcher(name).find();
    }
}
