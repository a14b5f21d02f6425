package com.refractoryatlas.importer.parse.bibliography;

import com.refractoryatlas.importer.parse.ParsedAuthor;
import com.refractoryatlas.importer.parse.StructuredFields;
import com.refractoryatlas.importer.parse.jats.SafeXml;
import com.refractoryatlas.importer.parse.jats.Years;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * EndNote's XML export ({@code <xml><records><record>}): titles, the periodical or secondary title as the journal,
 * authors printed "Family, Given" (split by the text path's name splitter), volume, number, pages, year and the
 * electronic resource number (the DOI). Field text sits in {@code <style>} runs, read as inline markup.
 */
final class EndNoteXmlFile extends XmlFields {

    private static final Set<String> SKIPPED = Set.of("abstract", "keywords", "notes", "research-notes", "urls");

    private final Entries entries;
    private @Nullable Rec rec;

    private static final class Rec {
        private final int line;
        private final List<ParsedAuthor> authors = new ArrayList<>();
        private final StringBuilder raw = new StringBuilder();
        private @Nullable String title;
        private @Nullable String secondary;
        private @Nullable String periodical;
        private @Nullable String volume;
        private @Nullable String number;
        private @Nullable String pages;
        private @Nullable String year;
        private @Nullable String doi;

        private Rec(int line) {
            this.line = line;
        }
    }

    EndNoteXmlFile(Entries entries) {
        super(SKIPPED);
        this.entries = entries;
    }

    @Override
    boolean start(String name, String parent, XMLStreamReader reader) {
        if (name.equals("record")) {
            rec = new Rec(SafeXml.line(reader));
            return false;
        }
        if (rec == null) {
            return false;
        }
        return switch (name) {
            case "author" -> parent.equals("authors");
            case "title",
                    "secondary-title",
                    "full-title",
                    "abbr-1",
                    "volume",
                    "number",
                    "pages",
                    "year",
                    "electronic-resource-num" -> true;
            default -> false;
        };
    }

    @Override
    void field(String name, String parent, String text, int line) {
        Rec r = rec;
        if (r == null || text.isEmpty()) {
            return;
        }
        r.raw.append(text).append(". ");
        switch (name) {
            case "author" -> r.authors.addAll(StructuredFields.authors(text.contains(",") ? text + ";" : text));
            case "title" -> r.title = r.title == null && parent.equals("titles") ? text : r.title;
            case "secondary-title" -> r.secondary = r.secondary == null ? text : r.secondary;
            case "full-title", "abbr-1" -> r.periodical = r.periodical == null ? text : r.periodical;
            case "volume" -> r.volume = text;
            case "number" -> r.number = text;
            case "pages" -> r.pages = text;
            case "year" -> r.year = r.year == null ? text : r.year;
            default -> r.doi = r.doi == null ? text : r.doi;
        }
    }

    @Override
    void end(String name, int line) {
        Rec r = rec;
        if (r == null || !name.equals("record")) {
            return;
        }
        rec = null;
        if (entries.accepting()) {
            entries.add(
                    r.authors,
                    r.title,
                    r.periodical != null ? r.periodical : r.secondary,
                    r.volume,
                    r.number,
                    r.pages,
                    Years.first(r.year),
                    r.doi,
                    r.raw.toString(),
                    r.line);
        }
    }
}
