package com.refractoryatlas.importer.parse.bibliography;

import com.refractoryatlas.importer.parse.ParsedAuthor;
import com.refractoryatlas.importer.parse.StructuredFields;
import com.refractoryatlas.importer.parse.jats.Years;
import de.undercouch.citeproc.csl.CSLDate;
import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.csl.CSLName;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * citeproc-java's {@link CSLItemData}, the common form its BibTeX, RIS, EndNote and CSL-JSON readers produce, as
 * one reference. Names keep their particles in the family name ("van der Wee"), as the text path does.
 */
final class CslMapping {

    private CslMapping() {}

    static void add(Entries entries, CSLItemData item, String raw, int line) {
        add(entries, item, Fallback.NONE, raw, line);
    }

    /** What a format's own record says when its converter left the CSL field empty. */
    record Fallback(
            @Nullable String title,
            List<ParsedAuthor> authors,
            @Nullable String container,
            @Nullable Integer year,
            @Nullable String doi) {

        static final Fallback NONE = new Fallback(null, List.of(), null, null, null);
    }

    static void add(Entries entries, CSLItemData item, Fallback fallback, String raw, int line) {
        add(entries, item, fallback, raw, line, false);
    }

    /**
     * Adds the item; with {@code ownNames}, the format's own name list ({@code fallback.authors()}) wins over the
     * converter's, for formats that print "Family, Given, Suffix" where BibTeX rules read "Family, Suffix, Given".
     */
    static void add(Entries entries, CSLItemData item, Fallback fallback, String raw, int line, boolean ownNames) {
        String container = first(item.getContainerTitle(), fallback.container());
        Integer year = year(item.getIssued());
        List<ParsedAuthor> authors = authors(item.getAuthor());
        entries.add(
                authors.isEmpty() || ownNames ? fallback.authors() : authors,
                first(item.getTitle(), fallback.title()),
                container,
                item.getVolume(),
                first(item.getIssue(), article(item) ? item.getNumber() : null),
                item.getPage(),
                year != null ? year : fallback.year(),
                first(item.getDOI(), fallback.doi()),
                raw,
                line);
    }

    private static boolean article(CSLItemData item) {
        return item.getType() != null && item.getType().toString().startsWith("article");
    }

    static List<ParsedAuthor> authors(CSLName @Nullable [] names) {
        List<ParsedAuthor> out = new ArrayList<>();
        if (names == null) {
            return out;
        }
        for (CSLName n : names) {
            ParsedAuthor a = author(n);
            if (a != null) {
                out.add(a);
            }
        }
        return out;
    }

    private static @Nullable ParsedAuthor author(@Nullable CSLName n) {
        if (n == null) {
            return null;
        }
        String family = join(n.getDroppingParticle(), n.getNonDroppingParticle(), n.getFamily());
        if (family.equalsIgnoreCase("others") && n.getGiven() == null) {
            return null;
        }
        if (family.isEmpty()) {
            String literal = n.getLiteral() == null ? "" : StructuredFields.collapse(n.getLiteral());
            return literal.isEmpty() ? null : new ParsedAuthor(literal, null, null);
        }
        return new ParsedAuthor(family, blankToNull(n.getGiven()), blankToNull(n.getSuffix()));
    }

    static @Nullable Integer year(@Nullable CSLDate date) {
        if (date == null) {
            return null;
        }
        int[][] parts = date.getDateParts();
        if (parts != null && parts.length > 0 && parts[0] != null && parts[0].length > 0) {
            return Years.first(String.valueOf(parts[0][0]));
        }
        Integer raw = Years.first(date.getRaw());
        return raw != null ? raw : Years.first(date.getLiteral());
    }

    private static String join(@Nullable String... parts) {
        StringBuilder out = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                if (!out.isEmpty()) {
                    out.append(' ');
                }
                out.append(StructuredFields.collapse(p));
            }
        }
        return out.toString();
    }

    static @Nullable String first(@Nullable String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : StructuredFields.collapse(s);
    }
}
