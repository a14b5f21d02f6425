package com.refractoryatlas.importer.parse;

import java.util.List;

/**
 * A reference-manager file (BibTeX, RIS, EndNote, CSL-JSON) or a PubMed/MEDLINE export: a list of cited works with
 * no body, so no sections and no citations. It is imported as one article of kind {@code REFERENCE_LIST} so that its
 * entries become references that curators and treatments can point at, and the file stays one auditable unit.
 *
 * @param title the file's name without its extension (the source when it has none)
 * @param references every readable entry, numbered from 1 in file order; unreadable entries are left out with a
 *     {@link ParseIssue.Code#MALFORMED_ENTRY} warning each
 * @param format the format it was read as ({@code BIBTEX}, {@code RIS}, ...), for the job's audit trail
 */
public record ReferenceList(
        String source, String title, String format, List<ParsedReference> references, List<ParseIssue> issues)
        implements ParsedDocument {

    public ReferenceList {
        references = List.copyOf(references);
        issues = List.copyOf(issues);
    }
}
