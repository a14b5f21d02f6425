package com.refractoryatlas.importer.parse.bibliography;

import com.refractoryatlas.importer.parse.ParsedAuthor;
import com.refractoryatlas.importer.parse.StructuredFields;
import com.refractoryatlas.importer.parse.jats.Years;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * PubMed's MEDLINE text format: what PubMed saves as "Citation manager" ({@code .nbib}) or "PubMed" format
 * ({@code .txt}). Each record starts at a {@code PMID- } line; a field is a tag of up to four letters padded to four,
 * {@code "- "} and its value, continued on lines indented by six spaces. citeproc-java has no reader for it; the
 * fields are those of the PubMed XML reader ({@link PubMedFile}): the journal is the NLM title abbreviation
 * ({@code TA}, what Vancouver lists print), else the full title ({@code JT}); authors from {@code FAU} ("Family,
 * Given"), else {@code AU} ("Family Initials"), with {@code CN} for a group; the DOI from the {@code LID} or
 * {@code AID} marked {@code [doi]}. One pass over the lines, each record capped at {@link Entries#MAX_ENTRY_CHARS}.
 */
final class MedlineFile {

    private static final int TAG_WIDTH = 4;
    private static final int VALUE_START = TAG_WIDTH + 2;
    private static final String CONTINUATION = "      ";
    private static final String DOI_MARK = "[doi]";

    private MedlineFile() {}

    /** One record's fields as read. */
    private static final class Rec {
        final int line;
        final StringBuilder raw = new StringBuilder();
        final List<ParsedAuthor> fullNames = new ArrayList<>();
        final List<ParsedAuthor> shortNames = new ArrayList<>();
        final StringBuilder value = new StringBuilder();

        @Nullable
        String tag;

        @Nullable
        String title;

        @Nullable
        String bookTitle;

        @Nullable
        String abbreviation;

        @Nullable
        String journal;

        @Nullable
        String volume;

        @Nullable
        String issue;

        @Nullable
        String pages;

        @Nullable
        String date;

        @Nullable
        String doi;

        Rec(int line) {
            this.line = line;
        }
    }

    static void read(String text, Entries entries) {
        Rec rec = null;
        int lineNumber = 0;
        for (String line : text.split("\r?\n", -1)) {
            lineNumber++;
            String tag = tagOf(line);
            if ("PMID".equals(tag)) {
                finish(rec, entries);
                if (!entries.accepting()) {
                    return;
                }
                rec = new Rec(lineNumber);
            }
            if (rec == null || rec.raw.length() > Entries.MAX_ENTRY_CHARS) {
                continue;
            }
            if (tag != null) {
                field(rec);
                rec.tag = tag;
                rec.value.setLength(0);
                rec.value.append(line.substring(VALUE_START).strip());
            } else if (line.startsWith(CONTINUATION) && rec.tag != null) {
                rec.value.append(' ').append(line.strip());
            }
            rec.raw.append(line).append('\n');
        }
        finish(rec, entries);
    }

    /** The tag of a field line ({@code "TI  - "}, {@code "FAU - "}, {@code "PMID- "}), else null. */
    static @Nullable String tagOf(String line) {
        if (line.length() < VALUE_START || line.charAt(TAG_WIDTH) != '-' || line.charAt(TAG_WIDTH + 1) != ' ') {
            return null;
        }
        int end = 0;
        while (end < TAG_WIDTH && Character.isUpperCase(line.charAt(end))) {
            end++;
        }
        if (end < 2) {
            return null;
        }
        for (int i = end; i < TAG_WIDTH; i++) {
            if (line.charAt(i) != ' ') {
                return null;
            }
        }
        return line.substring(0, end);
    }

    /** Files the field just ended. */
    private static void field(Rec r) {
        if (r.tag == null) {
            return;
        }
        String v = r.value.toString();
        if (v.isBlank()) {
            return;
        }
        switch (r.tag) {
            case "TI" -> r.title = first(r.title, v);
            case "BTI" -> r.bookTitle = first(r.bookTitle, v);
            case "TA" -> r.abbreviation = first(r.abbreviation, v);
            case "JT" -> r.journal = first(r.journal, v);
            case "VI" -> r.volume = first(r.volume, v);
            case "IP" -> r.issue = first(r.issue, v);
            case "PG" -> r.pages = first(r.pages, v);
            case "DP" -> r.date = first(r.date, v);
            case "LID", "AID" -> r.doi = first(r.doi, doi(v));
            case "FAU" -> r.fullNames.add(StructuredFields.familyGiven(v)); // "Shruthi, Basavaradhya Sahukar"
            case "AU" -> r.shortNames.add(shortName(v));
            case "CN" -> {
                r.fullNames.add(new ParsedAuthor(StructuredFields.collapse(v), null, null));
                r.shortNames.add(new ParsedAuthor(StructuredFields.collapse(v), null, null));
            }
            default -> {
                // a field no reference holds (abstract, MeSH terms, affiliations, ...)
            }
        }
    }

    private static void finish(@Nullable Rec r, Entries entries) {
        if (r == null || !entries.accepting()) {
            return;
        }
        field(r);
        r.tag = null;
        boolean book = r.title == null && r.bookTitle != null;
        entries.add(
                r.fullNames.isEmpty() ? r.shortNames : r.fullNames,
                book ? r.bookTitle : r.title,
                book ? null : first(r.abbreviation, r.journal),
                r.volume,
                r.issue,
                r.pages,
                Years.first(r.date),
                r.doi,
                r.raw.toString(),
                r.line);
    }

    /** "Shruthi BS": the family name, then the initials as the last word when they are capitals. */
    private static ParsedAuthor shortName(String v) {
        int space = v.lastIndexOf(' ');
        if (space > 0) {
            String initials = v.substring(space + 1);
            if (initials.equals(initials.toUpperCase(Locale.ROOT)) && initials.length() <= TAG_WIDTH) {
                return new ParsedAuthor(StructuredFields.collapse(v.substring(0, space)), initials, null);
            }
        }
        return new ParsedAuthor(StructuredFields.collapse(v), null, null);
    }

    /** "10.4103/2277-9175.180636 [doi]": the identifier marked as a DOI, else null. */
    private static @Nullable String doi(String v) {
        return v.endsWith(DOI_MARK)
                ? v.substring(0, v.length() - DOI_MARK.length()).strip()
                : null;
    }

    private static @Nullable String first(@Nullable String current, @Nullable String candidate) {
        return current != null ? current : candidate;
    }
}
