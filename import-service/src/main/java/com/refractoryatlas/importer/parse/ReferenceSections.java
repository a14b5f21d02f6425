package com.refractoryatlas.importer.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reference sections that are not one: a table's column headed "Reference" (gene names and primers, or body prose
 * citing years, under it) read as the list's heading and its rows as entries, in a document whose real list comes
 * under its own heading. A section before the last one with {@value #CREDIBLE_ENTRIES} or more credible entries, of
 * whose entries at most half read as references (see {@link #readsAsReference}), is read back as a plain heading and
 * paragraphs; a list's own heading printed again on a later page, over entries that read as references, stays. A
 * section runs from its heading to the next heading. One pass over the zones.
 */
final class ReferenceSections {

    /** A year as references print it: "2003", "(1998)", "2014a". */
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(?:1[89]|20)\\d{2}(?!\\d)");
    /** Entries that read as references another section needs before one with none is judged no list. */
    private static final int CREDIBLE_ENTRIES = 2;
    /** Longer than this, an entry is a reference only by opening like one (a long author list does). */
    private static final int MAX_ENTRY_CHARS = 600;

    private ReferenceSections() {}

    /** A section: its heading's index, the indexes of its entries, and how many read as references. */
    private record Section(int heading, List<Integer> entries, int credible) {}

    static List<Zone> withoutFalseSections(List<Zone> zones) {
        List<Section> sections = sections(zones);
        int credible = -1; // the last section whose entries read as references: the list, after any table in the body
        for (int i = 0; i < sections.size(); i++) {
            credible = sections.get(i).credible() >= CREDIBLE_ENTRIES ? i : credible;
        }
        if (credible <= 0) {
            return zones;
        }
        List<Zone> out = new ArrayList<>(zones);
        for (Section s : sections.subList(0, credible)) {
            if (s.entries().isEmpty() || s.credible() * 2 > s.entries().size()) {
                continue;
            }
            Zone.Heading h = (Zone.Heading) zones.get(s.heading());
            out.set(s.heading(), new Zone.Heading(h.heading(), false, h.lines()));
            for (int i : s.entries()) {
                out.set(i, new Zone.Paragraph(zones.get(i).lines()));
            }
        }
        return out;
    }

    /**
     * Opens like an author list, or is no longer than a reference and holds a year: not a gene's row, and not a
     * stretch of body prose citing "(Miller et al., 2009)" under a table's "Reference" column.
     */
    private static boolean readsAsReference(String entry) {
        return opensWithAuthors(entry)
                || entry.length() <= MAX_ENTRY_CHARS && YEAR.matcher(entry).find();
    }

    /** "Smith J, …", "12. World Health Organization. …": an entry without a year that still reads as one. */
    private static boolean opensWithAuthors(String entry) {
        EntryStart numbered = EntryStart.parse(entry);
        return ZoneSegmenter.EntryBuilder.authorStart(numbered != null ? numbered.rest() : entry);
    }

    private static List<Section> sections(List<Zone> zones) {
        List<Section> sections = new ArrayList<>();
        int i = 0;
        while (i < zones.size()) {
            if (!(zones.get(i) instanceof Zone.Heading h && h.references())) {
                i++;
                continue;
            }
            int heading = i++;
            List<Integer> entries = new ArrayList<>();
            int credible = 0;
            // up to the next heading: prose the segmenter set apart (a column of body text) stays in the section
            while (i < zones.size() && !(zones.get(i) instanceof Zone.Heading)) {
                if (zones.get(i) instanceof Zone.ReferenceEntry e) {
                    entries.add(i);
                    if (readsAsReference(e.entry())) {
                        credible++;
                    }
                }
                i++;
            }
            sections.add(new Section(heading, entries, credible));
        }
        return sections;
    }
}
