package com.refractoryatlas.importer.parse;

import com.refractoryatlas.importer.parse.layout.LayoutLine;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Stage 2's output: one labelled zone of a document — the closed set of what a line of an article or a web page can
 * be. The segmenter produces them in reading order; the assembler reads them with an exhaustive {@code switch}. Every
 * zone keeps the layout lines it was made from, so that issues keep their line numbers and a debug view can show
 * line → label ({@link Zones#debug()}).
 */
sealed interface Zone {

    /** The layout lines of the zone, in reading order (empty only for a zone the segmenter inferred). */
    List<LayoutLine> lines();

    /** A short upper-case label for the debug view. */
    String label();

    /** 1-based first line, 0 for an inferred zone. */
    default int line() {
        return lines().isEmpty() ? 0 : lines().get(0).number();
    }

    /** The lines' text cleaned of markup and joined with spaces. */
    default String text() {
        StringBuilder out = new StringBuilder();
        for (LayoutLine l : lines()) {
            String c = Markup.clean(l.text());
            if (!c.isEmpty()) {
                out.append(out.isEmpty() ? "" : " ").append(c);
            }
        }
        return out.toString();
    }

    /** The lines as printed, stripped and joined with spaces (markup kept, for readers of emphasis). */
    default String raw() {
        StringBuilder out = new StringBuilder();
        for (LayoutLine l : lines()) {
            out.append(out.isEmpty() ? "" : " ").append(l.text().strip());
        }
        return out.toString();
    }

    /** The document's title. */
    record Title(String title, List<LayoutLine> lines) implements Zone {
        public String label() {
            return "TITLE";
        }
    }

    /** The authors' names as printed under the title. */
    record Byline(List<LayoutLine> lines) implements Zone {
        public String label() {
            return "BYLINE";
        }
    }

    /** One or more affiliation lines (marks removed by the assembler). */
    record Affiliation(List<LayoutLine> lines) implements Zone {
        public String label() {
            return "AFFILIATION";
        }
    }

    /**
     * A section heading.
     *
     * @param references whether it opens the reference list
     */
    record Heading(String heading, boolean references, List<LayoutLine> lines) implements Zone {
        public String label() {
            return references ? "REFERENCE_HEADING" : "HEADING";
        }
    }

    /** Body prose: one paragraph, or part of one that a page break cut. */
    record Paragraph(List<LayoutLine> lines) implements Zone {
        public String label() {
            return "PARAGRAPH";
        }
    }

    /**
     * One entry of the reference list.
     *
     * @param number the printed number, null for an unnumbered (author-year) entry
     * @param inline the number is printed with the entry ("8. Larson E. …"), not apart from it
     * @param entry its text, lines joined and line-end hyphens repaired
     */
    record ReferenceEntry(@Nullable Integer number, boolean inline, String entry, List<LayoutLine> lines)
            implements Zone {
        public String label() {
            return "REFERENCE" + (number == null ? "" : " " + number);
        }
    }

    /** A figure or table caption ("Figure 2.", "Table 1"). */
    record Caption(List<LayoutLine> lines) implements Zone {
        public String label() {
            return "CAPTION";
        }
    }

    /** The cells of a table as text lines: short, number-heavy lines. */
    record Table(List<LayoutLine> lines) implements Zone {
        public String label() {
            return "TABLE";
        }
    }

    /** Running headers and footers, page numbers, download stamps, banners: kept out of the text. */
    record PageFurniture(List<LayoutLine> lines) implements Zone {
        public String label() {
            return "FURNITURE";
        }
    }

    /** The trailing links of a web page ("Read more", "Related: ..."). */
    record Navigation(List<LayoutLine> lines) implements Zone {
        public String label() {
            return "NAVIGATION";
        }
    }

    /** What a front-matter or editorial line holds. */
    enum FrontKind {
        /** Article-type label ("Research Article", "Open Access"). */
        LABEL,
        /** A line whose content is the article's DOI. */
        DOI,
        /** Journal banner: name, volume, year. */
        JOURNAL,
        /** Editorial dates, manuscript numbers ("Received: ...; Accepted: ..."). */
        DATES,
        KEYWORDS,
        CORRESPONDENCE,
        /** "How to cite this article", "Citation:". */
        CITE_AS,
        /** Copyright and licence statements. */
        COPYRIGHT
    }

    /** A front-matter or editorial-footer line: DOI, journal banner, dates, keywords, correspondence... */
    record FrontMatter(FrontKind kind, List<LayoutLine> lines) implements Zone {
        public String label() {
            return kind.name();
        }
    }
}
