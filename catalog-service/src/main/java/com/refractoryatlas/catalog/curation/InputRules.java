package com.refractoryatlas.catalog.curation;

import com.refractoryatlas.catalog.CatalogProperties;
import com.refractoryatlas.catalog.naming.Names;
import com.refractoryatlas.subgraph.ApiException;
import com.refractoryatlas.subgraph.VisibleText;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The shape rules every written value obeys; each failure names the offending field. */
@Component
class InputRules {

    private final CatalogProperties.Limits limits;

    InputRules(CatalogProperties properties) {
        this.limits = properties.limits();
    }

    void id(String field, String id) {
        if (id.isBlank()) {
            throw ApiException.badUserInput(field, "must not be blank");
        }
        if (id.length() > limits.idLength()) {
            throw ApiException.badUserInput(field, "must be at most " + limits.idLength() + " characters");
        }
        if (!Names.isSlug(id)) {
            throw ApiException.badUserInput(
                    field, "must be a slug: lower-case letters and digits in words joined by '-' (was '" + id + "')");
        }
    }

    void reference(String field, String id) {
        if (id.isBlank()) {
            throw ApiException.badUserInput(field, "must not be blank");
        }
        if (id.length() > limits.textLength()) {
            throw ApiException.badUserInput(field, "must be at most " + limits.textLength() + " characters");
        }
    }

    /** A name or an alias: one line of visible text. */
    void name(String field, String name) {
        text(field, name, limits.nameLength());
        visible(field, name, false);
    }

    /** Aliases and abbreviations: each one line of visible text. */
    void aliases(String field, List<String> aliases) {
        size(field, aliases);
        for (int i = 0; i < aliases.size(); i++) {
            text(field + "[" + i + "]", aliases.get(i), limits.textLength());
            visible(field + "[" + i + "]", aliases.get(i), false);
        }
    }

    void text(String field, @Nullable String text) {
        if (text != null) {
            text(field, text, limits.textLength());
            visible(field, text, true);
        }
    }

    void texts(String field, List<String> texts) {
        size(field, texts);
        for (int i = 0; i < texts.size(); i++) {
            text(field + "[" + i + "]", texts.get(i), limits.textLength());
            visible(field + "[" + i + "]", texts.get(i), true);
        }
    }

    /**
     * Refuses characters that make stored text lie about what it says or break what displays it: control characters
     * (NUL and the like; line breaks and tabs only in prose, never in names), format characters (bidi overrides and
     * isolates such as U+202E, zero-width spaces and joiners, the BOM, soft hyphens) and lone surrogates. One pass
     * over the text.
     */
    private static void visible(String field, String text, boolean prose) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (!VisibleText.allowed(c, prose)) {
                var name = Character.getName(c);
                throw ApiException.badUserInput(
                        field,
                        "must not contain the invisible or control character U+%04X%s at index %d"
                                .formatted(c, name == null ? "" : " (" + name + ")", i));
            }
            i += Character.charCount(c);
        }
    }

    void references(String field, List<String> ids) {
        size(field, ids);
        for (int i = 0; i < ids.size(); i++) {
            reference(field + "[" + i + "]", ids.get(i));
        }
    }

    void ids(String field, List<String> ids) {
        size(field, ids);
        for (int i = 0; i < ids.size(); i++) {
            id(field + "[" + i + "]", ids.get(i));
        }
    }

    void size(String field, List<?> list) {
        if (list.size() > limits.listItems()) {
            throw ApiException.badUserInput(field, "must hold at most " + limits.listItems() + " entries");
        }
    }

    void batch(String field, List<?> list) {
        if (list.size() > limits.batchItems()) {
            throw ApiException.badUserInput(field, "must hold at most " + limits.batchItems() + " items");
        }
    }

    private static void text(String field, String text, int max) {
        if (text.isBlank()) {
            throw ApiException.badUserInput(field, "must not be blank");
        }
        if (text.length() > max) {
            throw ApiException.badUserInput(field, "must be at most " + max + " characters");
        }
    }
}
