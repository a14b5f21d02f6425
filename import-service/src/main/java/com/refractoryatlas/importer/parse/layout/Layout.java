package com.refractoryatlas.importer.parse.layout;

import java.util.List;

/**
 * A document as lines in reading order: the one input of the segmenter, whatever format the document came in.
 * A PDF reader has already rebuilt the reading order (columns), removed page furniture it could see from geometry
 * and joined nothing; a text reader gives the lines as printed.
 *
 * @param lines in reading order; {@link LayoutLine#number()} is the 1-based line (text) or running line (PDF)
 *     that issues refer to
 * @param pages pages the source had (1 for text)
 */
public record Layout(List<LayoutLine> lines, int pages) {

    public Layout {
        lines = List.copyOf(lines);
    }

    /** The lines' text joined with {@code \n}, for stages that only read text. */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (LayoutLine line : lines) {
            text.append(line.text()).append('\n');
        }
        return text.toString();
    }
}
