package com.refractoryatlas.references.reference;

import com.refractoryatlas.references.text.TextNormalizer;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Derives a reference's id from its content, so that the same work cited by two articles, or imported twice, is one
 * stored reference. With a DOI the id is {@code ref-} plus the first 16 hex digits of SHA-256 of
 * {@code "doi:" + canonical DOI}; without one, of {@code "work:" + first author's family name | year | title}, each
 * normalized by {@link TextNormalizer}. The rules are described in {@code docs/references-identity.md}.
 */
public final class ReferenceIdentity {

    static final String PREFIX = "ref-";

    private ReferenceIdentity() {}

    /** The id of the work with these fields. */
    public static String idOf(@Nullable String doi, List<Author> authors, @Nullable Integer year, String title) {
        var canonicalDoi = TextNormalizer.doi(doi);
        if (canonicalDoi != null) {
            return PREFIX + TextNormalizer.shortHash("doi:" + canonicalDoi);
        }
        var family = authors.isEmpty()
                ? ""
                : TextNormalizer.familyName(authors.getFirst().family());
        var key =
                "work:" + family + "|" + (year == null ? "" : year.toString()) + "|" + TextNormalizer.normalize(title);
        return PREFIX + TextNormalizer.shortHash(key);
    }
}
