package com.refractoryatlas.subgraph;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one rule for what counts as a DOI, shared by the service that refuses the others (the references service's
 * article input) and the service that must send DOIs it will accept (the importer fitting an article): the resolver
 * prefix ({@code https://doi.org/}, {@code doi:}) taken off, lower case, then {@code 10.<registrant>/<suffix>}.
 */
public final class DoiShape {

    private static final Pattern PREFIX =
            Pattern.compile("^(?:https?://(?:dx\\.)?doi\\.org/|doi:\\s*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SHAPE = Pattern.compile("^10\\.\\d{3,9}(?:\\.\\d+)*/\\S+$");

    private DoiShape() {}

    /**
     * A DOI in its canonical form (no resolver prefix, lower-case, trimmed), or null when {@code doi} is blank. DOIs
     * are case-insensitive by definition.
     */
    public static @Nullable String canonical(@Nullable String doi) {
        if (doi == null || doi.isBlank()) {
            return null;
        }
        var bare = PREFIX.matcher(doi.strip()).replaceFirst("");
        return bare.strip().toLowerCase(Locale.ROOT);
    }

    /** Whether a canonical DOI has the {@code 10.<registrant>/<suffix>} shape. */
    public static boolean isCanonicalDoi(String canonicalDoi) {
        return SHAPE.matcher(canonicalDoi).matches();
    }
}
