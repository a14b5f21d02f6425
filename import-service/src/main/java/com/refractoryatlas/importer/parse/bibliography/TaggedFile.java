package com.refractoryatlas.importer.parse.bibliography;

import com.refractoryatlas.importer.parse.jats.Years;
import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.endnote.EndNoteConverter;
import de.undercouch.citeproc.endnote.EndNoteParser;
import de.undercouch.citeproc.endnote.EndNoteReference;
import de.undercouch.citeproc.ris.RISConverter;
import de.undercouch.citeproc.ris.RISParser;
import de.undercouch.citeproc.ris.RISReference;
import de.undercouch.citeproc.ris.RISType;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The two line-tagged formats: RIS ({@code TY  - JOUR} ... {@code ER  - }) through citeproc-java's {@link RISParser}
 * and {@link RISConverter}, and EndNote's tagged export ({@code %0 Journal Article}, {@code %A}, {@code %T}...)
 * through its {@link EndNoteParser} and {@link EndNoteConverter}. Records are cut line by line first, so that each is
 * parsed alone; a RIS record without its {@code ER} line is read up to the next {@code TY} with a warning.
 */
final class TaggedFile {

    private static final int TAG_LENGTH = 2;

    private TaggedFile() {}

    static void readRis(String text, Entries entries) {
        RISConverter converter = new RISConverter();
        for (Chunk chunk : risRecords(text)) {
            if (!entries.accepting()) {
                return;
            }
            if (chunk.problem() != null) {
                entries.issues()
                        .warning(
                                com.refractoryatlas.importer.parse.ParseIssue.Code.MALFORMED_ENTRY,
                                "RIS record at line " + chunk.line() + " " + chunk.problem(),
                                chunk.line());
            }
            try {
                for (RISReference ref :
                        new RISParser().parse(new StringReader(chunk.text())).getReferences()) {
                    CSLItemData item = converter.toItemData(ref);
                    String container =
                            CslMapping.first(ref.getJournal(), ref.getSecondaryTitle(), ref.getBookOrConference());
                    Integer year = Years.first(CslMapping.first(ref.getYear(), ref.getDate()));
                    var tags = tags(chunk.text());
                    String title = CslMapping.first(ref.getTitle(), ref.getPrimaryTitle(), first(tags, "T1"));
                    String journal =
                            CslMapping.first(container, first(tags, "JF"), first(tags, "JO"), first(tags, "JA"));
                    List<com.refractoryatlas.importer.parse.ParsedAuthor> authors = names(ref.getAuthors());
                    if (authors.isEmpty()) {
                        authors = names(tags.getOrDefault("AU", tags.getOrDefault("A1", List.of()))
                                .toArray(String[]::new));
                    }
                    String doi = CslMapping.first(ref.getDOI(), first(tags, "DO"), doiLike(first(tags, "M3")));
                    var fallback = new CslMapping.Fallback(title, authors, journal, year, doi);
                    CslMapping.add(entries, item, fallback, chunk.text(), chunk.line());
                }
            } catch (IOException | RuntimeException e) {
                entries.malformed(
                        "RIS record at line " + chunk.line() + " could not be read: " + e.getMessage(), chunk.line());
            }
        }
    }

    static void readEndNote(String text, Entries entries) {
        EndNoteConverter converter = new EndNoteConverter();
        for (Chunk chunk : endNoteRecords(text)) {
            if (!entries.accepting()) {
                return;
            }
            try {
                for (EndNoteReference ref : new EndNoteParser()
                        .parse(new StringReader(chunk.text()))
                        .getReferences()) {
                    CSLItemData item = converter.toItemData(ref);
                    String container = CslMapping.first(ref.getJournal(), ref.getBookOrConference());
                    Integer year = Years.first(CslMapping.first(ref.getYear(), ref.getDate()));
                    List<com.refractoryatlas.importer.parse.ParsedAuthor> authors = names(ref.getAuthors());
                    var fallback = new CslMapping.Fallback(
                            ref.getTitle(), authors, container, year, ref.getElectronicResourceNumber());
                    CslMapping.add(entries, item, fallback, chunk.text(), chunk.line(), !authors.isEmpty());
                }
            } catch (IOException | RuntimeException e) {
                entries.malformed(
                        "EndNote record at line " + chunk.line() + " could not be read: " + e.getMessage(),
                        chunk.line());
            }
        }
    }

    /**
     * Names printed one per tag line: "Family, Given[, Suffix]" is one person; a line without a comma ("Smith J",
     * "World Health Organization") goes through the text path's name splitter.
     */
    private static List<com.refractoryatlas.importer.parse.ParsedAuthor> names(String @Nullable [] printed) {
        List<com.refractoryatlas.importer.parse.ParsedAuthor> out = new ArrayList<>();
        if (printed == null) {
            return out;
        }
        for (String name : printed) {
            if (name != null && !name.isBlank()) {
                if (name.contains(",")) {
                    out.add(com.refractoryatlas.importer.parse.StructuredFields.familyGiven(name));
                } else {
                    out.addAll(com.refractoryatlas.importer.parse.StructuredFields.authors(name));
                }
            }
        }
        return out;
    }

