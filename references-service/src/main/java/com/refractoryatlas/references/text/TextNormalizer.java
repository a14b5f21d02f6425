package com.refractoryatlas.references.text;

import com.refractoryatlas.subgraph.DoiShape;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One normalization for identity and search, so that "Müller", "MULLER" and "*Muller*" are the same word both when
 * an id is derived and when a user searches. The steps are: Unicode NFKD, drop combining marks (diacritics),
 * lower-case, drop the emphasis markers {@code *} and {@code _}, turn every other non-letter non-digit into a space,
 * collapse whitespace. See {@code docs/references-identity.md}.
 */
public final class TextNormalizer {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern EMPHASIS = Pattern.compile("[*_]+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Set<String> NAME_SUFFIXES = Set.of("jr", "sr", "ii", "iii", "iv", "v");
    private static final int SHORT_HASH_HEX = 16;

    private TextNormalizer() {}

    /** The normalized form of {@code text}: lower-case words of letters and digits separated by single spaces. */
    public static String normalize(@Nullable String text) {
        if (text == null) {
            return "";
        }
        var decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        var plain = COMBINING_MARKS.matcher(decomposed).replaceAll("");
        var lower = plain.toLowerCase(Locale.ROOT);
        var unemphasized = EMPHASIS.matcher(lower).replaceAll("");
        return NON_WORD.matcher(unemphasized).replaceAll(" ").strip();
    }

    /** The distinct words of {@code text} after normalization, in order of first appearance. */
    public static List<String> tokens(@Nullable String text) {
        var normalized = normalize(text);
        if (normalized.isEmpty()) {
            return List.of();
        }
        return List.copyOf(new LinkedHashSet<>(Arrays.asList(normalized.split(" "))));
    }

    /** A family name for identity: normalized, with generational suffixes (Jr., Sr., III) dropped. */
    public static String familyName(@Nullable String family) {
        return tokens(family).stream()
                .filter(token -> !NAME_SUFFIXES.contains(token))
                .reduce((a, b) -> a + " " + b)
                .orElse("");
    }

    /**
     * A DOI in its canonical form (no resolver prefix, lower-case, trimmed), or null when {@code doi} is blank. DOIs
     * are case-insensitive by definition.
     */
    public static @Nullable String doi(@Nullable String doi) {
        return DoiShape.canonical(doi);
    }

    /** Whether a canonical DOI has the {@code 10.<registrant>/<suffix>} shape ({@link DoiShape}). */
    public static boolean isDoi(String canonicalDoi) {
        return DoiShape.isCanonicalDoi(canonicalDoi);
    }

    /** The first 16 hex digits of the SHA-256 of {@code text}: short, stable and collision-safe at our scale. */
    public static String shortHash(String text) {
        return sha256(text).substring(0, SHORT_HASH_HEX);
    }

    /** The SHA-256 of {@code text} (UTF-8) in lower-case hex. */
    public static String sha256(String text) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
