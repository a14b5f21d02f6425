package com.refractoryatlas.importer.parse.pdf;

/**
 * One drawn character in the page's reading frame (points, origin top-left, y down), already mapped to Unicode.
 *
 * @param text the characters (a ligature glyph may map to several; a diacritic is a spacing accent until merged)
 * @param x left edge
 * @param y baseline
 * @param width advance width
 * @param size effective font size (font size times the text and page scaling)
 * @param spaceWidth the width of a space in the glyph's font at its size, as PDFBox reports it
 * @param style the glyph's font face
 * @param space whether it is a whitespace glyph: it marks a word break but takes no part in the geometry
 * @param diacritic whether it is an accent drawn on its own, to be merged into the letter below or above it
 */
record Glyph(
        String text,
        float x,
        float y,
        float width,
        float size,
        float spaceWidth,
        FontFace style,
        boolean space,
        boolean diacritic) {

    float endX() {
        return x + width;
    }

    float centerX() {
        return x + width / 2;
    }
}
