package com.refractoryatlas.catalog.naming;

import com.mongodb.client.model.Filters;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.bson.conversions.Bson;

/**
 * Text normalization shared by storage and queries. The embedded MongoDB server has no {@code $text} index and no
 * collation, so names are reduced here to lower-case ASCII slugs and word tokens that plain indexes and anchored
 * regexes can search; user text is never interpreted as a pattern or an operator.
 */
public final class Names {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");
    private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");

    private Names() {}

    /** The slug of a name: {@code "Treatment-resistant depression"} → {@code treatment-resistant-depression}. */
    public static String slug(String text) {
        var words = NON_WORD.split(fold(text));
        var joined = String.join("-", List.of(words));
        return trimDashes(joined);
    }

    /** Whether {@code id} is already a well-formed slug (lower-case words joined by single dashes). */
    public static boolean isSlug(String id) {
        return SLUG.matcher(id).matches();
    }

    /** The distinct words of {@code text}, folded to lower-case ASCII, in order. */
    public static List<String> tokens(String text) {
        var words = new LinkedHashSet<String>();
        for (var word : NON_WORD.split(fold(text))) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return List.copyOf(words);
    }

    /** The search tokens of a name and its aliases, for the multikey {@code searchTokens} index. */
    public static List<String> searchTokens(String name, Collection<String> aliases) {
        var all = new LinkedHashSet<>(tokens(name));
        aliases.forEach(alias -> all.addAll(tokens(alias)));
        return List.copyOf(all);
    }

    /**
     * Filters matching documents whose {@code field} holds, for every word of {@code text}, a token starting with
     * it; empty when the text has no word at all (the caller then matches nothing rather than everything). Each word
     * is quoted, so the text is taken literally whatever characters it holds.
     */
    public static List<Bson> prefixFilters(String field, String text) {
        var filters = new ArrayList<Bson>();
        for (var word : tokens(text)) {
            filters.add(Filters.regex(field, "^" + Pattern.quote(word)));
        }
        return List.copyOf(filters);
    }

    private static String fold(String text) {
        var decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        return DIACRITICS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }

    private static String trimDashes(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == '-') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == '-') {
            end--;
        }
        return text.substring(start, end);
    }
}
