package com.refractoryatlas.references.article;

import com.refractoryatlas.references.ReferencesProperties;
import com.refractoryatlas.references.article.ArticleInput.AuthorInput;
import com.refractoryatlas.references.article.ArticleInput.ReferenceInput;
import com.refractoryatlas.references.text.TextNormalizer;
import com.refractoryatlas.subgraph.ApiException;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Checks a whole {@link ArticleInput} before anything is written, so that a bad document is rejected with a
 * {@code BAD_USER_INPUT} error naming the offending field ({@code input.references[3].title}) and changes nothing.
 */
@Component
class ArticleInputValidator {

    private static final Pattern SHA256_HEX = Pattern.compile("^[0-9a-fA-F]{64}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");

    private final ReferencesProperties.Limits limits;

    ArticleInputValidator(ReferencesProperties properties) {
        this.limits = properties.limits();
    }

    void validate(ArticleInput input) {
        if (!SHA256_HEX.matcher(input.checksum()).matches()) {
            throw ApiException.badUserInput("input.checksum", "must be the SHA-256 hex digest of the source text");
        }
        required("input.title", input.title());
        optional("input.affiliation", input.affiliation());
        optional("input.journal", input.journal());
        optional("input.volume", input.volume());
        optional("input.articleNumber", input.articleNumber());
        optional("input.manuscriptNumber", input.manuscriptNumber());
        optional("input.importJobId", input.importJobId());
        optional("input.correspondenceEmail", input.correspondenceEmail());
        if (input.correspondenceEmail() != null
                && !input.correspondenceEmail().isBlank()
                && !EMAIL.matcher(input.correspondenceEmail().strip()).matches()) {
            throw ApiException.badUserInput("input.correspondenceEmail", "is not an e-mail address");
        }
        year("input.year", input.year());
        doi("input.doi", input.doi());
        authors("input.authors", input.authors());
        sections(input);
        var numbers = references(input.references());
        citations(input, numbers);
    }

    private void sections(ArticleInput input) {
        size("input.sections", input.sections(), limits.maxSections());
        for (int i = 0; i < input.sections().size(); i++) {
            var section = input.sections().get(i);
            length("input.sections[" + i + "].heading", section.heading(), limits.maxStringLength());
            length("input.sections[" + i + "].text", section.text(), limits.maxSectionTextLength());
        }
    }

    private HashSet<Integer> references(List<ReferenceInput> references) {
        size("input.references", references, limits.maxReferences());
        var numbers = new HashSet<Integer>();
        for (int i = 0; i < references.size(); i++) {
            var reference = references.get(i);
            var field = "input.references[" + i + "]";
            if (reference.number() < 1) {
                throw ApiException.badUserInput(field + ".number", "must be positive");
            }
            if (!numbers.add(reference.number())) {
                throw ApiException.badUserInput(field + ".number", "duplicate reference number " + reference.number());
            }
            required(field + ".title", reference.title());
            authors(field + ".authors", reference.authors());
            optional(field + ".journal", reference.journal());
            optional(field + ".volume", reference.volume());
            optional(field + ".issue", reference.issue());
            optional(field + ".pages", reference.pages());
            year(field + ".year", reference.year());
            doi(field + ".doi", reference.doi());
        }
        return numbers;
    }

    private void citations(ArticleInput input, HashSet<Integer> referenceNumbers) {
        size("input.citations", input.citations(), limits.maxCitations());
        var seen = new HashSet<Integer>();
        for (int i = 0; i < input.citations().size(); i++) {
            var citation = input.citations().get(i);
            var field = "input.citations[" + i + "]";
            if (!referenceNumbers.contains(citation.number())) {
                throw ApiException.badUserInput(
                        field + ".number", "cites [" + citation.number() + "] but no reference has that number");
            }
            if (!seen.add(citation.number())) {
                throw ApiException.badUserInput(field + ".number", "duplicate citation number " + citation.number());
            }
            size(field + ".contexts", citation.contexts(), limits.maxContexts());
            for (int c = 0; c < citation.contexts().size(); c++) {
                length(field + ".contexts[" + c + "]", citation.contexts().get(c), limits.maxSectionTextLength());
            }
        }
    }

    private void authors(String field, List<AuthorInput> authors) {
        size(field, authors, limits.maxAuthors());
        for (int i = 0; i < authors.size(); i++) {
            var author = authors.get(i);
            required(field + "[" + i + "].family", author.family());
            optional(field + "[" + i + "].given", author.given());
            optional(field + "[" + i + "].suffix", author.suffix());
        }
    }

    private void year(String field, @Nullable Integer year) {
        if (year != null && (year < limits.minYear() || year > limits.maxYear())) {
            throw ApiException.badUserInput(
                    field, "must be between " + limits.minYear() + " and " + limits.maxYear() + " (was " + year + ")");
        }
    }

    private void doi(String field, @Nullable String doi) {
        optional(field, doi);
        var canonical = TextNormalizer.doi(doi);
        if (canonical != null && !TextNormalizer.isDoi(canonical)) {
            throw ApiException.badUserInput(field, "is not a DOI (expected 10.<registrant>/<suffix>)");
        }
    }

    private void required(String field, String value) {
        if (value.isBlank()) {
            throw ApiException.badUserInput(field, "must not be blank");
        }
        length(field, value, limits.maxStringLength());
    }

    private void optional(String field, @Nullable String value) {
        if (value != null) {
            length(field, value, limits.maxStringLength());
        }
    }

    private static void length(String field, String value, int max) {
        if (value.length() > max) {
            throw ApiException.badUserInput(field, "must be at most " + max + " characters");
        }
    }

    private static void size(String field, List<?> list, int max) {
        if (list.size() > max) {
            throw ApiException.badUserInput(field, "must hold at most " + max + " items");
        }
    }
}
