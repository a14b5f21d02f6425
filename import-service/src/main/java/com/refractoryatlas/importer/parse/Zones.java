package com.refractoryatlas.importer.parse;

import com.refractoryatlas.importer.parse.layout.LayoutLine;
import java.util.List;

/**
 * A segmented document: its zones in reading order. A value, so that tests assert on labels and a curator or
 * developer can see why a document was read the way it was ({@link #debug()}).
 *
 * @param markdown whether the text used markdown headings ({@code ## Methods}), which changes how plain lines read
 * @param highestNumber the highest reference number read, printed with its entry or apart from it (0 for none): the
 *     end of a list whose last numbers were printed apart, even when no entry took them
 */
record Zones(List<Zone> zones, boolean markdown, int highestNumber) {

    private static final int DEBUG_TEXT = 80;

    Zones {
        zones = List.copyOf(zones);
    }

    /** One line per zone: {@code L12-14 HEADING  Methods}. */
    String debug() {
        StringBuilder out = new StringBuilder();
        for (Zone z : zones) {
            List<LayoutLine> lines = z.lines();
            String range = lines.isEmpty()
                    ? "L-"
                    : "L" + lines.get(0).number()
                            + (lines.size() > 1
                                    ? "-" + lines.get(lines.size() - 1).number()
                                    : "");
            String text = z instanceof Zone.Heading h ? h.heading() : z.text();
            out.append(String.format(
                    "%-10s %-18s %s%n",
                    range, z.label(), text.length() > DEBUG_TEXT ? text.substring(0, DEBUG_TEXT) + "…" : text));
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return debug();
    }
}
