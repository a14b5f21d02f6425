package com.refractoryatlas.references.reference;

import com.refractoryatlas.references.text.TextNormalizer;
import java.util.LinkedHashSet;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;
import org.jspecify.annotations.Nullable;

/**
 * A reference as stored in the {@code references} collection: the work plus the normalized keys that search and
 * keyset paging use (the embedded server has no {@code $text} and no collation, so these are precomputed). Public
 * only because the driver's record codec reads components reflectively; the rest of the service never sees it.
 */
public record ReferenceDocument(
        @BsonId String id,
        String title,
        List<Author> authors,
        @Nullable String journal,
        @Nullable String volume,
        @Nullable String issue,
        @Nullable String pages,
        @Nullable Integer year,
        @Nullable String doi,
        String sortKey,
        List<String> textTokens,
        List<String> authorTokens,
        List<String> journalTokens) {

    static final String SORT_KEY = "sortKey";
    static final String TEXT_TOKENS = "textTokens";
    static final String AUTHOR_TOKENS = "authorTokens";
    static final String JOURNAL_TOKENS = "journalTokens";
    static final String YEAR = "year";
    private static final int SORT_KEY_LENGTH = 120;

    public ReferenceDocument {
        authors = List.copyOf(authors);
        textTokens = List.copyOf(textTokens);
        authorTokens = List.copyOf(authorTokens);
        journalTokens = List.copyOf(journalTokens);
    }

    static ReferenceDocument of(Reference reference) {
        var authorTokens = new LinkedHashSet<String>();
        for (var author : reference.authors()) {
            authorTokens.addAll(TextNormalizer.tokens(author.family()));
            authorTokens.addAll(TextNormalizer.tokens(author.given()));
        }
        var journalTokens = TextNormalizer.tokens(reference.journal());
        var textTokens = new LinkedHashSet<>(TextNormalizer.tokens(reference.title()));
        textTokens.addAll(authorTokens);
        textTokens.addAll(journalTokens);
        var sortKey = TextNormalizer.normalize(reference.title());
        return new ReferenceDocument(
                reference.id(),
                reference.title(),
                reference.authors(),
                reference.journal(),
                reference.volume(),
                reference.issue(),
                reference.pages(),
                reference.year(),
                reference.doi(),
                sortKey.length() > SORT_KEY_LENGTH ? sortKey.substring(0, SORT_KEY_LENGTH) : sortKey,
                List.copyOf(textTokens),
                List.copyOf(authorTokens),
                journalTokens);
    }

    Reference toReference() {
        return new Reference(id, title, authors, journal, volume, issue, pages, year, doi);
    }
}
