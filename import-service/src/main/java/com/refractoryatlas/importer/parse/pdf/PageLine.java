package com.refractoryatlas.importer.parse.pdf;

/**
 * One line of one page in reading order, before page furniture is removed.
 *
 * @param page 1-based page
 * @param text normalized characters
 * @param x left edge
 * @param y baseline, from the page's top
 * @param width from the first glyph's left edge to the last glyph's right edge
 * @param size the font size most of its characters have
 * @param bold whether most of its characters are bold
 * @param italic whether most of its characters are italic
 * @param column 0 for a full-width line or the first column, 1 for the second, ...
 * @param blockStart whether it starts a block: a new column or band, or a vertical gap above it wider than a line
 */
record PageLine(
        int page,
        String text,
        float x,
        float y,
        float width,
        float size,
        boolean bold,
        boolean italic,
        int column,
        boolean blockStart) {}
