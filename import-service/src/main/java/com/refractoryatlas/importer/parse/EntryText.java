package com.refractoryatlas.importer.parse;

import com.refractoryatlas.importer.parse.layout.LayoutLine;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** How a reference entry's wrapped lines join into its text: line-end hyphens repaired, a cut URL or DOI kept whole. */
final class EntryText {

    /** Words opening a line that goes on an entry's notes, not a new entry ("Available from:", "Epub 2012"). */
    private static final Set<String> TRAILING_NOTES = Set.of(
            "Available",
            "Accessed",
            "Retrieved",
            "Epub",
            "PMID",
            "PMCID",
            "DOI",
            "Published",
            "Cited",
            "Erratum",
            "In",
            "Last",
            "Updated",
            "URL",
            "Online",
            "Reprinted",
            "Comment",
            "Review");

    private EntryText() {}

    /** The line opens with a word that continues an entry's notes ("Available from: http…"). */
    static boolean trailingNote(String line) {
        int end = 0;
        while (end < line.length() && Character.isLetter(line.charAt(end))) {
            end++;
        }
        return TRAILING_NOTES.contains(line.substring(0, end));
    }

    /** Appends {@code next} (a stripped line) to the entry's {@code text}. */
    static void append(StringBuilder text, String next) {
        if (text.isEmpty()) {
            text.append(next);
        } else if (Hyphenation.dropHyphen(text, next)) {
            text.setLength(text.length() - 1);
            text.append(next);
        } else if (text.charAt(text.length() - 1) == '-' && !text.toString().endsWith(" -") || insideUrl(text)) {
            text.append(next);
        } else {
            text.append(' ').append(next);
        }
    }

    /** The text of an entry's lines, joined as the segmenter joins them. */
    static String of(List<LayoutLine> lines) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.size() && text.length() <= ReferenceLabeller.MAX_ENTRY_CHARS; i++) {
            append(text, lines.get(i).text().strip());
        }
        return text.toString();
    }

    /** The entry ends inside a DOI or URL cut at a slash or dot ("https://doi.org/10.1016/j."). */
    private static boolean insideUrl(StringBuilder text) {
        int space = text.lastIndexOf(" ");
        String last = text.substring(space + 1).toLowerCase(Locale.ROOT);
        char end = last.isEmpty() ? ' ' : last.charAt(last.length() - 1);
        return (last.startsWith("http")
                        || last.startsWith("10.")
                        || last.startsWith("doi:10.")
                        || last.startsWith("https://doi"))
                && "/._-".indexOf(end) >= 0;
    }
}
