package com.refractoryatlas.importer.job;

import com.refractoryatlas.importer.ImportProperties;
import com.refractoryatlas.importer.write.ArticleInput;
import java.util.ArrayList;
import java.util.List;

/**
 * The document limits that need the parsed document (sections, their length, references, citing sentences),
 * checked after parsing and before any write. Messages name the limit in the words of the docs and never quote the
 * document.
 */
final class DocumentLimits {

    private final ImportProperties.Limits limits;

    DocumentLimits(ImportProperties.Limits limits) {
        this.limits = limits;
    }

    /** Every limit the article breaks; empty when it may be written. */
    List<ImportError> check(ArticleInput article) {
        var errors = new ArrayList<ImportError>();
        if (article.sections().size() > limits.sections()) {
            errors.add(new ImportError(
                    ImportError.TOO_MANY_SECTIONS,
                    "The document has " + article.sections().size() + " sections; at most " + limits.sections()
                            + " are accepted (limit: sections per document)",
                    null));
        }
        for (int i = 0; i < article.sections().size(); i++) {
            int length = article.sections().get(i).text().length();
            if (length > limits.sectionCharacters()) {
                errors.add(new ImportError(
                        ImportError.SECTION_TOO_LONG,
                        "Section " + (i + 1) + " has " + length + " characters; at most " + limits.sectionCharacters()
                                + " are accepted (limit: characters per section)",
                        null));
                break;
            }
        }
        if (article.references().size() > limits.references()) {
            errors.add(new ImportError(
                    ImportError.TOO_MANY_REFERENCES,
                    "The reference list has " + article.references().size() + " entries; at most " + limits.references()
                            + " are accepted (limit: references per document)",
                    null));
        }
        for (var citation : article.citations()) {
            if (citation.contexts().size() > limits.citationContexts()) {
                errors.add(new ImportError(
                        ImportError.TOO_MANY_CITATION_CONTEXTS,
                        "Reference " + citation.number() + " is cited by "
                                + citation.contexts().size()
                                + " sentences; at most " + limits.citationContexts()
                                + " are accepted (limit: citing sentences per reference)",
                        null));
                break;
            }
        }
        return errors;
    }
}
