package com.refractoryatlas.references.reference;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.regex;

import com.refractoryatlas.references.ReferencesProperties;
import com.refractoryatlas.references.catalog.ConditionEvidence;
import com.refractoryatlas.references.text.TextNormalizer;
import com.refractoryatlas.subgraph.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Turns a {@link ReferenceFilter} into a MongoDB filter. User text is never a query: it is normalized into words of
 * letters and digits, and each word must be the prefix of a stored token (an anchored, escaped regex the token index
 * serves), so operators, regex syntax and catastrophic patterns are plain text and cost bounded time.
 */
@Component
class ReferenceSearch {

    private final ReferencesProperties.Limits limits;
    private final ConditionEvidence conditionEvidence;

    ReferenceSearch(ReferencesProperties properties, ConditionEvidence conditionEvidence) {
        this.limits = properties.limits();
        this.conditionEvidence = conditionEvidence;
    }

    /** The MongoDB filter, or empty when the filter can match nothing (so no query needs to run). */
    Optional<Bson> toBson(@Nullable ReferenceFilter filter) {
        if (filter == null) {
            return Optional.of(new Document());
        }
        var clauses = new ArrayList<Bson>();
        if (!addWords(clauses, ReferenceDocument.TEXT_TOKENS, "filter.text", filter.text())
                || !addWords(clauses, ReferenceDocument.AUTHOR_TOKENS, "filter.author", filter.author())
                || !addWords(clauses, ReferenceDocument.JOURNAL_TOKENS, "filter.journal", filter.journal())) {
            return Optional.empty();
        }
        if (filter.yearFrom() != null) {
            clauses.add(gte(ReferenceDocument.YEAR, filter.yearFrom()));
        }
        if (filter.yearTo() != null) {
            clauses.add(lte(ReferenceDocument.YEAR, filter.yearTo()));
        }
        if (filter.conditionId() != null) {
            var ids = conditionEvidence.referenceIdsOf(filter.conditionId());
            if (ids.isEmpty()) {
                return Optional.empty();
            }
            clauses.add(in("_id", ids));
        }
        return Optional.of(clauses.isEmpty() ? new Document() : and(clauses));
    }

    /** Adds one prefix clause per word; false when the text has no searchable word (it then matches nothing). */
    private boolean addWords(List<Bson> clauses, String field, String argument, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        if (text.length() > limits.maxSearchLength()) {
            throw ApiException.badUserInput(argument, "must be at most " + limits.maxSearchLength() + " characters");
        }
        var words = TextNormalizer.tokens(text);
        if (words.size() > limits.maxSearchWords()) {
            throw ApiException.badUserInput(argument, "must be at most " + limits.maxSearchWords() + " words");
        }
        words.forEach(word -> clauses.add(regex(field, "^" + escapeRegex(word))));
        return !words.isEmpty();
    }

    /**
     * Escapes every character that is not a letter or digit. Normalized words hold none, so this is defence in depth
     * that keeps the prefix simple enough for the index to bound it (unlike {@code \Q...\E}).
     */
    static String escapeRegex(String literal) {
        var escaped = new StringBuilder(literal.length());
        literal.codePoints().forEach(codePoint -> {
            if (!Character.isLetterOrDigit(codePoint)) {
                escaped.append('\\');
            }
            escaped.appendCodePoint(codePoint);
        });
        return escaped.toString();
    }
}
