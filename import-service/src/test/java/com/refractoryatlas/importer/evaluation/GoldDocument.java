package com.refractoryatlas.importer.evaluation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One file of the corpus that the parser reads, described in its article's gold.
 *
 * @param format JATS, PDF, PDFTOTEXT, PDFTOTEXT_LAYOUT, PDFTOTEXT_RAW, PDFJS_TEXT (what copying from Firefox's PDF
 *     viewer gives), BIBTEX, RIS, CSL_JSON, ...
 * @param origin "real" (as published) or "rendered-vancouver" / "rendered-apa" (made from the JATS by the corpus
 *     tools, so its gold is exact by construction)
 * @param numbered whether this file prints its reference list numbered (a rendered APA list is not, even when the
 *     article's is)
 * @param unprinted per gold reference number, the gold fields this file does not print (found by the corpus tools
 *     in its text): they are left out of its evaluation
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record GoldDocument(
        String file,
        String format,
        String origin,
        boolean numbered,
        @Nullable Map<String, List<String>> unprinted) {

    GoldDocument {
        unprinted = unprinted == null ? Map.of() : Map.copyOf(unprinted);
    }

    /** True when the field is printed for that reference in this file. */
    boolean prints(int reference, Field field) {
        List<String> missing = unprinted().getOrDefault(Integer.toString(reference), List.of());
        return !missing.contains(field.goldName());
    }

    /** The report groups real and rendered files apart. */
    String group() {
        String f =
                switch (format) {
                    case "PDF" -> "PDF";
                    case "PDFTOTEXT" -> "pdftotext";
                    case "PDFTOTEXT_LAYOUT" -> "pdftotext -layout";
                    case "PDFTOTEXT_RAW" -> "pdftotext -raw";
                    case "PDFJS_TEXT" -> "pdf.js text";
                    default -> format;
                };
        return origin.equals("real") ? f : f + " (rendered)";
    }

    static final Set<String> FORMATS = Set.of(
            "JATS",
            "PDF",
            "PDFTOTEXT",
            "PDFTOTEXT_LAYOUT",
            "PDFTOTEXT_RAW",
            "PDFJS_TEXT",
            "BIBTEX",
            "RIS",
            "CSL_JSON",
            "PUBMED_XML",
            "ENDNOTE_XML",
            "TEXT");
}
