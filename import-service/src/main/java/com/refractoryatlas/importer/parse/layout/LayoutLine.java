package com.refractoryatlas.importer.parse.layout;

import org.jspecify.annotations.Nullable;

/**
 * One line of a document.
 *
 * @param number 1-based line number issues refer to
 * @param text the line's characters, ligatures and odd spaces already normalized by the reader
 * @param style where and how it was printed, null for formats that do not know (plain text)
 */
public record LayoutLine(int number, String text, @Nullable TextStyle style) {

    /** A line of plain text. */
    public static LayoutLine plain(int number, String text) {
        return new LayoutLine(number, text, null);
    }
}
