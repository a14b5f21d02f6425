package com.refractoryatlas.importer.parse;

import java.util.List;

/**
 * A journal article: front matter, body sections, a numbered reference list and the {@code [n]} citations that
 * link the body to it.
 *
 * @param sections body sections in order (front matter, references and editorial footer excluded; unknown
 *     sections kept)
 * @param references every numbered reference entry, in list order
 * @param citations one entry per cited reference number that exists in {@link #references()}, sorted by number
 */
public record JournalArticle(
        String source,
        ArticleMetadata metadata,
        List<Section> sections,
        List<ParsedReference> references,
        List<ParsedCitation> citations,
        List<ParseIssue> issues)
        implements ParsedDocument {

    public JournalArticle {
        sections = List.copyOf(sections);
        references = List.copyOf(references);
        citations = List.copyOf(citations);
        issues = List.copyOf(issues);
    }
}
