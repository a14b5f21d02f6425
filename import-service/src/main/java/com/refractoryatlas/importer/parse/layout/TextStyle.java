package com.refractoryatlas.importer.parse.layout;

/**
 * Where and how a line was printed, in PDF user-space units (points, origin top-left of its page).
 *
 * @param page 1-based page
 * @param x left edge of the line
 * @param y baseline of the line, from the page's top
 * @param width of the line
 * @param fontSize the dominant font size of the line's glyphs
 * @param bold whether most of its glyphs are in a bold face
 * @param italic whether most of its glyphs are in an italic face
 * @param column 0 for a full-width line or the left column, 1 for the right column, ...
 */
public record TextStyle(
        int page, float x, float y, float width, float fontSize, boolean bold, boolean italic, int column) {}
