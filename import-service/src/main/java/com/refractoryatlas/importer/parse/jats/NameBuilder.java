package com.refractoryatlas.importer.parse.jats;

import com.refractoryatlas.importer.parse.ParsedAuthor;
import com.refractoryatlas.importer.parse.StructuredFields;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One JATS person ({@code name}, {@code string-name}) or group author ({@code collab}) as its parts arrive. The
 * honorific {@code prefix} ("Dr") is not part of a citable name and is dropped; particles live in {@code surname}.
 */
final class NameBuilder {

    @Nullable
    String surname;

    @Nullable
    String given;

    @Nullable
    String suffix;

    @Nullable
    String literal;

    @Nullable
    String collab;

    /** The names this element stands for: one, or those a plain-text {@code string-name} prints. */
    List<ParsedAuthor> build() {
        if (collab != null && !collab.isBlank()) {
            return List.of(new ParsedAuthor(StructuredFields.collapse(collab), null, null));
        }
        if (surname != null && !surname.isBlank()) {
            return List.of(new ParsedAuthor(clean(surname), blankToNull(given), blankToNull(suffix)));
        }
        if (given != null && !given.isBlank()) {
            return List.of(new ParsedAuthor(clean(given), null, blankToNull(suffix)));
        }
        if (literal != null && !literal.isBlank()) {
            return StructuredFields.authors(literal);
        }
        return List.of();
    }

    private static String clean(String s) {
        return StructuredFields.collapse(s);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : StructuredFields.collapse(s);
    }
}
