package com.refractoryatlas.references.article;

import com.refractoryatlas.references.text.TextNormalizer;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Derives an article's id so that importing the same document again, or a corrected version of it, updates it in
 * place: {@code doi:<canonical DOI>} when it has a DOI, else {@code sha256:<checksum of the source text>}.
 */
public final class ArticleIdentity {

    private ArticleIdentity() {}

    public static String idOf(@Nullable String doi, String checksum) {
        var canonicalDoi = TextNormalizer.doi(doi);
        return canonicalDoi != null ? "doi:" + canonicalDoi : "sha256:" + checksum.toLowerCase(Locale.ROOT);
    }
}