    /** The record's own tag lines: the fields some RIS dialects use that the converter does not map. */
    private static java.util.Map<String, List<String>> tags(String record) {
        java.util.Map<String, List<String>> out = new java.util.HashMap<>();
        for (String line : record.split("\n")) {
            if (line.length() > TAG_LENGTH + 4 && line.startsWith("  - ", TAG_LENGTH)) {
                out.computeIfAbsent(line.substring(0, TAG_LENGTH), k -> new ArrayList<>())
                        .add(line.substring(TAG_LENGTH + 4).strip());
            }
        }
        return out;
    }

    private static @Nullable String first(java.util.Map<String, List<String>> tags, String tag) {
        List<String> values = tags.get(tag);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static @Nullable String doiLike(@Nullable String value) {
        return value != null && value.strip().startsWith("10.") ? value : null;
    }

    /** RIS records: from a {@code TY} line to its {@code ER} line, tags normalised to {@code XX  - value}. */
    static List<Chunk> risRecords(String text) {
        List<Chunk> out = new ArrayList<>();
        StringBuilder record = null;
        int start = 0;
        int lineNumber = 0;
        for (String raw : text.split("\r?\n", -1)) {
            lineNumber++;
            String line = normaliseRisLine(raw);
            String tag =
                    line.length() >= TAG_LENGTH + 3 && line.startsWith("  - ", TAG_LENGTH) ? line.substring(0, 2) : "";
            if (tag.equals("TY")) {
                line = knownType(line);
                if (record != null) {
                    out.add(new Chunk(
                            record.append("ER  - \n").toString(), start, "has no ER line; read up to the next TY"));
                }
                record = new StringBuilder(line).append('\n');
                start = lineNumber;
            } else if (tag.equals("ER") || line.strip().equals("ER  -")) {
                if (record != null) {
                    out.add(new Chunk(record.append("ER  - \n").toString(), start, tooLong(record)));
                }
                record = null;
            } else if (record != null && record.length() <= Entries.MAX_ENTRY_CHARS) {
                continueRecord(record, line);
            }
        }
        if (record != null) {
            out.add(new Chunk(record.append("ER  - \n").toString(), start, "has no ER line at the end of the file"));
        }
        return out;
    }

    /**
     * The {@code TY} line with a type the RIS specification lists; any other ({@code MISC}, BibTeX's catch-all, which
     * BibTeX-to-RIS converters write, or a manager's own type) becomes {@code GEN}, generic: the parser refuses the
     * whole record for its type, while its fields still say what it is.
     */
    private static String knownType(String line) {
        try {
            RISType.fromString(line.substring(TAG_LENGTH + 4).strip());
            return line;
        } catch (IllegalArgumentException e) {
            return "TY  - GEN";
        }
    }

    /** A tag line, or a continuation of the previous tag's value (exporters wrap long abstracts). */
    private static void continueRecord(StringBuilder record, String line) {
        boolean tagged = line.length() >= TAG_LENGTH + 4 && line.startsWith("  - ", TAG_LENGTH);
        if (tagged && line.length() == TAG_LENGTH + 4) {
            // an empty field ("IS  - ", as ScienceDirect exports it): the parser refuses the record for it
            return;
        }
        if (tagged || line.isBlank()) {
            record.append(line).append('\n');
            return;
        }
        if (!record.isEmpty() && record.charAt(record.length() - 1) == '\n') {
            record.setLength(record.length() - 1);
        }
        record.append(' ').append(line.strip()).append('\n');
    }

    private static @Nullable String tooLong(StringBuilder record) {
        return record.length() > Entries.MAX_ENTRY_CHARS
                ? "is longer than " + Entries.MAX_ENTRY_CHARS + " characters; cut"
                : null;
    }

    /** {@code "TY - JOUR"}, {@code "TY  -JOUR"}: the tag, two spaces, a hyphen and a space, as the parser expects. */
    private static String normaliseRisLine(String raw) {
        String line = raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
        if (line.length() < TAG_LENGTH + 1 || !Character.isUpperCase(line.charAt(0))) {
            return line;
        }
        char second = line.charAt(1);
        if (!Character.isUpperCase(second) && !Character.isDigit(second)) {
            return line;
        }
        int i = TAG_LENGTH;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        if (i == TAG_LENGTH || i > TAG_LENGTH + 2 || i >= line.length() || line.charAt(i) != '-') {
            return line;
        }
        String value = line.substring(i + 1).strip();
        return line.substring(0, TAG_LENGTH) + "  - " + value;
    }

    /** EndNote tagged records: each starts with a {@code %0} line (or the first {@code %} line of the file). */
    static List<Chunk> endNoteRecords(String text) {
        List<Chunk> out = new ArrayList<>();
        StringBuilder record = null;
        int start = 0;
        int lineNumber = 0;
        for (String line : text.split("\r?\n", -1)) {
            lineNumber++;
            boolean tagged = line.length() >= 2 && line.charAt(0) == '%' && line.charAt(1) != ' ';
            if (tagged && (line.startsWith("%0") || record == null)) {
                if (record != null) {
                    out.add(new Chunk(record.toString(), start, null));
                }
                record = new StringBuilder();
                start = lineNumber;
            }
            if (record != null && !line.isBlank() && record.length() <= Entries.MAX_ENTRY_CHARS) {
                record.append(line).append('\n');
            }
        }
        if (record != null) {
            out.add(new Chunk(record.toString(), start, null));
        }
        return out;
    }
}
