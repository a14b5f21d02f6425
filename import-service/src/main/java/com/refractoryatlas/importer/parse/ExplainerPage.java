package com.refractoryatlas.importer.parse;

import java.util.List;

/**
 * An explainer web page: a title and headed sections of prose, usually without authors, DOI or references. It
 * contributes conditions, therapies, mechanisms and criteria, never evidence. Knowledge is extracted from it after
 * parsing ({@link DocumentBody}).
 *
 * @param navigationLinks trailing link texts of the web page (titles of other pages), kept out of the sections
 */
public record ExplainerPage(
        String source, String title, List<Section> sections, List<String> navigationLinks, List<ParseIssue> issues)
        implements ParsedDocument {

    public ExplainerPage {
        sections = List.copyOf(sections);
        navigationLinks = List.copyOf(navigationLinks);
        issues = List.copyOf(issues);
    }
}
