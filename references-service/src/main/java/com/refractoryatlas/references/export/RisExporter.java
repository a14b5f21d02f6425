package com.refractoryatlas.references.export;

import com.refractoryatlas.references.reference.Author;
import com.refractoryatlas.references.reference.Reference;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Writes references as RIS records ({@code TY JOUR} ... {@code ER}) with the standard tags reference managers read:
 * one {@code AU} per author in order, {@code TI}, {@code T2}/{@code JO}, {@code VL}, {@code IS}, {@code SP}/{@code EP},
 * {@code PY}, {@code DO}. Lines end with CR LF as the format specifies; line breaks inside values become spaces.
 */
@Component
public class RisExporter {

    private static final String EOL = "\r\n";
    private static final Pattern RANGE = Pattern.compile("^\\s*(\\S+?)\\s*[-\u2013\u2014]+\\s*(\\S+)\\s*$");
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\t]+");

    public String export(Reference reference) {
        var ris = new StringBuilder();
        append(ris, reference);
        return ris.toString();
    }

    public String export(List<Reference> references) {
        var ris = new StringBuilder();
        for (var reference : references) {
            append(ris, reference);
            ris.append(EOL);
        }
        return ris.toString();
    }

    private static void append(StringBuilder ris, Reference reference) {
        tag(ris, "TY", "JOUR");
        reference.authors().forEach(author -> tag(ris, "AU", name(author)));
        tag(ris, "TI", reference.title());
        tag(ris, "T2", reference.journal());
        tag(ris, "JO", reference.journal());
        tag(ris, "VL", reference.volume());
        tag(ris, "IS", reference.issue());
        pages(ris, reference.pages());
        tag(ris, "PY", reference.year() == null ? null : reference.year().toString());
        tag(ris, "DO", reference.doi());
        ris.append("ER  - ").append(EOL);
    }

    private static void pages(StringBuilder ris, @Nullable String pages) {
        if (pages == null) {
            return;
        }
        var range = RANGE.matcher(pages);
        if (range.matches()) {
            tag(ris, "SP", range.group(1));
            tag(ris, "EP", range.group(2));
        } else {
            tag(ris, "SP", pages);
        }
    }

    /** "Family, Given, Suffix", the RIS author form. */
    private static String name(Author author) {
        var name = new StringBuilder(author.family());
        if (author.given() != null || author.suffix() != null) {
            name.append(", ").append(author.given() == null ? "" : author.given());
        }
        if (author.suffix() != null) {
            name.append(", ").append(author.suffix());
        }
        return name.toString();
    }

    private static void tag(StringBuilder ris, String tag, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        ris.append(tag)
                .append("  - ")
                .append(LINE_BREAKS.matcher(value).replaceAll(" ").strip())
                .append(EOL);
    }
}
